using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Billing.Sql;
using CpanelBilling.Testing.Billing;
using Xunit;

namespace CpanelBilling.Billing.Tests.Contract;

/// <summary>
/// What every billing backend must do. Each test gets a fresh database from the subclass (SQLite always,
/// SQL Server when configured), so a behaviour is specified once and held on both.
/// </summary>
public abstract partial class BillingRepositoryContract : IAsyncLifetime
{
    protected static readonly DateTime Start = new DateTime(2024, 5, 10, 12, 0, 0, DateTimeKind.Utc);

    protected TestClock Clock { get; } = new TestClock(Start);

    protected ITestBillingDatabase Database { get; private set; } = null!;

    protected IBillingRepository Repository { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        Repository = await OpenSecondRepositoryAsync();
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();

    protected abstract Task<ITestBillingDatabase> CreateDatabaseAsync();

    /// <summary>Another, independent user of the same database (its own connections), e.g. a second runbook.</summary>
    protected Task<IBillingRepository> OpenSecondRepositoryAsync() =>
        Database.OpenRepositoryAsync(new BillingRepositoryOptions { UtcNow = Clock.Now, Timeout = TimeSpan.FromSeconds(20) });

    protected Task<BillingScenario> ScenarioAsync(int freeDedicatedIps = 2) => BillingScenario.CreateAsync(Repository, freeDedicatedIps);

    protected async Task<List<Account>> ListAsync(AccountQuery query)
    {
        var accounts = new List<Account>();
        await foreach (Account account in Repository.ListAccountsAsync(query))
        {
            accounts.Add(account);
        }

        return accounts;
    }

    protected async Task<List<OperationJournalEntry>> JournalAsync(OperationJournalQuery query)
    {
        var entries = new List<OperationJournalEntry>();
        await foreach (OperationJournalEntry entry in Repository.ListOperationsAsync(query))
        {
            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>
    /// The package's MAXPASSENGERAPPS and MAX_TEAM_USERS as their columns hold them, read with a query of its own as a
    /// report would (null when the column is NULL; the package must exist).
    /// </summary>
    protected static async Task<(long? PassengerApps, long? TeamUsers)> StoredPackageLimitsAsync(string target, long serverId, string packageName)
    {
        SqlDialect dialect = BillingDatabase.CreateDialect(target, TimeSpan.FromSeconds(20));
        using BillingSession session = await dialect.OpenSessionAsync(writeTransaction: false, CancellationToken.None);
        Tuple<long?, long?> limits = await session.Sql("SELECT max_passenger_apps, max_team_users FROM server_packages WHERE server_id = @server_id AND name = @name")
            .With("@server_id", serverId).With("@name", packageName)
            .SingleOrDefaultAsync(r => Tuple.Create(r.Int64OrNull("max_passenger_apps"), r.Int64OrNull("max_team_users")), CancellationToken.None)
            ?? throw new InvalidOperationException($"No package '{packageName}' on server {serverId}.");
        return (limits.Item1, limits.Item2);
    }

    /// <summary>Starts both actions at the same moment on pool threads and waits for both, failures included.</summary>
    protected static async Task<(Task<T> First, Task<T> Second)> RaceAsync<T>(Func<Task<T>> first, Func<Task<T>> second)
    {
        var gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<T> a = Task.Run(async () => { await gate.Task; return await first(); });
        Task<T> b = Task.Run(async () => { await gate.Task; return await second(); });
        gate.SetResult(true);
        try
        {
            await Task.WhenAll(a, b);
        }
        catch (Exception)
        {
            // Each task is inspected by the test.
        }

        return (a, b);
    }
}

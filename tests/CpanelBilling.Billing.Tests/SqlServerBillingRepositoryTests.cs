using System;
using System.Threading.Tasks;
using CpanelBilling.Billing.Tests.Contract;
using CpanelBilling.Core.Billing;
using CpanelBilling.Testing.Billing;
using Xunit;

namespace CpanelBilling.Billing.Tests;

/// <summary>The repository contract on SQL Server, each test in a database of its own on the configured server.</summary>
[RequiresEnvironmentVariable(
    TempSqlServerDatabase.EnvironmentVariable,
    "set it to a SQL Server connection string whose login may create databases to run the billing contract on SQL Server.")]
public sealed class SqlServerBillingRepositoryTests : BillingRepositoryContract
{
    [BillingFact]
    public async Task A_runbook_whose_clock_runs_an_hour_ahead_cannot_take_a_live_lease()
    {
        BillingScenario s = await ScenarioAsync();
        Account account = await s.OpenAccountAsync("alice");
        AccountLease held = await Repository.AcquireAccountLeaseAsync(account.Id, "runbook-A", TimeSpan.FromMinutes(5));
        IBillingRepository ahead = await Database.OpenRepositoryAsync(new BillingRepositoryOptions { UtcNow = () => DateTime.UtcNow.AddHours(1) });

        var busy = await Assert.ThrowsAsync<AccountBusyException>(() => ahead.AcquireAccountLeaseAsync(account.Id, "runbook-B", TimeSpan.FromMinutes(5)));

        Assert.Equal("runbook-A", busy.Holder);
        Assert.Equal(held.ExpiresUtc, busy.HeldUntilUtc);

        // The lease started at the database's time: neither the test clock's day in 2024 nor the runbook's hour ahead.
        Assert.InRange(held.AcquiredUtc, DateTime.UtcNow.AddMinutes(-10), DateTime.UtcNow.AddMinutes(10));
    }

    [BillingFact]
    public async Task A_runbook_whose_clock_runs_an_hour_ahead_stamps_the_journal_with_the_database_time()
    {
        BillingScenario s = await ScenarioAsync();
        IBillingRepository ahead = await Database.OpenRepositoryAsync(new BillingRepositoryOptions { UtcNow = () => DateTime.UtcNow.AddHours(1) });
        DateTime before = await Repository.GetDatabaseUtcNowAsync();

        OperationJournalEntry entry = await ahead.BeginOperationAsync(new OperationIntent { ServerId = s.Server.Id, Function = "addpkg" });
        entry = await ahead.CompleteOperationAsync(entry.Id, OperationStatus.Unknown, "no answer");
        DateTime after = await Repository.GetDatabaseUtcNowAsync();

        // Another runbook reads the entry's age on the same clock that wrote it: neither the test clock's day in 2024 nor the hour ahead.
        Assert.InRange(entry.CreatedUtc, before, after);
        Assert.InRange(entry.ChangedUtc, before, after);
        Assert.InRange(await ahead.GetDatabaseUtcNowAsync(), after, after.AddMinutes(10));
        Assert.InRange(after, DateTime.UtcNow.AddMinutes(-10), DateTime.UtcNow.AddMinutes(10));
    }

    protected override async Task<ITestBillingDatabase> CreateDatabaseAsync() => await TempSqlServerDatabase.CreateAsync();
}

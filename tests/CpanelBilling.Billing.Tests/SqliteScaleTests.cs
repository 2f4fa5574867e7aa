using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Billing.Sql;
using CpanelBilling.Testing.Billing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace CpanelBilling.Billing.Tests;

/// <summary>A server with 10,000 accounts: one call records them all; listing streams them. No timing asserted.</summary>
public sealed class SqliteScaleTests : IAsyncLifetime
{
    private const int Accounts = 10_000;
    private static readonly DateTime Start = new DateTime(2024, 5, 10, 12, 0, 0, DateTimeKind.Utc);

    private readonly TempSqliteDatabase _database = new();
    private IBillingRepository _repository = null!;
    private BillingScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _repository = await _database.OpenRepositoryAsync(new BillingRepositoryOptions { UtcNow = () => Start });
        _scenario = await BillingScenario.CreateAsync(_repository);
        await SeedAccountsAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task One_call_records_a_reading_of_10000_accounts()
    {
        List<long> ids = await AccountIdsAsync();
        var reading = new BandwidthReading
        {
            ServerId = _scenario.Server.Id,
            Month = new BillingMonth(2024, 5),
            ReadUtc = Start,
            Observations = ids.Select(id => new BandwidthObservation(id, 1_000_000 + id)).ToList(),
        };

        int recorded = await _repository.RecordBandwidthAsync(reading);

        Assert.Equal(Accounts, recorded);
        IReadOnlyDictionary<long, long> sums = await _repository.GetRecordedBandwidthAsync(_scenario.Server.Id, new BillingMonth(2024, 5));
        Assert.Equal(Accounts, sums.Count);
        Assert.All(ids, id => Assert.Equal(1_000_000 + id, sums[id]));
        Assert.Equal(0, await _repository.RecordBandwidthAsync(reading));
    }

    /// <summary>
    /// A streamed listing is still reading its statement when the first account reaches the caller, so its read
    /// snapshot is still open: SQLite cannot checkpoint WAL frames committed after the read began. A listing that
    /// loaded every row before yielding the first would have ended its read, and the checkpoint would complete.
    /// </summary>
    [Fact]
    public async Task Listing_yields_the_first_account_while_it_is_still_reading_the_table()
    {
        using var observer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _database.FilePath }.ToString());
        observer.Open();
        Checkpoint(observer, "TRUNCATE");
        bool sawFirst = false;

        await foreach (Account first in _repository.ListAccountsAsync(new AccountQuery { ServerId = _scenario.Server.Id }))
        {
            sawFirst = true;
            Assert.Equal("user00000", first.UserName);
            await _scenario.OpenAccountAsync("midlisting");

            (long walFrames, long checkpointed) = Checkpoint(observer, "PASSIVE");
            Assert.True(walFrames > 0, "the write during the listing should have added WAL frames");
            Assert.True(checkpointed < walFrames, $"all {walFrames} WAL frames were checkpointed: no read was open, so the listing had read the whole table first");
            break;
        }

        Assert.True(sawFirst);

        // The listing ended with the loop: now nothing holds the frames back (the check above can tell the two apart).
        (long framesAfter, long checkpointedAfter) = Checkpoint(observer, "PASSIVE");
        Assert.Equal(framesAfter, checkpointedAfter);
    }

    [Fact]
    public async Task Listing_returns_every_account_in_id_order_and_can_stop_early_or_be_cancelled()
    {
        long previous = 0;
        int count = 0;
        await foreach (Account account in _repository.ListAccountsAsync(new AccountQuery { ServerId = _scenario.Server.Id }))
        {
            Assert.True(account.Id > previous);
            previous = account.Id;
            count++;
        }

        Assert.Equal(Accounts, count);

        await foreach (Account first in _repository.ListAccountsAsync(new AccountQuery()))
        {
            Assert.Equal("user00000", first.UserName);
            break;
        }

        using var cancellation = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (Account account in _repository.ListAccountsAsync(new AccountQuery(), cancellation.Token))
            {
                cancellation.Cancel();
            }
        });

        // Nothing was left open: a write still goes through.
        Account after = await _scenario.OpenAccountAsync("after");
        Assert.Equal(after.Id, (await _repository.GetAccountAsync(after.Id)).Id);
    }

    /// <summary>PRAGMA wal_checkpoint: how many frames the WAL holds and how many of them are in the database file.</summary>
    private static (long WalFrames, long Checkpointed) Checkpoint(SqliteConnection connection, string mode)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode})";
        using SqliteDataReader reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.GetInt64(1), reader.GetInt64(2));
    }

    private async Task<List<long>> AccountIdsAsync()
    {
        var ids = new List<long>(Accounts);
        await foreach (Account account in _repository.ListAccountsAsync(new AccountQuery { ServerId = _scenario.Server.Id }))
        {
            ids.Add(account.Id);
        }

        return ids;
    }

    // Seeded in one transaction with plain inserts: 10,000 OpenAccountAsync calls would commit 10,000 times.
    private async Task SeedAccountsAsync()
    {
        SqlDialect dialect = BillingDatabase.CreateDialect(_database.Target, TimeSpan.FromSeconds(30));
        using BillingSession session = await dialect.OpenSessionAsync(writeTransaction: true, CancellationToken.None);
        for (int i = 0; i < Accounts; i++)
        {
            string user = "user" + i.ToString("00000", System.Globalization.CultureInfo.InvariantCulture);
            long domainId = (await session.Sql(dialect.Statements.InsertDomain)
                .With("@customer_id", _scenario.Customer.Id).With("@name", user + ".example.com").With("@now", Start)
                .ScalarInt64Async(CancellationToken.None))!.Value;
            await session.Sql(dialect.Statements.InsertAccount)
                .With("@customer_id", _scenario.Customer.Id).With("@server_id", _scenario.Server.Id).With("@domain_id", domainId)
                .With("@plan_id", _scenario.Plan.Id).With("@user_name", user).With("@status", (int)AccountStatus.Active)
                .With("@suspend_reason", (string?)null).With("@wants_dedicated_ip", false)
                .With("@bandwidth_limit_mb", (long?)null).With("@disk_limit_mb", (long?)null).With("@email_accounts_limit", (long?)null)
                .With("@databases_limit", (long?)null).With("@addon_domains_limit", (long?)null).With("@now", Start)
                .ScalarInt64Async(CancellationToken.None);
        }

        await session.CommitAsync(CancellationToken.None);
    }
}

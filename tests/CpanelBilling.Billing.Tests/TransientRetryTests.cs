using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Billing.Sql;
using CpanelBilling.Testing.Billing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace CpanelBilling.Billing.Tests;

/// <summary>
/// Which failures run a unit of work again (deadlock victims, a busy or locked database), how often, and a real
/// SQLite write that finds the file locked past its busy timeout, then succeeds on the retry.
/// </summary>
public sealed class TransientRetryTests
{
    // SQLite result codes (sqlite.org/rescode.html).
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;
    private const int SqliteBusySnapshot = 517;
    private const int SqliteIoError = 10;

    [Theory]
    [InlineData(SqliteBusy, SqliteBusy, true)]
    [InlineData(SqliteLocked, SqliteLocked, true)]
    [InlineData(SqliteBusySnapshot, SqliteBusySnapshot, true)]
    [InlineData(SqliteConstraint, 2067, false)]
    [InlineData(SqliteIoError, SqliteIoError, false)]
    public void SQLite_busy_and_locked_are_transient_and_nothing_else(int code, int extendedCode, bool transient)
    {
        SqlDialect sqlite = BillingDatabase.CreateDialect("Data Source=:memory:", TimeSpan.FromSeconds(1));

        Assert.Equal(transient, sqlite.IsTransient(new SqliteException("SQLite error", code, extendedCode)));
    }

    [Theory]
    [InlineData(1205, true)] // deadlock victim
    [InlineData(1222, true)] // lock request timeout
    [InlineData(40613, true)] // Azure SQL database not currently available
    [InlineData(40501, true)] // service busy
    [InlineData(10054, true)] // connection reset by the network
    [InlineData(2627, false)] // unique key violation: the work itself is wrong
    [InlineData(547, false)] // foreign key violation
    [InlineData(208, false)] // invalid object name
    [InlineData(-2, false)] // client command timeout: the full timeout was already waited
    [InlineData(0, false)]
    public void SQL_Server_errors_are_transient_by_their_number(int number, bool transient)
    {
        Assert.Equal(transient, SqlServerDialect.IsTransientErrorNumber(number));
    }

    [Fact]
    public async Task A_transient_failure_runs_the_work_again_after_growing_pauses()
    {
        var pauses = new List<TimeSpan>();
        var retry = new TransientRetry(3, TimeSpan.FromMilliseconds(100), (pause, _) => { pauses.Add(pause); return Task.CompletedTask; });
        int attempts = 0;

        string result = await retry.RunAsync(
            () => ++attempts < 3 ? throw Busy() : Task.FromResult("done"),
            IsBusy,
            CancellationToken.None);

        Assert.Equal("done", result);
        Assert.Equal(3, attempts);
        Assert.Equal(2, pauses.Count);
        Assert.InRange(pauses[0].TotalMilliseconds, 50, 150);
        Assert.InRange(pauses[1].TotalMilliseconds, 150, 450);
    }

    [Fact]
    public async Task The_last_transient_failure_and_any_other_failure_reach_the_caller_unchanged()
    {
        var retry = new TransientRetry(3, TimeSpan.Zero, (_, _) => Task.CompletedTask);
        int attempts = 0;
        SqliteException busy = Busy();

        SqliteException last = await Assert.ThrowsAsync<SqliteException>(() => retry.RunAsync<int>(() => { attempts++; throw busy; }, IsBusy, CancellationToken.None));
        Assert.Same(busy, last);
        Assert.Equal(3, attempts);

        attempts = 0;
        await Assert.ThrowsAsync<SqliteException>(
            () => retry.RunAsync<int>(() => { attempts++; throw new SqliteException("UNIQUE constraint failed", SqliteConstraint, 2067); }, IsBusy, CancellationToken.None));
        Assert.Equal(1, attempts);

        attempts = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() => retry.RunAsync<int>(() => { attempts++; throw new InvalidOperationException(); }, IsBusy, CancellationToken.None));
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Cancellation_during_the_pause_stops_the_retries()
    {
        using var cancellation = new CancellationTokenSource();
        var retry = new TransientRetry(5, TimeSpan.FromMinutes(1));
        int attempts = 0;

        Task<int> running = retry.RunAsync<int>(() => { attempts++; cancellation.Cancel(); throw Busy(); }, IsBusy, cancellation.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task A_write_that_finds_the_file_locked_past_the_busy_timeout_runs_again_and_is_saved_once()
    {
        await using var database = new TempSqliteDatabase();
        IBillingRepository reader = await database.OpenRepositoryAsync();
        using var competitor = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database.FilePath, DefaultTimeout = 1 }.ToString());
        competitor.Open();

        // Another writer (a second runbook) holds the write lock until the repository's first attempt has given up.
        SqliteTransaction held = competitor.BeginTransaction(deferred: false);
        var pauses = new List<TimeSpan>();
        var retry = new TransientRetry(3, TimeSpan.FromMilliseconds(10), (pause, _) =>
        {
            pauses.Add(pause);
            held.Rollback();
            return Task.CompletedTask;
        });
        var repository = new BillingRepository(BillingDatabase.CreateDialect(database.Target, TimeSpan.FromMilliseconds(100)), () => DateTime.UtcNow, retry);

        BillingPlan plan = await repository.AddPlanAsync("Retried", includesDedicatedIp: false);

        Assert.Single(pauses);
        Assert.Equal(plan.Id, (await reader.FindPlanAsync("Retried"))!.Id);
        Assert.Single(await reader.ListPlansAsync());
    }

    private static SqliteException Busy() => new("database is locked", SqliteBusy, SqliteBusy);

    private static bool IsBusy(System.Data.Common.DbException exception) => exception is SqliteException { SqliteErrorCode: SqliteBusy };
}

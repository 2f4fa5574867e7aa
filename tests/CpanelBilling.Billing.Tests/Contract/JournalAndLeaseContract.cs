using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Testing.Billing;
using Xunit;

namespace CpanelBilling.Billing.Tests.Contract;

public abstract partial class BillingRepositoryContract
{
    [BillingFact]
    public async Task The_journal_keeps_intent_attempts_and_outcome_without_secrets()
    {
        BillingScenario s = await ScenarioAsync();
        Account account = await s.OpenAccountAsync("alice");

        OperationJournalEntry entry = await Repository.BeginOperationAsync(new OperationIntent
        {
            ServerId = s.Server.Id,
            AccountId = account.Id,
            UserName = "alice",
            Function = "createacct",
            Actor = "runbook-7@host1",
            Parameters = new Dictionary<string, string?> { ["username"] = "alice", ["password"] = "S3cret!pw", ["plan"] = "basic" },
        });
        Assert.Equal(OperationStatus.Pending, entry.Status);
        Assert.Equal(1, entry.Attempts);
        Assert.Equal(SecretMasking.Mask, entry.Parameters["password"]);
        Assert.Equal("basic", entry.Parameters["plan"]);

        Clock.Advance(TimeSpan.FromSeconds(30));
        entry = await Repository.CompleteOperationAsync(entry.Id, OperationStatus.Unknown, "timed out after sending");
        Assert.Null(entry.CompletedUtc);
        entry = await Repository.RecordOperationAttemptAsync(entry.Id);
        Assert.Equal(2, entry.Attempts);
        Assert.Equal(OperationStatus.Pending, entry.Status);
        Clock.Advance(TimeSpan.FromSeconds(30));
        entry = await Repository.CompleteOperationAsync(entry.Id, OperationStatus.Succeeded);

        OperationJournalEntry read = await Repository.GetOperationAsync(entry.Id);
        Assert.Equal(OperationStatus.Succeeded, read.Status);
        AssertDatabaseTime(Start.AddMinutes(1), read.CompletedUtc!.Value);
        AssertDatabaseTime(Start, read.CreatedUtc);
        Assert.Equal("runbook-7@host1", read.Actor);
        Assert.Equal("createacct", read.Function);
        Assert.DoesNotContain(read.Parameters.Values, v => v != null && v.Contains("S3cret"));

        var late = await Assert.ThrowsAsync<BillingConflictException>(() => Repository.CompleteOperationAsync(entry.Id, OperationStatus.Failed, "late"));
        Assert.Equal(BillingErrorIds.JournalEntryAlreadyCompleted, late.ErrorId);
        await Assert.ThrowsAsync<BillingConflictException>(() => Repository.RecordOperationAttemptAsync(entry.Id));
        Assert.Equal(BillingErrorIds.JournalEntryNotFound, (await Assert.ThrowsAsync<BillingNotFoundException>(() => Repository.GetOperationAsync(999))).ErrorId);
    }

    [BillingFact]
    public async Task The_journal_is_stamped_by_the_clock_its_ages_are_read_by()
    {
        BillingScenario s = await ScenarioAsync();
        DateTime before = await Repository.GetDatabaseUtcNowAsync();
        OperationJournalEntry entry = await Repository.BeginOperationAsync(new OperationIntent { ServerId = s.Server.Id, Function = "addpkg" });
        entry = await Repository.CompleteOperationAsync(entry.Id, OperationStatus.Unknown, "no answer");
        DateTime after = await Repository.GetDatabaseUtcNowAsync();

        Assert.Equal(DateTimeKind.Utc, after.Kind);
        AssertDatabaseTime(Start, after);
        Assert.InRange(entry.CreatedUtc, before, after);
        Assert.InRange(entry.ChangedUtc, entry.CreatedUtc, after);
        Assert.Null(entry.CompletedUtc);

        TimeSpan passed = await LetDatabaseTimePassAsync(TimeSpan.FromMilliseconds(300));
        DateTime settling = await Repository.GetDatabaseUtcNowAsync();
        entry = await Repository.CompleteOperationAsync(entry.Id, OperationStatus.Failed, "settled");
        DateTime settled = await Repository.GetDatabaseUtcNowAsync();

        AssertDatabaseTime(Start + passed, settled);
        Assert.InRange(entry.ChangedUtc, settling, settled);
        Assert.InRange(entry.CompletedUtc!.Value, settling, settled);
    }

    [BillingFact]
    public async Task Pending_journal_entries_are_found_per_server_and_account()
    {
        BillingScenario s = await ScenarioAsync();
        BillingScenario other = await ScenarioAsync();
        Account alice = await s.OpenAccountAsync("alice");
        OperationJournalEntry a = await Repository.BeginOperationAsync(new OperationIntent { ServerId = s.Server.Id, AccountId = alice.Id, Function = "suspendacct" });
        OperationJournalEntry b = await Repository.BeginOperationAsync(new OperationIntent { ServerId = s.Server.Id, Function = "addpkg" });
        OperationJournalEntry c = await Repository.BeginOperationAsync(new OperationIntent { ServerId = other.Server.Id, Function = "addpkg" });
        await Repository.CompleteOperationAsync(b.Id, OperationStatus.Failed, "package exists");

        Assert.Equal(new[] { a.Id }, (await JournalAsync(new OperationJournalQuery { ServerId = s.Server.Id, Status = OperationStatus.Pending })).Select(e => e.Id));
        Assert.Equal(new[] { a.Id }, (await JournalAsync(new OperationJournalQuery { AccountId = alice.Id })).Select(e => e.Id));
        Assert.Equal(new[] { a.Id, c.Id }, (await JournalAsync(new OperationJournalQuery { Status = OperationStatus.Pending })).Select(e => e.Id));
        Assert.Equal(new[] { a.Id, b.Id }, (await JournalAsync(new OperationJournalQuery { Limit = 2 })).Select(e => e.Id));
        Assert.Equal("package exists", (await Repository.GetOperationAsync(b.Id)).Error);
        await Assert.ThrowsAsync<BillingNotFoundException>(
            () => Repository.BeginOperationAsync(new OperationIntent { ServerId = s.Server.Id, AccountId = 999, Function = "removeacct" }));
    }

    [BillingFact]
    public async Task A_lease_is_held_by_one_owner_until_released_or_expired()
    {
        BillingScenario s = await ScenarioAsync();
        Account account = await s.OpenAccountAsync("alice");

        AccountLease lease = await Repository.AcquireAccountLeaseAsync(account.Id, "runbook-A", TimeSpan.FromMinutes(5));
        Assert.Equal("runbook-A", lease.Owner);
        Assert.Equal(TimeSpan.FromMinutes(5), lease.ExpiresUtc - lease.AcquiredUtc);
        AssertDatabaseTime(Start, lease.AcquiredUtc);

        var busy = await Assert.ThrowsAsync<AccountBusyException>(() => Repository.AcquireAccountLeaseAsync(account.Id, "runbook-B", TimeSpan.FromMinutes(5)));
        Assert.Equal(FailureKind.Busy, busy.Kind);
        Assert.Equal(BillingErrorIds.AccountLeaseHeld, busy.ErrorId);
        Assert.Equal("runbook-A", busy.Holder);
        Assert.Equal(lease.ExpiresUtc, busy.HeldUntilUtc);

        TimeSpan passed = await LetDatabaseTimePassAsync(TimeSpan.FromMilliseconds(300));
        AccountLease renewed = await Repository.AcquireAccountLeaseAsync(account.Id, "runbook-A", TimeSpan.FromMinutes(5));
        Assert.Equal(lease.AcquiredUtc, renewed.AcquiredUtc);
        Assert.True(renewed.ExpiresUtc >= lease.ExpiresUtc + passed, $"renewed until {renewed.ExpiresUtc:O}, first until {lease.ExpiresUtc:O}");

        Assert.False(await Repository.ReleaseAccountLeaseAsync(account.Id, "runbook-B"));
        Assert.True(await Repository.ReleaseAccountLeaseAsync(account.Id, "runbook-A"));
        Assert.Null(await Repository.GetAccountLeaseAsync(account.Id));
        Assert.Equal("runbook-B", (await Repository.AcquireAccountLeaseAsync(account.Id, "runbook-B", TimeSpan.FromMinutes(5))).Owner);
    }

    [BillingFact]
    public async Task An_expired_lease_is_taken_over()
    {
        BillingScenario s = await ScenarioAsync();
        Account account = await s.OpenAccountAsync("alice");
        TimeSpan shortLease = TimeSpan.FromMilliseconds(300);
        AccountLease crashed = await Repository.AcquireAccountLeaseAsync(account.Id, "crashed-runbook", shortLease);

        await LetDatabaseTimePassAsync(shortLease);
        AccountLease taken = await Repository.AcquireAccountLeaseAsync(account.Id, "runbook-B", TimeSpan.FromMinutes(5));

        Assert.Equal("runbook-B", taken.Owner);
        Assert.True(taken.AcquiredUtc >= crashed.ExpiresUtc);
        AssertDatabaseTime(Start + shortLease, taken.AcquiredUtc);
        Assert.False(await Repository.ReleaseAccountLeaseAsync(account.Id, "crashed-runbook"));
        var unknown = await Assert.ThrowsAsync<BillingNotFoundException>(() => Repository.AcquireAccountLeaseAsync(999, "x", TimeSpan.FromMinutes(1)));
        Assert.Equal(BillingErrorIds.AccountNotFound, unknown.ErrorId);
        var tooLong = await Assert.ThrowsAsync<BillingInvalidValueException>(() => Repository.AcquireAccountLeaseAsync(account.Id, "runbook-B", TimeSpan.FromDays(2)));
        Assert.Equal(FailureKind.InvalidArgument, tooLong.Kind);
    }

    /// <summary>
    /// On SQL Server the database's clock times leases and stamps the journal (see IBillingRepository), so only
    /// SQLite follows <see cref="Clock"/>.
    /// </summary>
    private bool DatabaseTimeFollowsTheTestClock => Database.Backend == BillingBackend.Sqlite;

    private void AssertDatabaseTime(DateTime onTestClock, DateTime actual)
    {
        if (DatabaseTimeFollowsTheTestClock)
        {
            Assert.Equal(onTestClock, actual);
        }
    }

    /// <summary>
    /// Lets <paramref name="wanted"/> of database time (leases, journal) pass and returns it: on the test clock at once;
    /// on the database's clock for real, with a margin for the clock's resolution, so it must be short (tests do not
    /// wait seconds).
    /// </summary>
    private async Task<TimeSpan> LetDatabaseTimePassAsync(TimeSpan wanted)
    {
        if (DatabaseTimeFollowsTheTestClock)
        {
            Clock.Advance(wanted);
            return wanted;
        }

        if (wanted >= TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(wanted), wanted, "Lease tests wait under a second of real time.");
        }

        await Task.Delay(wanted + TimeSpan.FromMilliseconds(50));
        return wanted;
    }
}

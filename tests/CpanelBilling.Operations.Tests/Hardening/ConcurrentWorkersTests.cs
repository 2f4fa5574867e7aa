using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Operations.Bandwidth;
using CpanelBilling.Core.Operations.Leases;
using CpanelBilling.Core.Whm;
using CpanelBilling.Operations.Tests.Accounts;
using CpanelBilling.Testing.Operations;
using Xunit;

namespace CpanelBilling.Operations.Tests.Hardening;

/// <summary>
/// Two runbooks started at the same time on one billing database and one server, each with its own connections,
/// clients and throttles: the same bulk suspension and the same bandwidth collection. Every account is suspended
/// once, billing ends consistent, and every reading is recorded once.
/// </summary>
public sealed class ConcurrentWorkersTests : IClassFixture<OperationsWorldFixture>
{
    private const int AccountCount = 40;
    private const int ThrottleLimit = 8;
    private const string Reason = "Unpaid invoice (bulk run)";
    private static readonly BillingMonth May = new(2024, 5);

    // Short pauses between lease attempts keep the test quick; the wait itself stays generous.
    private static readonly LeaseOptions Leases = new() { Wait = TimeSpan.FromMinutes(2), FirstPause = TimeSpan.FromMilliseconds(5), MaxPause = TimeSpan.FromMilliseconds(50) };

    private readonly OperationsWorldFixture simulator;

    public ConcurrentWorkersTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task Two_workers_running_the_same_bulk_suspension_and_bandwidth_collection_at_once_suspend_each_account_once_and_record_each_reading_once()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        List<Account> accounts = await AccountsWithUsageAsync(world);
        world.Simulator.Server.ClearRequests();
        await using SeparateWorker first = await SeparateWorker.StartAsync(world, "runbook-a", leases: Leases);
        await using SeparateWorker second = await SeparateWorker.StartAsync(world, "runbook-b", leases: Leases);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        Task<List<AccountChangeResult>> suspendA = BulkSuspendAsync(first.Context, start.Task);
        Task<List<AccountChangeResult>> suspendB = BulkSuspendAsync(second.Context, start.Task);
        Task<BandwidthResult> collectA = CollectAsync(first.Context, start.Task);
        Task<BandwidthResult> collectB = CollectAsync(second.Context, start.Task);
        start.SetResult();
        await Task.WhenAll(suspendA, suspendB, collectA, collectB);
        List<AccountChangeResult> suspensions = (await suspendA).Concat(await suspendB).ToList();
        BandwidthResult[] collections = { await collectA, await collectB };

        // Suspended once: one suspendacct per account reached the server, one run changed it, the other found it done.
        foreach (Account account in accounts)
        {
            Assert.Single(world.Requests(WhmFunctions.SuspendAccount), r => r.FormValue("user") == account.UserName);
            Assert.Single(suspensions, r => r.Account.Id == account.Id && r.Changed);
            Assert.Single(suspensions, r => r.Account.Id == account.Id && !r.Changed);
        }

        await AssertBillingConsistentAsync(world, accounts);

        // Recorded once: the two collections together recorded each account once, and billing holds the server's totals.
        Assert.Empty(collections.SelectMany(c => c.Failures));
        Assert.Equal(AccountCount, collections.Sum(c => c.RecordedAccounts));
        await AssertRecordedAsServerCountsAsync(world, accounts, expectedRecords: _ => 1);
    }

    [Fact]
    public async Task Two_workers_collecting_again_after_more_usage_record_only_the_new_usage_once()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        List<Account> accounts = await AccountsWithUsageAsync(world);
        await using SeparateWorker first = await SeparateWorker.StartAsync(world, "runbook-a", leases: Leases);
        await using SeparateWorker second = await SeparateWorker.StartAsync(world, "runbook-b", leases: Leases);
        await CollectAsync(first.Context, Task.CompletedTask);
        List<Account> used = accounts.Where((_, n) => n % 3 == 0).ToList();
        foreach (Account account in used)
        {
            world.SimState.AddBandwidth(account.UserName, May.Year, May.Month, 123_456);
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<BandwidthResult> collectA = CollectAsync(first.Context, start.Task);
        Task<BandwidthResult> collectB = CollectAsync(second.Context, start.Task);
        start.SetResult();
        BandwidthResult[] collections = await Task.WhenAll(collectA, collectB);

        Assert.Equal(used.Count, collections.Sum(c => c.RecordedAccounts));
        await AssertRecordedAsServerCountsAsync(world, accounts, expectedRecords: account => used.Any(u => u.Id == account.Id) ? 2 : 1);
    }

    private static async Task<List<Account>> AccountsWithUsageAsync(OperationsWorld world)
    {
        var accounts = new List<Account>();
        for (int n = 1; n <= AccountCount; n++)
        {
            string user = "bulk" + n.ToString("00", CultureInfo.InvariantCulture);
            accounts.Add(await world.AddActiveAccountAsync(user, user + ".example.com"));
            world.SimState.AddBandwidth(user, May.Year, May.Month, n * 1_000_003L);
        }

        return accounts;
    }

    /// <summary>What <c>Get-CpAccount -Status Active | Suspend-CpAccount</c> does: list, then suspend each, a few at once.</summary>
    private static async Task<List<AccountChangeResult>> BulkSuspendAsync(OperationContext context, Task start)
    {
        var accounts = new AccountOperations(context);
        var active = new List<Account>();
        await foreach (Account account in context.Billing.ListAccountsAsync(new Core.Billing.AccountQuery { Status = AccountStatus.Active }))
        {
            active.Add(account);
        }

        await start;
        var results = new ConcurrentBag<AccountChangeResult>();
        using var slots = new SemaphoreSlim(ThrottleLimit);
        await Task.WhenAll(active.Select(async account =>
        {
            await slots.WaitAsync();
            try
            {
                results.Add(await accounts.SuspendAsync(AccountReference.ById(account.Id), Reason));
            }
            finally
            {
                slots.Release();
            }
        }));
        return results.ToList();
    }

    private static async Task<BandwidthResult> CollectAsync(OperationContext context, Task start)
    {
        await start;
        return await new BandwidthOperations(context, () => FuzzTargets.Now).MeasureAndRecordAsync(new BandwidthRequest());
    }

    private static async Task AssertBillingConsistentAsync(OperationsWorld world, List<Account> accounts)
    {
        List<OperationJournalEntry> journal = await world.JournalAsync(WhmFunctions.SuspendAccount);
        foreach (Account account in accounts)
        {
            Account now = await world.Billing.GetAccountAsync(account.Id);
            Assert.Equal(AccountStatus.Suspended, now.Status);
            Assert.Equal(Reason, now.SuspendReason);
            Assert.True(world.SimState.GetAccount(account.UserName) is { Suspended: true, SuspendReason: Reason });
            OperationJournalEntry entry = Assert.Single(journal, e => e.AccountId == account.Id);
            Assert.Equal(OperationStatus.Succeeded, entry.Status);
            Assert.Null(await world.Billing.GetAccountLeaseAsync(account.Id));
        }
    }

    private static async Task AssertRecordedAsServerCountsAsync(OperationsWorld world, List<Account> accounts, Func<Account, int> expectedRecords)
    {
        long serverTotal = 0;
        long billingTotal = 0;
        foreach (Account account in accounts)
        {
            long onServer = world.SimState.GetBandwidth(account.UserName, May.Year, May.Month);
            long recorded = await world.Billing.GetRecordedBandwidthForAccountAsync(account.Id, May);
            Assert.Equal(onServer, recorded);
            Assert.Equal(expectedRecords(account), (await world.Billing.ListBandwidthRecordsAsync(account.Id, May)).Count);
            serverTotal += onServer;
            billingTotal += recorded;
        }

        Assert.Equal(serverTotal, billingTotal);
    }
}

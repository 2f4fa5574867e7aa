using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Operations.Leases;
using CpanelBilling.Core.Operations.Reconcile;
using CpanelBilling.Operations.Tests.Accounts;
using CpanelBilling.Testing.Billing;
using CpanelBilling.Testing.Operations;
using Xunit;

namespace CpanelBilling.Operations.Tests.Foundation;

/// <summary>
/// The account lease lasts as long as the work, however long the work is held up (behind the server's throttle, a
/// slow createacct), and billing is never written by an operation that lost it. The lease's clock is a test clock
/// moved by hand, so expiry never depends on how fast the machine is.
/// </summary>
public sealed class AccountLeaseTests : IClassFixture<OperationsWorldFixture>
{
    private const string User = "lena";
    private readonly OperationsWorldFixture simulator;

    public AccountLeaseTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task A_lease_is_renewed_past_its_first_expiry_while_the_work_is_held_up_and_nobody_else_can_take_it()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        (Account account, TestClock clock, IBillingRepository clocked, IBillingRepository billing, InterceptedBilling control) = await ClockedAsync(world);
        var leases = new LeaseOptions { Duration = TimeSpan.FromMinutes(10), RenewEvery = TimeSpan.FromMilliseconds(20) };
        var slow = new AccountOperations(new OperationContext(billing, world.Context.Servers, "slow-runbook", leases));
        string? holderWhileHeldUp = null;

        // Right before its server call the operation is held up for 14 minutes of lease time.
        control.BeforeNext(nameof(IBillingRepository.BeginOperationAsync), _ =>
        {
            DateTime firstExpiry = Lease(clocked, account.Id).ExpiresUtc;
            clock.Advance(TimeSpan.FromMinutes(9));
            WaitUntil(() => Lease(clocked, account.Id).ExpiresUtc > firstExpiry, "the lease to be renewed");
            clock.Advance(TimeSpan.FromMinutes(5));
            holderWhileHeldUp = Assert.Throws<AccountBusyException>(
                () => clocked.AcquireAccountLeaseAsync(account.Id, "other-runbook", leases.Duration).GetAwaiter().GetResult()).Holder;
        });

        AccountChangeResult result = await slow.SuspendAsync(world.Ref(User), "Overdue");

        Assert.StartsWith("slow-runbook/", holderWhileHeldUp);
        Assert.Equal(AccountStatus.Suspended, result.Account.Status);
        Assert.True(world.SimState.GetAccount(User).Suspended);
        Assert.Null(await clocked.GetAccountLeaseAsync(account.Id));
    }

    [Fact]
    public async Task A_lease_another_actor_took_over_is_detected_before_billing_is_written_and_repair_settles_the_change_later()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        (Account account, TestClock clock, IBillingRepository clocked, IBillingRepository billing, InterceptedBilling control) = await ClockedAsync(world);
        var stalled = new AccountOperations(new OperationContext(billing, world.Context.Servers, "stalled-runbook"));

        // The process stalls past its lease before the server call (no renewal got through), and another runbook takes the account.
        control.BeforeNext(nameof(IBillingRepository.BeginOperationAsync), _ =>
        {
            clock.Advance(TimeSpan.FromMinutes(11));
            clocked.AcquireAccountLeaseAsync(account.Id, "other-runbook", TimeSpan.FromMinutes(10)).GetAwaiter().GetResult();
        });

        var failure = await Assert.ThrowsAsync<AccountLeaseLostException>(() => stalled.SuspendAsync(world.Ref(User), "Overdue"));

        OperationJournalEntry entry = Assert.Single(await world.JournalAsync("suspendacct"));
        Assert.Equal(OperationErrorIds.LeaseLost, failure.ErrorId);
        Assert.Equal(FailureKind.Conflict, failure.Kind);
        Assert.Equal(User, failure.Target);
        Assert.Equal("other-runbook", failure.Holder);
        Assert.Equal(new[] { entry.Id }, failure.OpenJournalEntries);
        Assert.Contains("Billing was not changed", failure.Message);
        Assert.Contains("Repair-CpAccount", failure.Message);
        Assert.True(world.SimState.GetAccount(User).Suspended);
        Assert.Equal(AccountStatus.Active, (await world.Billing.GetAccountAsync(account.Id)).Status);
        Assert.Equal(OperationStatus.Pending, entry.Status);
        Assert.Equal("other-runbook", (await clocked.GetAccountLeaseAsync(account.Id))!.Owner);

        await clocked.ReleaseAccountLeaseAsync(account.Id, "other-runbook");
        (await new ReconcileOperations(world.Context).RepairAsync(new ReconcileScope().AddServer(world.Server.Name))).Outcomes.ToList()
            .ForEach(o => Assert.Equal(RepairStatus.Done, o.Status));

        Assert.Equal(AccountStatus.Suspended, (await world.Billing.GetAccountAsync(account.Id)).Status);
        Assert.Equal(OperationStatus.Succeeded, (await world.Billing.GetOperationAsync(entry.Id)).Status);
        Assert.Equal(1, world.Sent("suspendacct"));
    }

    [Fact]
    public async Task A_renewal_that_fails_unexpectedly_does_not_stop_the_renewals_and_the_lease_is_still_released()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        (Account account, TestClock clock, IBillingRepository clocked, IBillingRepository billing, InterceptedBilling control) = await ClockedAsync(world);
        var leases = new LeaseOptions { Duration = TimeSpan.FromMinutes(10), RenewEvery = TimeSpan.FromMilliseconds(20) };
        AccountLeaseScope scope = await AccountLeaseScope.AcquireAsync(billing, account.Id, "runbook", leases, CancellationToken.None);
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Not a billing error: a driver's own exception (SqlClient's exhausted pool is an InvalidOperationException).
        control.BeforeNext(nameof(IBillingRepository.AcquireAccountLeaseAsync), _ =>
        {
            failed.SetResult();
            throw new InvalidOperationException("Timeout expired. The timeout period elapsed prior to obtaining a connection from the pool.");
        });
        await failed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        DateTime afterFailure = Lease(clocked, account.Id).ExpiresUtc;
        clock.Advance(TimeSpan.FromMinutes(1));
        WaitUntil(() => Lease(clocked, account.Id).ExpiresUtc > afterFailure, "a renewal after the failed one");

        await scope.DisposeAsync();

        Assert.Null(await clocked.GetAccountLeaseAsync(account.Id));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1)]
    public void A_renewal_period_under_a_millisecond_is_refused(long ticks)
    {
        var leases = new LeaseOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => leases.RenewEvery = TimeSpan.FromTicks(ticks));
        Assert.Null(leases.RenewEvery);
    }

    [Fact]
    public async Task The_renewal_period_and_the_lease_may_be_set_in_any_order_but_a_lease_outlasting_no_renewal_is_refused()
    {
        var later = new LeaseOptions { RenewEvery = TimeSpan.FromMinutes(20), Duration = TimeSpan.FromHours(1) };
        Assert.Equal(TimeSpan.FromMinutes(20), later.RenewInterval);

        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account account = await world.AddActiveAccountAsync(User, "lena.example.com");
        var lapsing = new LeaseOptions { Duration = TimeSpan.FromMinutes(10), RenewEvery = TimeSpan.FromMinutes(10) };

        await Assert.ThrowsAsync<ArgumentException>(() => AccountLeaseScope.AcquireAsync(world.Billing, account.Id, "runbook", lapsing, CancellationToken.None));
        Assert.Null(await world.Billing.GetAccountLeaseAsync(account.Id));
    }

    /// <summary>
    /// Lena's account, and a second repository on the same database whose clock the test moves (as another runbook's
    /// would be), wrapped so the test can act before a chosen repository call.
    /// </summary>
    private static async Task<(Account Account, TestClock Clock, IBillingRepository Clocked, IBillingRepository Billing, InterceptedBilling Control)> ClockedAsync(OperationsWorld world)
    {
        Account account = await world.AddActiveAccountAsync(User, "lena.example.com");
        var clock = new TestClock(DateTime.UtcNow);
        IBillingRepository clocked = await world.OpenBillingAgainAsync(new BillingRepositoryOptions { UtcNow = clock.Now });
        (IBillingRepository billing, InterceptedBilling control) = InterceptedBilling.Wrap(clocked);
        return (account, clock, clocked, billing, control);
    }

    private static AccountLease Lease(IBillingRepository billing, long accountId) =>
        billing.GetAccountLeaseAsync(accountId).GetAwaiter().GetResult() ?? throw new InvalidOperationException("The account has no lease.");

    private static void WaitUntil(Func<bool> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "Timed out waiting for " + what);
            Thread.Sleep(10);
        }
    }
}

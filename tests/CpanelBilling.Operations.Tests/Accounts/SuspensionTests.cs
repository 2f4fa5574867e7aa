using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Operations.Leases;
using CpanelBilling.Testing.Operations;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Operations.Tests.Accounts;

/// <summary>Suspending and resuming: no call when billing already shows the state, server quirks reported, one actor per account.</summary>
public sealed class SuspensionTests : IClassFixture<OperationsWorldFixture>
{
    private const string User = "sam";
    private readonly OperationsWorldFixture simulator;

    public SuspensionTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task Suspending_with_a_reason_suspends_on_the_server_and_in_billing()
    {
        await using OperationsWorld world = await OpenedAsync();

        AccountChangeResult result = await world.Accounts().SuspendAsync(world.Ref(User), "Overdue invoice 1234");

        Assert.Equal(AccountStatus.Suspended, result.Account.Status);
        Assert.Equal("Overdue invoice 1234", result.Account.SuspendReason);
        SimulatedAccount onServer = world.SimState.GetAccount(User);
        Assert.True(onServer.Suspended);
        Assert.Equal("Overdue invoice 1234", onServer.SuspendReason);
        Assert.All(await world.JournalAsync("suspendacct"), e => Assert.Equal(OperationStatus.Succeeded, e.Status));
    }

    [Fact]
    public async Task Ctrl_C_after_the_server_suspended_the_account_still_brings_billing_in_line()
    {
        await using OperationsWorld world = await OpenedAsync();
        (IBillingRepository billing, InterceptedBilling control) = InterceptedBilling.Wrap(world.Billing);
        var accounts = new AccountOperations(new OperationContext(billing, world.Context.Servers, "cancelled-runbook"));
        using var ctrlC = new CancellationTokenSource();

        // The server has answered; Ctrl+C comes just before billing is written. Billing must not be left behind.
        control.BeforeNext(nameof(IBillingRepository.SetAccountStatusAsync), _ => ctrlC.Cancel());
        AccountChangeResult result = await accounts.SuspendAsync(world.Ref(User), "Overdue", cancellationToken: ctrlC.Token);

        Assert.True(ctrlC.IsCancellationRequested);
        Assert.Equal(AccountStatus.Suspended, result.Account.Status);
        Assert.True(world.SimState.GetAccount(User).Suspended);
        Assert.Equal(AccountStatus.Suspended, (await world.Billing.GetAccountAsync(result.Account.Id)).Status);
        Assert.All(await world.JournalAsync("suspendacct"), e => Assert.Equal(OperationStatus.Succeeded, e.Status));
    }

    [Fact]
    public async Task An_account_billing_shows_suspended_is_not_suspended_again_unless_forced()
    {
        await using OperationsWorld world = await OpenedAsync();
        await world.Accounts().SuspendAsync(world.Ref(User), "Overdue");

        AccountChangeResult again = await world.Accounts().SuspendAsync(world.Ref(User), "Overdue");

        Assert.False(again.Changed);
        Assert.Contains("-Force", Assert.Single(again.Warnings));
        Assert.Equal(1, world.Sent("suspendacct"));

        AccountChangeResult forced = await world.Accounts().SuspendAsync(world.Ref(User), "Abuse", force: true);

        Assert.True(forced.Changed);
        Assert.Equal(2, world.Sent("suspendacct"));
        Assert.Contains("already was suspended", Assert.Single(forced.Calls).Note);
        Assert.Equal("Abuse", forced.Account.SuspendReason);
    }

    [Fact]
    public async Task Resuming_unsuspends_on_the_server_and_marks_the_account_active()
    {
        await using OperationsWorld world = await OpenedAsync();
        await world.Accounts().SuspendAsync(world.Ref(User), "Overdue");

        AccountChangeResult result = await world.Accounts().ResumeAsync(world.Ref(User));

        Assert.Equal(AccountStatus.Active, result.Account.Status);
        Assert.Null(result.Account.SuspendReason);
        Assert.False(world.SimState.GetAccount(User).Suspended);
    }

    [Fact]
    public async Task Resuming_an_active_account_sends_nothing_and_forcing_it_reports_the_server_s_answer()
    {
        await using OperationsWorld world = await OpenedAsync();

        AccountChangeResult again = await world.Accounts().ResumeAsync(world.Ref(User));
        Assert.False(again.Changed);
        Assert.Equal(0, world.Sent("unsuspendacct"));

        AccountChangeResult forced = await world.Accounts().ResumeAsync(world.Ref(User), force: true);
        Assert.Contains("was not suspended", Assert.Single(forced.Calls).Note);
        Assert.Equal(AccountStatus.Active, forced.Account.Status);
    }

    [Fact]
    public async Task A_late_answer_to_a_suspension_is_settled_by_reading_the_server()
    {
        await using OperationsWorld world = await OpenedAsync(AccountWorld.GivingUpOn("suspendacct"));
        world.Faults.Set("suspendacct", Fault.LateReply(AccountWorld.LongerThanTheTimeout), 1);

        AccountChangeResult result = await world.Accounts().SuspendAsync(world.Ref(User), "Overdue");
        await world.Simulator.Server.WaitUntilIdleAsync();

        Assert.True(Assert.Single(result.Calls).Adopted);
        Assert.Equal(AccountStatus.Suspended, result.Account.Status);
        Assert.Equal(1, world.Sent("suspendacct"));
    }

    [Fact]
    public async Task A_reason_that_is_too_long_or_not_one_line_is_refused_before_anything_is_sent()
    {
        await using OperationsWorld world = await OpenedAsync();
        world.Simulator.Server.ClearRequests();

        var tooLong = await Assert.ThrowsAsync<AccountOperationException>(() => world.Accounts().SuspendAsync(world.Ref(User), new string('x', 1001)));
        var twoLines = await Assert.ThrowsAsync<AccountOperationException>(() => world.Accounts().SuspendAsync(world.Ref(User), "Overdue\nsee ticket"));

        AccountWorld.AssertFailure(tooLong, AccountErrorIds.InvalidSuspendReason, FailureKind.InvalidArgument);
        AccountWorld.AssertFailure(twoLines, AccountErrorIds.InvalidSuspendReason, FailureKind.InvalidArgument);
        Assert.Empty(world.Simulator.Server.Requests);
        Assert.Equal(AccountStatus.Active, (await world.Billing.FindAccountAsync(world.Server.Id, User))!.Status);
    }

    [Fact]
    public async Task An_account_not_opened_yet_cannot_be_suspended()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.OrderAsync("newbie", "newbie.example.com");
        world.Simulator.Server.ClearRequests();

        var failure = await Assert.ThrowsAsync<AccountOperationException>(() => world.Accounts().SuspendAsync(world.Ref("newbie"), "Overdue"));

        AccountWorld.AssertFailure(failure, AccountErrorIds.WrongState, FailureKind.InvalidArgument);
        Assert.Contains("New-CpAccount", failure.Message);
        Assert.Empty(world.Simulator.Server.Requests);
    }

    [Fact]
    public async Task An_account_another_runbook_works_on_is_busy_and_nothing_is_sent()
    {
        await using OperationsWorld world = await OpenedAsync();
        Account account = (await world.Billing.FindAccountAsync(world.Server.Id, User))!;
        IBillingRepository otherProcess = await world.OpenBillingAgainAsync();
        var patient = new AccountOperations(new OperationContext(
            world.Billing, world.Context.Servers, "impatient", new LeaseOptions { Wait = TimeSpan.FromMilliseconds(300), FirstPause = TimeSpan.FromMilliseconds(50) }));

        await using (await AccountLeaseScope.AcquireAsync(otherProcess, account.Id, "other-runbook@host2", new LeaseOptions(), CancellationToken.None))
        {
            var failure = await Assert.ThrowsAsync<AccountBusyException>(() => patient.SuspendAsync(world.Ref(User), "Overdue"));

            Assert.Equal(FailureKind.Busy, failure.Kind);
            Assert.Equal("other-runbook@host2", failure.Holder);
        }

        Assert.Equal(0, world.Sent("suspendacct"));
        AccountChangeResult afterwards = await patient.SuspendAsync(world.Ref(User), "Overdue");
        Assert.Equal(AccountStatus.Suspended, afterwards.Account.Status);
    }

    [Fact]
    public async Task A_billing_change_made_meanwhile_by_someone_else_is_read_again_and_the_status_still_set()
    {
        await using OperationsWorld world = await OpenedAsync();
        (IBillingRepository billing, InterceptedBilling control) = InterceptedBilling.Wrap(world.Billing);
        Account account = (await world.Billing.FindAccountAsync(world.Server.Id, User))!;
        control.BeforeNext(nameof(IBillingRepository.SetAccountStatusAsync), _ =>
            world.Billing.SetAccountLimitsAsync(account.Id, account.RowVersion, new Core.Billing.AccountLimits { Databases = CountLimit.Of(7) }).GetAwaiter().GetResult());
        var operations = new AccountOperations(new OperationContext(billing, world.Context.Servers, "runbook"));

        AccountChangeResult result = await operations.SuspendAsync(world.Ref(User), "Overdue");

        Assert.Equal(AccountStatus.Suspended, result.Account.Status);
        Assert.Equal(CountLimit.Of(7), result.Account.Limits.Databases);
        Assert.Equal(1, world.Sent("suspendacct"));
        Assert.All(await world.JournalAsync("suspendacct"), e => Assert.Equal(OperationStatus.Succeeded, e.Status));
    }

    [Fact]
    public async Task A_billing_change_that_moves_the_account_elsewhere_is_a_clear_conflict_and_the_journal_stays_pending()
    {
        await using OperationsWorld world = await OpenedAsync();
        (IBillingRepository billing, InterceptedBilling control) = InterceptedBilling.Wrap(world.Billing);
        Account account = (await world.Billing.FindAccountAsync(world.Server.Id, User))!;
        control.BeforeNext(nameof(IBillingRepository.SetAccountStatusAsync), _ =>
            world.Billing.SetAccountStatusAsync(account.Id, account.RowVersion, AccountStatus.Deleted).GetAwaiter().GetResult());
        var operations = new AccountOperations(new OperationContext(billing, world.Context.Servers, "runbook"));

        var failure = await Assert.ThrowsAsync<AccountOperationException>(() => operations.SuspendAsync(world.Ref(User), "Overdue"));

        AccountWorld.AssertFailure(failure, AccountErrorIds.BillingNotUpdated, FailureKind.Conflict);
        Assert.Equal(AccountErrorIds.ChangedMeanwhile, Assert.IsType<AccountOperationException>(failure.InnerException).ErrorId);
        Assert.Equal(OperationStatus.Pending, Assert.Single(await world.JournalAsync("suspendacct")).Status);
    }

    private async Task<OperationsWorld> OpenedAsync(Core.Whm.WhmClientOptions? options = null)
    {
        OperationsWorld world = await OperationsWorld.CreateAsync(simulator, options);
        await world.OpenAsync("sam.example.com", User);
        return world;
    }
}

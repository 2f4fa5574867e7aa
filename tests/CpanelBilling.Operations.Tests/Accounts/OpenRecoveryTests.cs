using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Operations.Journal;
using CpanelBilling.Core.Operations.Reconcile;
using CpanelBilling.Testing.Billing;
using CpanelBilling.Testing.Operations;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Operations.Tests.Accounts;

/// <summary>
/// Opening after each kind of partial failure: the outcome is read from the server, never guessed; running the
/// opening again continues it; createacct is never sent twice for an account the server may have.
/// </summary>
public sealed class OpenRecoveryTests : IClassFixture<OperationsWorldFixture>
{
    private const string User = "rita";
    private const string Domain = "rita.example.com";
    private readonly OperationsWorldFixture simulator;

    public OpenRecoveryTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task A_late_answer_after_the_server_created_the_account_is_adopted_and_createacct_is_not_sent_again()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator, AccountWorld.GivingUpOn("createacct"));
        world.Faults.Set("createacct", Fault.LateReply(AccountWorld.LongerThanTheTimeout), 1);

        AccountChangeResult result = await world.OpenAsync(Domain, User, world.ProPlan);
        await world.Simulator.Server.WaitUntilIdleAsync();

        Assert.Equal(AccountStatus.Active, result.Account.Status);
        Assert.True(Assert.Single(result.Calls, c => c.Function == "createacct").Adopted);
        Assert.Contains(result.Warnings, w => w.Contains("adopted"));
        Assert.Equal(result.Account.DedicatedIp, world.SimState.GetAccount(User).Ip);

        AccountChangeResult again = await world.OpenAsync(Domain, User, world.ProPlan);
        Assert.False(again.Changed);
        Assert.Equal(1, world.Sent("createacct"));
    }

    [Theory]
    [InlineData("hang")]
    [InlineData("http503")]
    [InlineData("reset")]
    public async Task A_lost_answer_with_no_account_on_the_server_yet_keeps_the_opening_and_sends_createacct_again_only_after_the_grace(string fault)
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator, AccountWorld.GivingUpOn("createacct"));
        world.Faults.Add("createacct*1=" + fault);

        var failure = await Assert.ThrowsAsync<ServerOutcomeUnknownException>(() => world.OpenAsync(Domain, User, world.ProPlan));
        await world.Simulator.Server.WaitUntilIdleAsync();

        Assert.Equal(FailureKind.Ambiguous, failure.Kind);
        Assert.Null(failure.CheckFailure);
        Assert.Empty(world.SimState.Accounts);
        Account pending = Assert.Single(await world.AccountsAsync());
        Assert.Equal(AccountStatus.New, pending.Status);
        Assert.NotNull(pending.DedicatedIp);
        OperationJournalEntry first = Assert.Single(await world.JournalAsync("createacct"));
        Assert.Equal(OperationStatus.Unknown, first.Status);

        // Right away the first createacct may still be running on the server: no second one races it.
        var early = await Assert.ThrowsAsync<AccountOperationException>(() => world.OpenAsync(Domain, User, world.ProPlan));
        AccountWorld.AssertFailure(early, AccountErrorIds.CreateMayBeRunning, FailureKind.Busy);
        Assert.Contains("not created twice", early.Message);
        Assert.Equal(1, world.Sent("createacct"));
        Assert.Equal(AccountStatus.New, (await world.Billing.GetAccountAsync(pending.Id)).Status);

        // After the grace the server still has no account: the opening creates it, once more.
        var later = new AccountOperations(new OperationContext(world.Billing, world.Context.Servers, "later-runbook") { UnansweredCallGrace = TimeSpan.Zero });
        AccountChangeResult result = await later.OpenAsync(world.Request(Domain, User, world.ProPlan));

        Assert.Equal(pending.Id, result.Account.Id);
        Assert.Equal(AccountStatus.Active, result.Account.Status);
        Assert.Equal(pending.DedicatedIp, world.SimState.GetAccount(User).Ip);
        Assert.Equal(2, world.Sent("createacct"));
        Assert.Equal(OperationStatus.Failed, (await world.Billing.GetOperationAsync(first.Id)).Status);
        Assert.DoesNotContain(await world.JournalAsync(), e => e.Status is OperationStatus.Pending or OperationStatus.Unknown);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(-10)]
    public async Task The_grace_of_an_unanswered_createacct_runs_on_the_database_clock_however_far_this_host_s_clock_is_off(int databaseAheadMinutes)
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator, AccountWorld.GivingUpOn("createacct"));
        // The database's clock (here the repository's) is ten minutes off this host's: neither may stretch or cut the grace.
        var databaseClock = new TestClock(DateTime.UtcNow.AddMinutes(databaseAheadMinutes));
        IBillingRepository database = await world.OpenBillingAgainAsync(new BillingRepositoryOptions { UtcNow = databaseClock.Now });
        var context = new OperationContext(database, world.Context.Servers, "runbook-on-a-skewed-host");
        var accounts = new AccountOperations(context);
        var reconcile = new ReconcileOperations(context);
        ReconcileScope scope = new ReconcileScope().AddServer(world.Server.Name);
        world.Faults.Add("createacct*1=hang");
        await Assert.ThrowsAsync<ServerOutcomeUnknownException>(() => accounts.OpenAsync(world.Request(Domain, User, world.ProPlan)));
        await world.Simulator.Server.WaitUntilIdleAsync();
        OperationJournalEntry unanswered = Assert.Single(await world.JournalAsync("createacct"));
        Assert.Equal(OperationStatus.Unknown, unanswered.Status);

        // Four minutes on by the database's clock the first createacct may still be running: no second one, no verdict.
        databaseClock.Advance(TimeSpan.FromMinutes(4));
        var early = await Assert.ThrowsAsync<AccountOperationException>(() => accounts.OpenAsync(world.Request(Domain, User, world.ProPlan)));
        RepairReport earlyRepair = await reconcile.RepairAsync(scope);

        AccountWorld.AssertFailure(early, AccountErrorIds.CreateMayBeRunning, FailureKind.Busy);
        Assert.Empty(earlyRepair.Plan.Actions);
        Assert.Equal(RepairSide.None, Assert.Single(earlyRepair.Plan.Unrepaired, d => d.JournalEntryId == unanswered.Id).Side);
        Assert.Equal(OperationStatus.Unknown, (await database.GetOperationAsync(unanswered.Id)).Status);
        Assert.Equal(1, world.Sent("createacct"));

        // Past the grace by the database's clock, Repair would settle the entry and the opening creates the account, once more.
        databaseClock.Advance(TimeSpan.FromMinutes(2));
        RepairPlan plan = await reconcile.PlanAsync(scope);
        AccountChangeResult opened = await accounts.OpenAsync(world.Request(Domain, User, world.ProPlan));

        Assert.Contains(unanswered.Id, Assert.Single(plan.Actions).JournalEntryIds);
        Assert.Equal(AccountStatus.Active, opened.Account.Status);
        Assert.Equal(2, world.Sent("createacct"));
        Assert.Equal(OperationStatus.Failed, (await database.GetOperationAsync(unanswered.Id)).Status);
    }

    [Fact]
    public async Task A_createacct_the_server_finishes_after_its_answer_was_lost_is_neither_undone_nor_sent_again_but_adopted()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator, AccountWorld.GivingUpOn("createacct"));
        world.Faults.Set("createacct", Fault.Hang(), 1);
        await Assert.ThrowsAsync<ServerOutcomeUnknownException>(() => world.OpenAsync(Domain, User, world.ProPlan));
        Account pending = Assert.Single(await world.AccountsAsync());

        // A repair right away finds no account on the server, but the request may still be running: it waits.
        RepairReport early = await new ReconcileOperations(world.Context).RepairAsync(new ReconcileScope().AddServer(world.Server.Name));

        Assert.Contains(early.Plan.Unrepaired, d => d.Description.Contains("may still be in progress"));
        Assert.Equal(AccountStatus.New, (await world.Billing.GetAccountAsync(pending.Id)).Status);
        Assert.Equal(OperationStatus.Unknown, Assert.Single(await world.JournalAsync("createacct")).Status);

        // The slow createacct finishes on the server; the next run adopts the account.
        world.SimState.PutAccount(new SimulatedAccount { User = User, Domain = Domain, Plan = OperationsWorld.ProPackage, Ip = pending.DedicatedIp! });
        AccountChangeResult result = await world.OpenAsync(Domain, User, world.ProPlan);

        Assert.Equal(AccountStatus.Active, result.Account.Status);
        Assert.Contains(result.Warnings, w => w.Contains("adopted, not created again"));
        Assert.Equal(1, world.Sent("createacct"));
        Assert.Equal(OperationStatus.Succeeded, Assert.Single(await world.JournalAsync("createacct")).Status);
    }

    [Fact]
    public async Task A_gateway_error_after_the_server_did_the_work_is_adopted_in_the_same_run()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        world.Faults.Set("createacct", Fault.HttpStatus(524, afterWork: true), 1);

        AccountChangeResult result = await world.OpenAsync(Domain, User);

        Assert.Equal(AccountStatus.Active, result.Account.Status);
        Assert.True(result.Calls.Single(c => c.Function == "createacct").Adopted);
        Assert.Equal(SimulatorState.DefaultMainIp, result.Account.IpAddress);
        Assert.Equal(1, world.Sent("createacct"));
    }

    [Fact]
    public async Task A_refusal_undoes_the_opening_and_a_later_run_opens_afresh()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        world.Faults.Set("createacct", Fault.Failure("(XID ab12cd) The domain \u201Crita.example.com\u201D already exists in the Apache configuration."), 1);

        var failure = await Assert.ThrowsAsync<AccountOperationException>(() => world.OpenAsync(Domain, User));

        AccountWorld.AssertFailure(failure, AccountErrorIds.CreateFailed, FailureKind.AlreadyExists);
        Assert.Equal(AccountStatus.Deleted, Assert.Single(await world.AccountsAsync()).Status);
        Assert.Equal(OperationStatus.Failed, Assert.Single(await world.JournalAsync("createacct")).Status);

        AccountChangeResult result = await world.OpenAsync(Domain, User);
        Assert.Equal(AccountStatus.Active, result.Account.Status);
        Assert.Equal(2, world.Sent("createacct"));
    }

    [Fact]
    public async Task An_outcome_nobody_can_read_stays_open_and_the_next_run_adopts_what_the_server_has()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account order = await world.OrderAsync(User, Domain);

        var failure = await Assert.ThrowsAsync<ServerOutcomeUnknownException>(() => OpenWithUnreadableOutcome(world).OpenAsync(world.Ref(User)));

        Assert.Equal(FailureKind.Ambiguous, failure.Kind);
        Assert.Equal(AccountStatus.New, (await world.Billing.GetAccountAsync(order.Id)).Status);
        Assert.Equal(OperationStatus.Unknown, Assert.Single(await world.JournalAsync("createacct")).Status);
        world.Faults.Clear();

        AccountChangeResult result = await world.Accounts().OpenAsync(world.Ref(User));

        Assert.Equal(AccountStatus.Active, result.Account.Status);
        Assert.Contains(result.Warnings, w => w.Contains("adopted, not created again"));
        Assert.Equal(1, world.Sent("createacct"));
        Assert.All(await world.JournalAsync("createacct"), e => Assert.Equal(OperationStatus.Succeeded, e.Status));
    }

    [Fact]
    public async Task An_opening_cancelled_while_createacct_is_under_way_leaves_it_Unknown_so_neither_Repair_nor_a_rerun_acts_within_the_grace()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator, AccountWorld.GivingUpOn("createacct"));
        world.Faults.Add("createacct*1=hang");
        using var ctrlC = new CancellationTokenSource();
        Task<AccountChangeResult> opening = world.Accounts().OpenAsync(world.Request(Domain, User, world.ProPlan), ctrlC.Token);
        DateTime giveUp = DateTime.UtcNow.AddSeconds(30);
        while (world.Sent("createacct") == 0)
        {
            Assert.True(DateTime.UtcNow < giveUp && !opening.IsCompleted, "createacct never reached the server.");
            await Task.Delay(10);
        }

        ctrlC.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => opening);
        await world.Simulator.Server.WaitUntilIdleAsync();
        OperationJournalEntry entry = Assert.Single(await world.JournalAsync("createacct"));
        Assert.Equal(OperationStatus.Unknown, entry.Status);
        Assert.Contains("cancelled", entry.Error);
        Assert.Equal(AccountStatus.New, Assert.Single(await world.AccountsAsync()).Status);

        await new ReconcileOperations(world.Context).RepairAsync(new ReconcileScope().AddServer(world.Server.Name));
        Assert.Equal(OperationStatus.Unknown, (await world.Billing.GetOperationAsync(entry.Id)).Status);
        var rerun = await Assert.ThrowsAsync<AccountOperationException>(() => world.OpenAsync(Domain, User, world.ProPlan));
        AccountWorld.AssertFailure(rerun, AccountErrorIds.CreateMayBeRunning, FailureKind.Busy);
        Assert.Equal(1, world.Sent("createacct"));
    }

    [Fact]
    public async Task A_lost_createacct_answer_whose_Unknown_record_fails_still_reads_as_unknown_and_keeps_the_opening()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator, AccountWorld.GivingUpOn("createacct"));
        (IBillingRepository billing, InterceptedBilling control) = InterceptedBilling.Wrap(world.Billing);
        var broken = new AccountOperations(new OperationContext(billing, world.Context.Servers, "broken-runbook"));
        world.Faults.Add("createacct*1=http503");
        control.BeforeNext(nameof(IBillingRepository.CompleteOperationAsync), _ => throw new BillingDatabaseException("The database is locked."));

        // Not AccountCreateFailed: that would undo the opening (account Deleted, IP freed) while createacct may finish.
        await Assert.ThrowsAsync<ServerOutcomeUnknownException>(() => broken.OpenAsync(world.Request(Domain, User, world.ProPlan)));

        Account kept = Assert.Single(await world.AccountsAsync());
        Assert.Equal(AccountStatus.New, kept.Status);
        Assert.NotNull(kept.DedicatedIp);
        Assert.Equal(OperationStatus.Pending, Assert.Single(await world.JournalAsync("createacct")).Status);
    }

    [Fact]
    public async Task Billing_failing_after_the_server_created_the_account_leaves_the_journal_pending_and_the_next_run_finishes()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        (IBillingRepository billing, InterceptedBilling control) = InterceptedBilling.Wrap(world.Billing);
        var broken = new AccountOperations(new OperationContext(billing, world.Context.Servers, "broken-runbook"));
        control.BeforeNext(nameof(IBillingRepository.SetAccountStatusAsync), _ => throw new BillingDatabaseException("The database is locked."));

        var failure = await Assert.ThrowsAsync<AccountOperationException>(() => broken.OpenAsync(world.Request(Domain, User)));

        AccountWorld.AssertFailure(failure, AccountErrorIds.BillingNotUpdated, FailureKind.Database);
        Assert.Contains("stay Pending", failure.Message);
        Assert.True(world.SimState.FindAccount(User) is not null);
        Assert.Equal(AccountStatus.New, Assert.Single(await world.AccountsAsync()).Status);
        Assert.Equal(OperationStatus.Pending, Assert.Single(await world.JournalAsync("createacct")).Status);

        AccountChangeResult result = await world.OpenAsync(Domain, User);

        Assert.Equal(AccountStatus.Active, result.Account.Status);
        Assert.Equal(1, world.Sent("createacct"));
        Assert.Equal(OperationStatus.Succeeded, Assert.Single(await world.JournalAsync("createacct")).Status);
        Assert.DoesNotContain(await world.JournalAsync(), e => e.Status is OperationStatus.Pending or OperationStatus.Unknown);
    }

    [Fact]
    public async Task Limits_failing_after_creation_keep_the_opening_and_the_next_run_applies_them_and_sets_a_password_the_caller_gets()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        world.Faults.Set("limitbw", Fault.Failure("Sorry, you cannot have an account with an unlimited bandwidth limit."), 1);
        OpenAccountRequest request = world.Request(Domain, User);
        request.Limits = new Core.Billing.AccountLimits { Bandwidth = MegabyteLimit.Of(3000) };

        var failure = await Assert.ThrowsAsync<AccountOperationException>(() => world.Accounts().OpenAsync(request));

        AccountWorld.AssertFailure(failure, AccountErrorIds.OpenIncomplete, FailureKind.PermissionDenied);
        Assert.Equal(AccountStatus.New, Assert.Single(await world.AccountsAsync()).Status);
        Assert.Equal("10240", world.SimState.GetAccount(User).Limits.BwLimit);

        request.ReturnPassword = true;
        AccountChangeResult result = await world.Accounts().OpenAsync(request);

        Assert.Equal(AccountStatus.Active, result.Account.Status);
        Assert.Equal("3000", world.SimState.GetAccount(User).Limits.BwLimit);
        Assert.Equal(1, world.Sent("createacct"));
        Assert.Equal(new[] { "passwd", "limitbw" }, result.Calls.Select(c => c.Function));
        Assert.Equal(world.SimState.GetAccount(User).Password, AccountWorld.Reveal(result.Password!));
        await world.AssertNowhereReadableAsync(AccountWorld.Reveal(result.Password!), failure);
        Assert.DoesNotContain(await world.JournalAsync(), e => e.Status is OperationStatus.Pending or OperationStatus.Unknown);
    }

    [Fact]
    public async Task An_account_of_that_name_with_another_domain_on_the_server_is_someone_else_s_and_nothing_is_sent()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        world.SimState.PutAccount(new SimulatedAccount { User = User, Domain = "someone-else.example.org", Plan = OperationsWorld.BasicPackage });
        Account order = await world.OrderAsync(User, Domain);

        var failure = await Assert.ThrowsAsync<AccountOperationException>(() => world.Accounts().OpenAsync(AccountReference.ById(order.Id)));

        AccountWorld.AssertFailure(failure, AccountErrorIds.BelongsToOther, FailureKind.AlreadyExists);
        Assert.Contains("someone-else.example.org", failure.Message);
        Assert.Equal(0, world.Sent("createacct"));
        Assert.Equal(0, world.Sent("passwd"));
        Assert.Equal(AccountStatus.New, (await world.Billing.GetAccountAsync(order.Id)).Status);
        Assert.Equal("someone-else.example.org", world.SimState.GetAccount(User).Domain);
    }

    [Fact]
    public async Task The_token_appears_in_no_url_log_or_error_even_when_calls_fail()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        var failure = await Assert.ThrowsAsync<ServerOutcomeUnknownException>(() => OpenWithUnreadableOutcome(world).OpenAsync(world.Request(Domain, User)));

        await world.AssertNowhereReadableAsync(simulator.Token, failure, failure.CheckFailure);
    }

    /// <summary>
    /// Operations whose createacct answers 502 after doing the work, and whose server cannot be read from the moment
    /// the call is journaled: the reads before it still work, the check after it does not.
    /// </summary>
    private static AccountOperations OpenWithUnreadableOutcome(OperationsWorld world)
    {
        (IBillingRepository billing, InterceptedBilling control) = InterceptedBilling.Wrap(world.Billing);
        control.BeforeNext(nameof(IBillingRepository.BeginOperationAsync), _ =>
        {
            world.Faults.Set("createacct", Fault.HttpStatus(502, afterWork: true), 1);
            world.Faults.Set("accountsummary", Fault.HttpStatus(500));
        });
        return new AccountOperations(new OperationContext(billing, world.Context.Servers, "unlucky-runbook"));
    }
}

using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Operations.Journal;
using CpanelBilling.Core.Operations.Packages;
using CpanelBilling.Core.Operations.Reconcile;
using CpanelBilling.Operations.Tests.Accounts;
using CpanelBilling.Operations.Tests.FaultMatrix;
using CpanelBilling.Operations.Tests.Packages;
using CpanelBilling.Testing.Billing;
using CpanelBilling.Testing.Operations;
using CpanelBilling.WhmSimulator;
using Xunit;
using BillingLimits = CpanelBilling.Core.Billing.AccountLimits;

namespace CpanelBilling.Operations.Tests.Reconcile;

/// <summary>
/// Repair settling journal entries whose end billing never recorded: billing finishes what the server shows made,
/// the entry says how it ended, and no change is sent twice.
/// </summary>
public sealed class JournalSettlementTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;

    public JournalSettlementTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task A_suspension_billing_missed_is_finished_in_billing_with_its_reason_and_not_sent_again()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.OpenedAsync("paul");
        await Assert.ThrowsAsync<AccountOperationException>(() => BrokenAfterServer(world, nameof(IBillingRepository.SetAccountStatusAsync)).SuspendAsync(world.Ref("paul"), "Overdue"));
        Assert.Equal(OperationStatus.Pending, Assert.Single(await world.JournalAsync("suspendacct")).Status);

        RepairReport report = (await world.RepairAsync()).AllDone();

        RepairAction settle = Assert.Single(report.Plan.Actions);
        Assert.Equal(RepairActionKind.SettleJournalEntry, settle.Kind);
        Account paul = (await world.Billing.FindAccountAsync(world.Server.Id, "paul"))!;
        Assert.Equal((AccountStatus.Suspended, "Overdue"), (paul.Status, paul.SuspendReason));
        Assert.Equal(1, world.Sent("suspendacct"));
        Assert.Equal(OperationStatus.Succeeded, Assert.Single(await world.JournalAsync("suspendacct")).Status);
        Assert.Equal(2, settle.Resolves.Count);
    }

    [Fact]
    public async Task A_plan_change_billing_missed_moves_billing_to_the_plan_of_the_package_and_applies_the_own_limits_again()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.OpenedAsync("pete", limits: new BillingLimits { Databases = CountLimit.Of(7) });
        await Assert.ThrowsAsync<AccountOperationException>(() => BrokenAfterServer(world, nameof(IBillingRepository.ChangeAccountPlanAsync)).ChangePlanAsync(world.Ref("pete"), world.ProPlan.Name));
        Assert.Equal("unlimited", world.SimState.GetAccount("pete").Limits.MaxSql);

        (await world.RepairAsync()).AllDone();

        Account pete = (await world.Billing.FindAccountAsync(world.Server.Id, "pete"))!;
        Assert.Equal(world.ProPlan.Id, pete.PlanId);
        Assert.Equal("7", world.SimState.GetAccount("pete").Limits.MaxSql);
        Assert.Empty(await Consistency.AccountProblemsAsync(world, "pete"));
        await world.AssertJournalSettledAsync();
        Assert.All(await world.JournalAsync("changepackage"), e => Assert.Equal(OperationStatus.Succeeded, e.Status));
    }

    [Fact]
    public async Task Limits_the_server_took_before_billing_failed_become_billing_s_own_limits()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.OpenedAsync("lars", limits: new BillingLimits { EmailAccounts = CountLimit.Of(4) });
        var change = new AccountLimitsChange { Set = new BillingLimits { Disk = MegabyteLimit.Of(700) } };
        change.ResetToPackage.Add(AccountLimitKind.EmailAccounts);
        await Assert.ThrowsAsync<AccountOperationException>(() => BrokenAfterServer(world, nameof(IBillingRepository.SetAccountLimitsAsync)).SetLimitsAsync(world.Ref("lars"), change));

        (await world.RepairAsync()).AllDone();

        Account lars = (await world.Billing.FindAccountAsync(world.Server.Id, "lars"))!;
        Assert.Equal(MegabyteLimit.Of(700), lars.Limits.Disk);
        Assert.Null(lars.Limits.EmailAccounts);
        Assert.Empty(await Consistency.AccountProblemsAsync(world, "lars"));
        Assert.All(await world.JournalAsync(), e => Assert.Equal(OperationStatus.Succeeded, e.Status));
    }

    [Fact]
    public async Task A_deletion_billing_missed_marks_the_account_deleted_and_frees_its_address()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account dora = await world.OpenedAsync("dora", world.ProPlan);
        await Assert.ThrowsAsync<AccountOperationException>(() => BrokenAfterServer(world, nameof(IBillingRepository.SetAccountStatusAsync)).DeleteAsync(world.Ref("dora")));

        AccountComparison comparison = await world.CompareAsync();
        Assert.Equal(RepairSide.Server, comparison.Single(DifferenceKind.NotOnServer, "dora").Side);
        (await world.RepairAsync()).AllDone();

        Assert.Equal(AccountStatus.Deleted, (await world.Billing.GetAccountAsync(dora.Id)).Status);
        Assert.True((await world.BillingIpAsync(dora.DedicatedIp!)).IsFree);
        Assert.Equal(OperationStatus.Succeeded, Assert.Single(await world.JournalAsync("removeacct")).Status);
    }

    [Fact]
    public async Task An_entry_whose_change_the_server_shows_not_made_is_marked_failed_and_billing_is_left_alone()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.OpenedAsync("paul");
        // The process stopped after writing the intent, before the request left.
        (IBillingRepository billing, InterceptedBilling control) = InterceptedBilling.Wrap(world.Billing);
        control.BeforeNext(nameof(IBillingRepository.BeginOperationAsync), _ => world.Faults.Set("suspendacct", Fault.ConnectionReset(), 1));
        control.BeforeNext(nameof(IBillingRepository.CompleteOperationAsync), _ => throw new System.OperationCanceledException());
        await Assert.ThrowsAnyAsync<System.OperationCanceledException>(() => new AccountOperations(new OperationContext(billing, world.Context.Servers, "stopped")).SuspendAsync(world.Ref("paul"), "Overdue"));
        Assert.Equal(OperationStatus.Pending, Assert.Single(await world.JournalAsync("suspendacct")).Status);

        RepairReport report = (await world.RepairAsync()).AllDone();

        Assert.Contains("not made", Assert.Single(report.Plan.Actions).Description);
        OperationJournalEntry entry = Assert.Single(await world.JournalAsync("suspendacct"));
        Assert.Equal(OperationStatus.Failed, entry.Status);
        Assert.Contains("not made", entry.Error);
        Assert.Equal(AccountStatus.Active, (await world.Billing.FindAccountAsync(world.Server.Id, "paul"))!.Status);
        Assert.False(world.SimState.GetAccount("paul").Suspended);
    }

    [Fact]
    public async Task An_unknown_outcome_is_settled_once_the_server_can_be_read_again()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.OpenedAsync("paul");
        (IBillingRepository billing, InterceptedBilling control) = InterceptedBilling.Wrap(world.Billing);
        control.BeforeNext(nameof(IBillingRepository.BeginOperationAsync), _ =>
        {
            world.Faults.Set("suspendacct", Fault.HttpStatus(502, afterWork: true), 1);
            world.Faults.Set("accountsummary", Fault.HttpStatus(500));
        });
        await Assert.ThrowsAsync<ServerOutcomeUnknownException>(() => new AccountOperations(new OperationContext(billing, world.Context.Servers, "unlucky")).SuspendAsync(world.Ref("paul"), "Overdue"));
        Assert.Equal(OperationStatus.Unknown, Assert.Single(await world.JournalAsync("suspendacct")).Status);
        world.Faults.Clear();

        (await world.RepairAsync()).AllDone();

        Assert.Equal(AccountStatus.Suspended, (await world.Billing.FindAccountAsync(world.Server.Id, "paul"))!.Status);
        Assert.Equal(OperationStatus.Succeeded, Assert.Single(await world.JournalAsync("suspendacct")).Status);
    }

    [Fact]
    public async Task A_plan_change_whose_answer_was_lost_is_left_alone_by_an_early_repair_and_billed_once_the_server_shows_it()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator, AccountWorld.GivingUpOn("changepackage"));
        await world.OpenedAsync("pete");
        world.Faults.Set("changepackage", Fault.Hang(), 1);
        var failure = await Assert.ThrowsAsync<ServerOutcomeUnknownException>(() => world.Accounts().ChangePlanAsync(world.Ref("pete"), world.ProPlan.Name));
        OperationJournalEntry entry = Assert.Single(await world.JournalAsync("changepackage"));
        Assert.Equal((OperationStatus.Unknown, entry.Id), (entry.Status, failure.JournalEntryId));

        // Right away the server shows the old package, but the request may still be running there: no verdict, no undo.
        RepairReport early = await world.RepairAsync();

        Assert.Empty(early.Plan.Actions);
        Assert.Equal(RepairSide.None, Assert.Single(early.Plan.Unrepaired, d => d.JournalEntryId == entry.Id).Side);
        Assert.Equal(OperationStatus.Unknown, (await world.Billing.GetOperationAsync(entry.Id)).Status);

        // The slow changepackage finishes on the server: the next repair takes it into billing, and never moves the account back.
        world.SimState.UpdateAccount("pete", a => a with { Plan = OperationsWorld.ProPackage });
        (await world.RepairAsync()).AllDone();

        Assert.Equal(world.ProPlan.Id, (await world.Billing.FindAccountAsync(world.Server.Id, "pete"))!.PlanId);
        Assert.Equal(OperationsWorld.ProPackage, world.SimState.GetAccount("pete").Plan);
        Assert.Equal(OperationStatus.Succeeded, (await world.Billing.GetOperationAsync(entry.Id)).Status);
        Assert.All(world.Requests("changepackage"), r => Assert.Equal(OperationsWorld.ProPackage, r.FormValue("pkg")));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(-10)]
    public async Task A_planned_settlement_waits_while_the_call_sent_again_meanwhile_may_still_run_by_the_database_clock(int databaseAheadMinutes)
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account paul = await world.OpenedAsync("paul");
        // The database's clock (here the repository's) is ten minutes off this host's: neither may stretch or cut the grace.
        var databaseClock = new TestClock(System.DateTime.UtcNow.AddMinutes(databaseAheadMinutes));
        IBillingRepository database = await world.OpenBillingAgainAsync(new BillingRepositoryOptions { UtcNow = databaseClock.Now });
        var reconcile = new ReconcileOperations(new OperationContext(database, world.Context.Servers, "runbook-on-a-skewed-host"));
        OperationJournalEntry entry = await database.BeginOperationAsync(Intent(world, paul, "suspendacct"));
        await database.CompleteOperationAsync(entry.Id, OperationStatus.Unknown, "no answer");
        databaseClock.Advance(System.TimeSpan.FromMinutes(6));
        RepairAction settle = Assert.Single((await reconcile.PlanAsync(world.Scope())).Actions);

        // Before the plan is applied, another runbook sends suspendacct again and gets no answer either.
        await database.RecordOperationAttemptAsync(entry.Id);
        await database.CompleteOperationAsync(entry.Id, OperationStatus.Unknown, "no answer");
        databaseClock.Advance(System.TimeSpan.FromMinutes(4));
        RepairOutcome early = await reconcile.ApplyAsync(settle);

        Assert.Equal(RepairStatus.Skipped, early.Status);
        Assert.Contains("may still be in progress", early.Message);
        Assert.Equal(OperationStatus.Unknown, (await database.GetOperationAsync(entry.Id)).Status);

        databaseClock.Advance(System.TimeSpan.FromMinutes(2));
        RepairOutcome later = await reconcile.ApplyAsync(settle);

        Assert.Equal(RepairStatus.Done, later.Status);
        Assert.Equal(OperationStatus.Failed, (await database.GetOperationAsync(entry.Id)).Status);
        Assert.Equal(AccountStatus.Active, (await database.GetAccountAsync(paul.Id)).Status);
        Assert.Equal(0, world.Sent("suspendacct"));
    }

    [Fact]
    public async Task A_password_change_cannot_be_read_back_so_its_entry_is_failed_with_what_to_do()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account paul = await world.OpenedAsync("paul");
        OperationJournalEntry entry = await world.Billing.BeginOperationAsync(new OperationIntent
        {
            ServerId = world.Server.Id, AccountId = paul.Id, UserName = "paul", Function = "passwd",
            Parameters = new System.Collections.Generic.Dictionary<string, string?> { ["user"] = "paul", ["password"] = "********" },
        });

        (await world.RepairAsync()).AllDone();

        OperationJournalEntry settled = await world.Billing.GetOperationAsync(entry.Id);
        Assert.Equal(OperationStatus.Failed, settled.Status);
        Assert.Contains("cannot be read back", settled.Error);
        Assert.Equal(0, world.Sent("passwd"));
    }

    [Fact]
    public async Task An_older_entry_a_later_one_superseded_is_failed_and_only_the_later_one_decides_billing()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account paul = await world.OpenedAsync("paul");
        OperationJournalEntry suspend = await world.Billing.BeginOperationAsync(Intent(world, paul, "suspendacct"));
        OperationJournalEntry resume = await world.Billing.BeginOperationAsync(Intent(world, paul, "unsuspendacct"));

        RepairReport report = (await world.RepairAsync()).AllDone();

        Assert.Equal(2, report.Plan.Actions.Count);
        Assert.Equal(OperationStatus.Failed, (await world.Billing.GetOperationAsync(suspend.Id)).Status);
        Assert.Contains($"entry {resume.Id}", (await world.Billing.GetOperationAsync(suspend.Id)).Error);
        Assert.Equal(OperationStatus.Succeeded, (await world.Billing.GetOperationAsync(resume.Id)).Status);
        Assert.Equal(AccountStatus.Active, (await world.Billing.GetAccountAsync(paul.Id)).Status);
    }

    [Fact]
    public async Task A_package_change_billing_missed_is_settled_after_the_grace_and_billing_reads_the_packages_again()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        IBillingRepository broken = FailingBilling.Wrap(world.Billing, nameof(IBillingRepository.SyncServerPackagesAsync));
        await Assert.ThrowsAsync<BillingBehindServerException>(() =>
            new PackageOperations(new OperationContext(broken, world.Context.Servers, "broken")).AddAsync(world.Server.Name, new PackageRequest { Name = "gold", Quota = "5000" }));

        RepairPlan recent = await world.Reconcile().PlanAsync(world.Scope());
        Assert.Empty(recent.Actions);
        Assert.Equal(RepairSide.None, Assert.Single(recent.Unrepaired).Side);

        RepairReport report = (await world.RepairAsync(new RepairOptions { ServerEntryGrace = System.TimeSpan.Zero })).AllDone();

        Assert.Single(report.Plan.Actions);
        Assert.NotNull(await world.Billing.FindServerPackageAsync(world.Server.Id, "gold"));
        Assert.Equal(OperationStatus.Succeeded, Assert.Single(await world.JournalAsync("addpkg")).Status);
    }

    private static OperationIntent Intent(OperationsWorld world, Account account, string function) => new()
    {
        ServerId = world.Server.Id,
        AccountId = account.Id,
        UserName = account.UserName,
        Function = function,
        Parameters = new System.Collections.Generic.Dictionary<string, string?> { ["user"] = account.UserName },
    };

    /// <summary>Account operations whose next call of <paramref name="method"/> fails as a broken database does.</summary>
    private static AccountOperations BrokenAfterServer(OperationsWorld world, string method)
    {
        (IBillingRepository billing, InterceptedBilling control) = InterceptedBilling.Wrap(world.Billing);
        control.BeforeNext(method, _ => throw new BillingDatabaseException("The database is locked."));
        return new AccountOperations(new OperationContext(billing, world.Context.Servers, "broken"));
    }
}

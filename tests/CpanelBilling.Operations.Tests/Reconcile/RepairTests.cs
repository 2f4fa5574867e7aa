using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Operations.Reconcile;
using CpanelBilling.Operations.Tests.Accounts;
using CpanelBilling.Operations.Tests.FaultMatrix;
using CpanelBilling.Testing.Operations;
using CpanelBilling.WhmSimulator;
using Xunit;
using BillingLimits = CpanelBilling.Core.Billing.AccountLimits;

namespace CpanelBilling.Operations.Tests.Reconcile;

/// <summary>Repair where billing's truth wins: status, package, own limits and dedicated IP go back to the server.</summary>
public sealed class RepairTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;

    public RepairTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task Status_package_own_limits_and_dedicated_ip_are_put_back_on_the_server_through_journaled_calls()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.OpenedAsync("susy");
        await world.Accounts().SuspendAsync(world.Ref("susy"), "Overdue invoice 7");
        await world.OpenedAsync("andy");
        await world.OpenedAsync("pete", limits: new BillingLimits { Databases = CountLimit.Of(7) });
        await world.OpenedAsync("lars", limits: new BillingLimits { Disk = MegabyteLimit.Of(700), Bandwidth = MegabyteLimit.Of(3000) });
        await world.OpenedAsync("dora", world.ProPlan);
        world.SimState.UpdateAccount("susy", a => a with { Suspended = false, SuspendReason = null });
        world.SimState.UpdateAccount("andy", a => a with { Suspended = true });
        world.SimState.UpdateAccount("pete", a => a with { Plan = OperationsWorld.ProPackage, Limits = a.Limits with { MaxSql = "unlimited" } });
        world.SimState.UpdateAccount("lars", a => a with { Limits = a.Limits with { Quota = "1024", BwLimit = "10240" } });
        world.SimState.UpdateAccount("dora", a => a with { Ip = SimulatorState.DefaultMainIp });
        world.Simulator.Server.ClearRequests();

        RepairReport report = (await world.RepairAsync()).AllDone();

        Assert.Equal(
            new[] { "susy Suspend", "andy Resume", "pete ChangePackage", "lars ReapplyLimits", "dora MoveToDedicatedIp" }.OrderBy(x => x),
            report.Plan.Actions.Select(a => a.UserName + " " + a.Kind).OrderBy(x => x));
        Assert.Equal("Overdue invoice 7", world.SimState.GetAccount("susy").SuspendReason);
        foreach (string user in new[] { "susy", "andy", "pete", "lars", "dora" })
        {
            Assert.Empty(await Consistency.AccountProblemsAsync(world, user));
        }

        Assert.Equal(1, world.SentFor("suspendacct", "susy"));
        Assert.Equal(1, world.SentFor("unsuspendacct", "andy"));
        Assert.Equal(1, world.SentFor("changepackage", "pete"));
        Assert.Equal(1, world.SentFor("setsiteip", "dora"));
        Assert.Equal(0, world.Sent("createacct"));
        Assert.All(await world.JournalAsync(), e => Assert.Equal(OperationStatus.Succeeded, e.Status));
        Assert.Empty((await world.CompareAsync()).Differences);
    }

    [Fact]
    public async Task A_shared_address_the_server_changed_is_recorded_in_billing_without_a_server_change()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.OpenedAsync("ivan");
        world.SimState.UpdateAccount("ivan", a => a with { Ip = "192.0.2.15" });
        world.Simulator.Server.ClearRequests();

        RepairReport report = (await world.RepairAsync()).AllDone();

        Assert.Equal(RepairActionKind.RecordServerIp, Assert.Single(report.Plan.Actions).Kind);
        Assert.Equal("192.0.2.15", (await world.Billing.FindAccountAsync(world.Server.Id, "ivan"))!.IpAddress);
        Assert.Equal(new[] { "createacct" }, (await world.JournalAsync()).Select(e => e.Function));
        Assert.DoesNotContain(world.Simulator.Server.Requests, r => r.Function is not ("listaccts" or "accountsummary"));
    }

    [Fact]
    public async Task An_action_whose_account_changed_in_billing_since_the_plan_is_skipped_and_sends_nothing()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.OpenedAsync("susy");
        await world.Accounts().SuspendAsync(world.Ref("susy"), "Overdue");
        world.SimState.UpdateAccount("susy", a => a with { Suspended = false });
        ReconcileOperations reconcile = world.Reconcile();
        RepairPlan plan = await reconcile.PlanAsync(world.Scope());
        RepairAction suspend = Assert.Single(plan.Actions);
        Assert.Equal(RepairActionKind.Suspend, suspend.Kind);
        Assert.Equal("susy", suspend.UserName);
        Assert.Contains("Overdue", suspend.Description);

        // The customer paid meanwhile, and the account was resumed.
        await world.Accounts().ResumeAsync(world.Ref("susy"));
        world.Simulator.Server.ClearRequests();
        RepairOutcome outcome = await reconcile.ApplyAsync(suspend);

        Assert.Equal(RepairStatus.Skipped, outcome.Status);
        Assert.Contains("Compare again", outcome.Message);
        Assert.Empty(world.Simulator.Server.Requests);
        Assert.False(world.SimState.GetAccount("susy").Suspended);
    }

    [Fact]
    public async Task Planning_changes_nothing_and_a_second_repair_has_nothing_to_do()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.OpenedAsync("pete", limits: new BillingLimits { Databases = CountLimit.Of(7) });
        world.SimState.UpdateAccount("pete", a => a with { Limits = a.Limits with { MaxSql = "5" } });
        world.Simulator.Server.ClearRequests();

        RepairPlan plan = await world.Reconcile().PlanAsync(world.Scope());

        RepairAction action = Assert.Single(plan.Actions);
        Assert.Equal(RepairActionKind.ReapplyLimits, action.Kind);
        Assert.Contains("databases 7", action.Description);
        Assert.Same(Assert.Single(plan.Comparison.Differences), Assert.Single(action.Resolves));
        Assert.Empty(plan.Unrepaired);
        Assert.Equal("5", world.SimState.GetAccount("pete").Limits.MaxSql);
        Assert.Equal(new[] { "listaccts" }, world.Simulator.Server.Requests.Select(r => r.Function));

        (await world.RepairAsync()).AllDone();
        RepairReport second = await world.RepairAsync();

        Assert.Empty(second.Plan.Actions);
        Assert.Equal("7", world.SimState.GetAccount("pete").Limits.MaxSql);
    }

    [Fact]
    public async Task A_repair_the_server_refuses_is_reported_as_failed_and_the_next_actions_still_run()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.OpenedAsync("andy");
        await world.OpenedAsync("bert");
        world.SimState.UpdateAccount("andy", a => a with { Suspended = true });
        world.SimState.UpdateAccount("bert", a => a with { Suspended = true });
        world.Faults.Set("unsuspendacct", Fault.Failure("Sorry, the account is locked by root."), 1);

        RepairReport report = await world.RepairAsync();

        // Accounts are repaired side by side, so either may meet the refusal; the other is repaired all the same.
        RepairOutcome failed = Assert.Single(report.Outcomes, o => o.Status == RepairStatus.Failed);
        RepairOutcome done = Assert.Single(report.Outcomes, o => o.Status == RepairStatus.Done);
        Assert.Contains("locked by root", failed.Error!.Message);
        Assert.True(world.SimState.GetAccount(failed.Action.UserName!).Suspended);
        Assert.False(world.SimState.GetAccount(done.Action.UserName!).Suspended);
        Assert.Equal(OperationStatus.Failed, (await world.JournalAsync("unsuspendacct")).First().Status);
    }

    [Fact]
    public async Task Only_the_actions_given_are_applied_and_each_outcome_is_reported_once_and_returned_in_the_order_given()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        foreach (string user in new[] { "andy", "bert", "carl" })
        {
            await world.OpenedAsync(user);
            world.SimState.UpdateAccount(user, a => a with { Suspended = true });
        }

        ReconcileOperations reconcile = world.Reconcile();
        reconcile.MaxParallelAccounts = 2;
        RepairPlan plan = await reconcile.PlanAsync(world.Scope());
        RepairAction[] approved = plan.Actions.Where(a => a.UserName != "bert").Reverse().ToArray();
        var reported = new System.Collections.Concurrent.ConcurrentQueue<RepairOutcome>();

        var outcomes = await reconcile.ApplyAsync(approved, new Reported(reported));

        Assert.Equal(approved, outcomes.Select(o => o.Action));
        Assert.All(outcomes, o => Assert.Equal(RepairStatus.Done, o.Status));
        Assert.Equal(outcomes.OrderBy(o => o.Action.UserName), reported.OrderBy(o => o.Action.UserName));
        Assert.Equal(0, world.SentFor("unsuspendacct", "bert"));
        Assert.True(world.SimState.GetAccount("bert").Suspended);
        Assert.False(world.SimState.GetAccount("andy").Suspended || world.SimState.GetAccount("carl").Suspended);
        Assert.Throws<System.ArgumentOutOfRangeException>(() => reconcile.MaxParallelAccounts = 0);
    }

    // Synchronous, unlike System.Progress<T>, which posts to the thread pool and could report after the call ends.
    private sealed class Reported : System.IProgress<RepairOutcome>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<RepairOutcome> outcomes;

        public Reported(System.Collections.Concurrent.ConcurrentQueue<RepairOutcome> outcomes) => this.outcomes = outcomes;

        public void Report(RepairOutcome value) => outcomes.Enqueue(value);
    }
}

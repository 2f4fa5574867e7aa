using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Operations.Reconcile;
using CpanelBilling.Operations.Tests.Accounts;
using CpanelBilling.Testing.Operations;
using CpanelBilling.WhmSimulator;
using Xunit;
using BillingLimits = CpanelBilling.Core.Billing.AccountLimits;

namespace CpanelBilling.Operations.Tests.Reconcile;

/// <summary>Compare: every difference between billing and a server, typed, from one reading of the server.</summary>
public sealed class CompareTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;

    public CompareTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task Accounts_that_agree_show_no_difference_and_the_server_is_read_once_not_per_account()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.OpenedAsync("anna");
        await world.OpenedAsync("bert", world.ProPlan, new BillingLimits { Bandwidth = MegabyteLimit.Of(3000), Databases = CountLimit.Of(9) });
        await world.OpenedAsync("carl");
        await world.Accounts().SuspendAsync(world.Ref("carl"), "Overdue");
        world.Simulator.Server.ClearRequests();

        AccountComparison comparison = await world.CompareAsync();

        Assert.Empty(comparison.Differences);
        Assert.Empty(comparison.Failures);
        Assert.Equal(1, comparison.ServersCompared);
        Assert.Equal(3, comparison.AccountsCompared);
        Assert.Equal(1, world.Sent("listaccts"));
        Assert.Equal(1, world.Sent("showbw"));
        Assert.Equal(0, world.Sent("accountsummary"));
        Assert.Equal(2, world.Simulator.Server.Requests.Count);
    }

    [Fact]
    public async Task Without_bandwidth_limits_to_check_showbw_is_not_read()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.OpenedAsync("anna", limits: new BillingLimits { Disk = MegabyteLimit.Of(700) });
        world.Simulator.Server.ClearRequests();

        Assert.Empty((await world.CompareAsync()).Differences);

        Assert.Equal(new[] { "listaccts" }, world.Simulator.Server.Requests.Select(r => r.Function));
    }

    [Fact]
    public async Task Status_package_address_and_lost_own_limits_are_reported_with_both_values_and_billing_s_side()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account suspended = await world.OpenedAsync("susy");
        await world.OpenedAsync("pete");
        await world.OpenedAsync("lars", limits: new BillingLimits { Databases = CountLimit.Of(7), Bandwidth = MegabyteLimit.Of(3000) });
        Account dedicated = await world.OpenedAsync("dora", world.ProPlan);
        await world.OpenedAsync("ivan");
        world.SimState.UpdateAccount("susy", a => a with { Suspended = true, SuspendReason = "abuse" });
        world.SimState.UpdateAccount("pete", a => a with { Plan = OperationsWorld.ProPackage });
        // A package edit on the server resets the account's own limits to the package's.
        world.SimState.UpdateAccount("lars", a => a with { Limits = a.Limits with { MaxSql = "5", BwLimit = "10240" } });
        world.SimState.UpdateAccount("dora", a => a with { Ip = SimulatorState.DefaultMainIp });
        world.SimState.UpdateAccount("ivan", a => a with { Ip = "192.0.2.15" });

        AccountComparison comparison = await world.CompareAsync();

        AccountDifference status = comparison.Single(DifferenceKind.Status, "susy");
        Assert.Equal(("Active", "Suspended", RepairSide.Billing, suspended.Id), (status.BillingValue, status.ServerValue, status.Side, status.AccountId));
        AccountDifference package = comparison.Single(DifferenceKind.Package, "pete");
        Assert.Equal((OperationsWorld.BasicPackage, OperationsWorld.ProPackage, RepairSide.Billing), (package.BillingValue, package.ServerValue, package.Side));
        AccountDifference[] limits = comparison.Differences.Where(d => d.Kind == DifferenceKind.Limit).OrderBy(d => d.Limit).ToArray();
        Assert.Equal(new AccountLimitKind?[] { AccountLimitKind.Bandwidth, AccountLimitKind.Databases }, limits.Select(d => d.Limit));
        Assert.Equal(("3000", "10240", RepairSide.Billing), (limits[0].BillingValue, limits[0].ServerValue, limits[0].Side));
        Assert.Equal(("7", "5", "Databases"), (limits[1].BillingValue, limits[1].ServerValue, limits[1].Item));
        AccountDifference moved = comparison.Single(DifferenceKind.IpAddress, "dora");
        Assert.Equal((dedicated.DedicatedIp, SimulatorState.DefaultMainIp, RepairSide.Billing), (moved.BillingValue, moved.ServerValue, moved.Side));
        AccountDifference shared = comparison.Single(DifferenceKind.IpAddress, "ivan");
        Assert.Equal((SimulatorState.DefaultMainIp, "192.0.2.15", RepairSide.Server), (shared.BillingValue, shared.ServerValue, shared.Side));
        Assert.Equal(6, comparison.Differences.Count);
        Assert.All(comparison.Differences, d => Assert.Equal(world.Server.Name, d.ServerName));
    }

    [Fact]
    public async Task Accounts_only_one_side_has_are_reported_and_orders_not_yet_opened_are_not()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account gone = await world.OpenedAsync("gina");
        world.SimState.RemoveAccount("gina");
        world.SimState.PutAccount(new SimulatedAccount { User = "stray", Domain = "stray.example.net", Plan = OperationsWorld.BasicPackage });
        Account order = await world.OrderAsync("olga", "olga.example.com");
        Account adopted = await world.OrderAsync("nina", "nina.example.com");
        world.SimState.PutAccount(new SimulatedAccount { User = "nina", Domain = "nina.example.com", Plan = OperationsWorld.BasicPackage });
        await world.OpenedAsync("otto");
        world.SimState.UpdateAccount("otto", a => a with { Domain = "someone-else.example.org" });

        AccountComparison comparison = await world.CompareAsync();

        AccountDifference missing = comparison.Single(DifferenceKind.NotOnServer, "gina");
        Assert.Equal(("Active", null, RepairSide.ServerWhenAsked, gone.Id), (missing.BillingValue, missing.ServerValue, missing.Side, missing.AccountId));
        Assert.Contains("-MarkMissingDeleted", missing.Description);
        AccountDifference unknown = comparison.Single(DifferenceKind.NotInBilling, "stray");
        Assert.Equal((null, "stray.example.net (basic)", RepairSide.ServerWhenAsked, (long?)null), (unknown.BillingValue, unknown.ServerValue, unknown.Side, unknown.AccountId));
        Assert.Contains("-ImportUnknown", unknown.Description);
        AccountDifference opened = comparison.Single(DifferenceKind.NotRecordedAsOpen, "nina");
        Assert.Equal(("New", RepairSide.Server, adopted.Id), (opened.BillingValue, opened.Side, opened.AccountId));
        AccountDifference other = comparison.Single(DifferenceKind.OtherAccountOnServer, "otto");
        Assert.Equal(("otto.example.com", "someone-else.example.org", RepairSide.None), (other.BillingValue, other.ServerValue, other.Side));
        Assert.DoesNotContain(comparison.Differences, d => d.AccountId == order.Id);
        Assert.Equal(4, comparison.Differences.Count);
    }

    [Fact]
    public async Task A_change_the_server_made_but_billing_never_recorded_is_reported_with_its_journal_entry_and_the_server_s_side()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.OpenedAsync("paul");
        (IBillingRepository billing, InterceptedBilling control) = InterceptedBilling.Wrap(world.Billing);
        control.BeforeNext(nameof(IBillingRepository.SetAccountStatusAsync), _ => throw new BillingDatabaseException("The database is locked."));
        await Assert.ThrowsAsync<AccountOperationException>(() =>
            new AccountOperations(new OperationContext(billing, world.Context.Servers, "broken")).SuspendAsync(world.Ref("paul"), "Overdue"));

        AccountComparison comparison = await world.CompareAsync();

        long entryId = Assert.Single(await world.JournalAsync("suspendacct")).Id;
        AccountDifference entry = comparison.Single(DifferenceKind.OpenJournalEntry, "paul");
        Assert.Equal(("Pending", "made", RepairSide.Server, entryId), (entry.BillingValue, entry.ServerValue, entry.Side, entry.JournalEntryId));
        Assert.Equal($"#{entryId} suspendacct", entry.Item);
        AccountDifference status = comparison.Single(DifferenceKind.Status, "paul");
        Assert.Equal(RepairSide.Server, status.Side);
    }

    [Fact]
    public async Task One_account_is_compared_with_an_exact_search_and_other_accounts_are_left_out()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.OpenedAsync("anna");
        await world.OpenedAsync("bert");
        world.SimState.UpdateAccount("anna", a => a with { Suspended = true });
        world.SimState.UpdateAccount("bert", a => a with { Suspended = true });
        world.SimState.PutAccount(new SimulatedAccount { User = "stray", Domain = "stray.example.net" });
        world.Simulator.Server.ClearRequests();

        AccountComparison comparison = await world.Reconcile().CompareAsync(new ReconcileScope().AddAccount(world.Server.Name, "Bert"));

        Assert.Equal("bert", Assert.Single(comparison.Differences).UserName);
        Assert.Equal("bert", Assert.Single(world.Requests("listaccts")).FormValue("search"));
    }

    [Fact]
    public async Task A_server_that_cannot_be_read_is_reported_and_the_others_are_still_compared()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.OpenedAsync("anna");
        world.SimState.UpdateAccount("anna", a => a with { Suspended = true });
        world.Faults.Set("listaccts", Fault.HttpStatus(503));
        world.Simulator.Server.ClearRequests();

        AccountComparison comparison = await world.Reconcile().CompareAsync(new ReconcileScope().AddServer(world.Server.Name).AddServer("nosuch"));

        Assert.Empty(comparison.Differences);
        Assert.Equal(0, comparison.ServersCompared);
        Assert.Equal(new[] { "nosuch", world.Server.Name }, comparison.Failures.Select(f => f.ServerName));
        Assert.Equal(OperationErrorIds.ServerNotFound, comparison.Failures[0].Error.ErrorId);
        Assert.Equal(FailureKind.Transport, comparison.Failures[1].Error.Kind);
        Assert.Equal(3, world.Sent("listaccts"));
    }
}

using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Operations.Reconcile;
using CpanelBilling.Operations.Tests.Accounts;
using CpanelBilling.Operations.Tests.FaultMatrix;
using CpanelBilling.Testing.Operations;
using CpanelBilling.WhmSimulator;
using Xunit;
using BillingLimits = CpanelBilling.Core.Billing.AccountLimits;

namespace CpanelBilling.Operations.Tests.Reconcile;

/// <summary>
/// Repair of accounts one side lacks: an opening billing missed is adopted (never created again); an account gone
/// from the server is marked Deleted and a server account billing does not know is imported, each only when asked.
/// </summary>
public sealed class ExistenceRepairTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;

    public ExistenceRepairTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task An_opening_cut_short_after_createacct_is_adopted_with_its_ip_and_own_limits_and_createacct_is_not_sent_again()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        (IBillingRepository billing, InterceptedBilling control) = InterceptedBilling.Wrap(world.Billing);
        control.BeforeNext(nameof(IBillingRepository.RecordAccountIpAsync), _ => throw new System.OperationCanceledException());
        OpenAccountRequest request = world.Request("rita.example.com", "rita");
        request.Limits = new BillingLimits { Databases = CountLimit.Of(9) };
        await Assert.ThrowsAnyAsync<System.OperationCanceledException>(() => new AccountOperations(new OperationContext(billing, world.Context.Servers, "stopped")).OpenAsync(request));
        Assert.Equal(AccountStatus.New, Assert.Single(await world.AccountsAsync()).Status);

        RepairReport report = (await world.RepairAsync()).AllDone();

        RepairAction finish = Assert.Single(report.Plan.Actions);
        Assert.Equal(RepairActionKind.FinishOpening, finish.Kind);
        Assert.Equal(new[] { DifferenceKind.OpenJournalEntry, DifferenceKind.NotRecordedAsOpen }, finish.Resolves.Select(d => d.Kind));
        Account rita = Assert.Single(await world.AccountsAsync());
        Assert.Equal((AccountStatus.Active, SimulatorState.DefaultMainIp), (rita.Status, rita.IpAddress));
        Assert.Equal("9", world.SimState.GetAccount("rita").Limits.MaxSql);
        Assert.Equal(1, world.Sent("createacct"));
        Assert.Equal(0, world.Sent("passwd"));
        Assert.All(await world.JournalAsync(), e => Assert.Equal(OperationStatus.Succeeded, e.Status));
    }

    [Fact]
    public async Task An_order_whose_createacct_never_happened_keeps_its_order_and_the_entry_is_failed()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account order = await world.OrderAsync("rita", "rita.example.com");
        await world.Billing.BeginOperationAsync(new OperationIntent
        {
            ServerId = world.Server.Id, AccountId = order.Id, UserName = "rita", Function = "createacct",
            Parameters = new System.Collections.Generic.Dictionary<string, string?> { ["username"] = "rita", ["domain"] = "rita.example.com" },
        });

        (await world.RepairAsync()).AllDone();

        Assert.Equal(AccountStatus.New, (await world.Billing.GetAccountAsync(order.Id)).Status);
        Assert.Equal(OperationStatus.Failed, Assert.Single(await world.JournalAsync("createacct")).Status);
        Assert.Equal(0, world.Sent("createacct"));
        Assert.Empty(world.SimState.Accounts);
    }

    [Fact]
    public async Task An_account_gone_from_the_server_is_only_reported_unless_marking_it_deleted_is_asked_for()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account dora = await world.OpenedAsync("dora", world.ProPlan);
        world.SimState.RemoveAccount("dora");

        RepairReport reported = await world.RepairAsync();
        Assert.Empty(reported.Plan.Actions);
        Assert.Equal(DifferenceKind.NotOnServer, Assert.Single(reported.Plan.Unrepaired).Kind);
        Assert.Equal(AccountStatus.Active, (await world.Billing.GetAccountAsync(dora.Id)).Status);

        (await world.RepairAsync(new RepairOptions { MarkMissingDeleted = true })).AllDone();

        Assert.Equal(AccountStatus.Deleted, (await world.Billing.GetAccountAsync(dora.Id)).Status);
        Assert.True((await world.BillingIpAsync(dora.DedicatedIp!)).IsFree);
        Assert.Equal(0, world.Sent("removeacct"));
    }

    [Fact]
    public async Task An_account_back_on_the_server_when_it_is_to_be_marked_deleted_is_left_alone()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account gina = await world.OpenedAsync("gina");
        SimulatedAccount onServer = world.SimState.GetAccount("gina");
        world.SimState.RemoveAccount("gina");
        ReconcileOperations reconcile = world.Reconcile();
        RepairPlan plan = await reconcile.PlanAsync(world.Scope(), new RepairOptions { MarkMissingDeleted = true });
        world.SimState.PutAccount(onServer);

        RepairOutcome outcome = await reconcile.ApplyAsync(Assert.Single(plan.Actions));

        Assert.Equal(RepairStatus.Skipped, outcome.Status);
        Assert.Equal(AccountStatus.Active, (await world.Billing.GetAccountAsync(gina.Id)).Status);
    }

    [Fact]
    public async Task A_server_account_billing_does_not_know_is_imported_when_asked_with_its_plan_ip_status_and_own_limits()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        world.SimState.PutAccount(new SimulatedAccount { User = "stray", Domain = "stray.example.net", Plan = OperationsWorld.BasicPackage, ContactEmail = "owner@stray.example.net" });
        world.SimState.UpdateAccount("stray", a => a with { Suspended = true, SuspendReason = "spam", Limits = a.Limits with { MaxSql = "9" } });
        world.SimState.PutAccount(new SimulatedAccount { User = "vip", Domain = "vip.example.net", Plan = OperationsWorld.ProPackage, Ip = "192.0.2.14" });

        Assert.Empty((await world.RepairAsync()).Plan.Actions);
        RepairReport report = (await world.RepairAsync(new RepairOptions { ImportUnknown = true })).AllDone();

        Assert.Equal(2, report.Plan.Actions.Count(a => a.Kind == RepairActionKind.Import));
        Account stray = (await world.Billing.FindAccountAsync(world.Server.Id, "stray"))!;
        Assert.Equal((AccountStatus.Suspended, "spam", world.BasicPlan.Id, "stray.example.net"), (stray.Status, stray.SuspendReason, stray.PlanId, stray.DomainName));
        Assert.Equal((SimulatorState.DefaultMainIp, (string?)null), (stray.IpAddress, stray.DedicatedIp));
        Assert.Equal(CountLimit.Of(9), stray.Limits.Databases);
        // Put on the server without a package's limits, so its quota is its own (unlimited), not the package's 1024 MB.
        Assert.Equal(MegabyteLimit.Unlimited, stray.Limits.Disk);
        Customer owner = await world.Billing.GetCustomerAsync(stray.CustomerId);
        Assert.Equal(("stray@web01", "owner@stray.example.net"), (owner.Login, owner.Email));
        Account vip = (await world.Billing.FindAccountAsync(world.Server.Id, "vip"))!;
        Assert.Equal(("192.0.2.14", world.ProPlan.Id), (vip.DedicatedIp, vip.PlanId));
        Assert.Empty((await world.CompareAsync()).Differences);
        Assert.Empty(await world.JournalAsync());
    }

    [Fact]
    public async Task Importing_for_a_named_customer_and_without_a_plan_for_the_package_says_what_to_map()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        world.SimState.PutAccount(new SimulatedAccount { User = "stray", Domain = "stray.example.net", Plan = OperationsWorld.BasicPackage });
        world.SimState.PutAccount(new SimulatedAccount { User = "odd", Domain = "odd.example.net", Plan = "default" });

        RepairReport report = await world.RepairAsync(new RepairOptions { ImportUnknown = true, ImportCustomerLogin = world.Customer.Login });

        RepairOutcome odd = Assert.Single(report.Outcomes, o => o.Action.UserName == "odd");
        Assert.Equal(RepairStatus.Failed, odd.Status);
        Assert.Equal(ReconcileErrorIds.NoPlanForPackage, odd.Error!.ErrorId);
        Assert.Contains("New-CpPlan", odd.Message);
        Assert.Equal(world.Customer.Id, (await world.Billing.FindAccountAsync(world.Server.Id, "stray"))!.CustomerId);
        Assert.Null(await world.Billing.FindAccountAsync(world.Server.Id, "odd"));
    }
}

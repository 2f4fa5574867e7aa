using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Testing.Operations;
using CpanelBilling.WhmSimulator;
using Xunit;
using BillingLimits = CpanelBilling.Core.Billing.AccountLimits;

namespace CpanelBilling.Operations.Tests.Accounts;

/// <summary>Changing an account's plan: changepackage, billing's plan and IP, the account's own limits again, verified.</summary>
public sealed class ChangePlanTests : IClassFixture<OperationsWorldFixture>
{
    private const string User = "paula";
    private readonly OperationsWorldFixture simulator;

    public ChangePlanTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task Moving_to_a_plan_with_a_dedicated_ip_changes_the_package_gives_billing_s_ip_and_keeps_the_own_limits()
    {
        await using OperationsWorld world = await OpenedAsync(new BillingLimits { Databases = CountLimit.Of(9), Disk = MegabyteLimit.Of(700) });

        AccountChangeResult result = await world.Accounts().ChangePlanAsync(world.Ref(User), world.ProPlan.Name);

        Assert.Equal(world.ProPlan.Id, result.Account.PlanId);
        SimulatedAccount onServer = world.SimState.GetAccount(User);
        Assert.Equal(OperationsWorld.ProPackage, onServer.Plan);
        Assert.NotNull(result.Account.DedicatedIp);
        Assert.Equal(result.Account.DedicatedIp, onServer.Ip);
        Assert.Equal("9", onServer.Limits.MaxSql);
        Assert.Equal("700", onServer.Limits.Quota);
        Assert.Equal("10", onServer.Limits.MaxAddon);
        Assert.Empty(result.LimitDifferences);
        Assert.Equal("changepackage", result.Calls[0].Function);
        Assert.Contains(result.Calls, c => c.Function == "modifyacct");
        Assert.Contains(result.Calls, c => c.Function == "editquota");
        Assert.All(await world.JournalAsync(), e => Assert.Equal(OperationStatus.Succeeded, e.Status));
    }

    [Fact]
    public async Task The_server_choosing_another_address_than_billing_is_put_right_with_setsiteip()
    {
        await using OperationsWorld world = await OpenedAsync();
        // Billing hands out the last free address; the server would take its first.
        foreach (string taken in new[] { "192.0.2.11", "192.0.2.12", "192.0.2.13", "192.0.2.14" })
        {
            await world.Billing.OpenAccountAsync(world.Opening("hold" + taken.Split('.')[3], "hold" + taken.Split('.')[3] + ".example.com", world.ProPlan));
        }

        AccountChangeResult result = await world.Accounts().ChangePlanAsync(world.Ref(User), world.ProPlan.Name);

        Assert.Equal("192.0.2.15", result.Account.DedicatedIp);
        Assert.Equal("192.0.2.15", world.SimState.GetAccount(User).Ip);
        Assert.Contains(result.Calls, c => c.Function == "setsiteip");
    }

    [Fact]
    public async Task Limits_the_server_shows_differently_from_billing_s_package_are_reported()
    {
        await using OperationsWorld world = await OpenedAsync();
        SimulatedPackage pro = world.SimState.FindPackage(OperationsWorld.ProPackage)!;
        world.SimState.PutPackage(pro with { Quota = "20480" });

        AccountChangeResult result = await world.Accounts().ChangePlanAsync(world.Ref(User), world.ProPlan.Name);

        LimitDifference difference = Assert.Single(result.LimitDifferences);
        Assert.Equal(AccountLimitKind.Disk, difference.Limit);
        Assert.Equal("10240", difference.Expected);
        Assert.Equal("20480", difference.OnServer);
        Assert.Contains(result.Warnings, w => w.Contains("billing expects 10240"));
    }

    [Fact]
    public async Task The_plan_can_be_named_by_its_package_on_the_server_and_a_mismatch_is_refused()
    {
        await using OperationsWorld world = await OpenedAsync();

        var mismatch = await Assert.ThrowsAsync<AccountOperationException>(() => world.Accounts().ChangePlanAsync(world.Ref(User), world.BasicPlan.Name, OperationsWorld.ProPackage));
        var unmapped = await Assert.ThrowsAsync<AccountOperationException>(() => world.Accounts().ChangePlanAsync(world.Ref(User), null, "default"));
        AccountChangeResult result = await world.Accounts().ChangePlanAsync(world.Ref(User), null, OperationsWorld.ProPackage);

        AccountWorld.AssertFailure(mismatch, AccountErrorIds.InvalidRequest, FailureKind.InvalidArgument);
        AccountWorld.AssertFailure(unmapped, AccountErrorIds.PlanNotFound, FailureKind.NotFound);
        Assert.Contains("New-CpPlan", unmapped.Message);
        Assert.Equal(world.ProPlan.Id, result.Account.PlanId);
        Assert.Equal(1, world.Sent("changepackage"));
    }

    [Fact]
    public async Task The_same_plan_changes_nothing_unless_forced()
    {
        await using OperationsWorld world = await OpenedAsync(new BillingLimits { EmailAccounts = CountLimit.Of(4) });
        world.SimState.UpdateAccount(User, a => a with { Limits = a.Limits with { MaxPop = "99" } });

        AccountChangeResult same = await world.Accounts().ChangePlanAsync(world.Ref(User), world.BasicPlan.Name);
        Assert.False(same.Changed);
        Assert.Equal(0, world.Sent("changepackage"));

        AccountChangeResult forced = await world.Accounts().ChangePlanAsync(world.Ref(User), world.BasicPlan.Name, force: true);
        Assert.True(forced.Changed);
        Assert.Equal("4", world.SimState.GetAccount(User).Limits.MaxPop);
    }

    [Fact]
    public async Task No_free_ip_for_the_new_plan_is_refused_before_the_server_changes()
    {
        await using OperationsWorld world = await OpenedAsync();
        await world.EmptyBillingIpPoolAsync();

        var failure = await Assert.ThrowsAsync<NoFreeIpException>(() => world.Accounts().ChangePlanAsync(world.Ref(User), world.ProPlan.Name));

        Assert.Equal(FailureKind.NoFreeIp, failure.Kind);
        Assert.Equal(0, world.Sent("changepackage"));
        Assert.Equal(OperationsWorld.BasicPackage, world.SimState.GetAccount(User).Plan);
    }

    [Fact]
    public async Task An_unknown_plan_or_one_without_a_package_on_the_server_is_a_typed_not_found()
    {
        await using OperationsWorld world = await OpenedAsync();
        BillingPlan unmapped = await world.Billing.AddPlanAsync("Unmapped", includesDedicatedIp: false);

        var unknown = await Assert.ThrowsAsync<AccountOperationException>(() => world.Accounts().ChangePlanAsync(world.Ref(User), "Platinum"));
        var notOnServer = await Assert.ThrowsAsync<AccountOperationException>(() => world.Accounts().ChangePlanAsync(world.Ref(User), unmapped.Name));

        AccountWorld.AssertFailure(unknown, AccountErrorIds.PlanNotFound, FailureKind.NotFound);
        AccountWorld.AssertFailure(notOnServer, AccountErrorIds.PlanNotOnServer, FailureKind.NotFound);
        Assert.Equal(0, world.Sent("changepackage"));
    }

    private async Task<OperationsWorld> OpenedAsync(BillingLimits? limits = null)
    {
        OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        OpenAccountRequest request = world.Request("paula.example.com", User);
        request.Limits = limits;
        await world.Accounts().OpenAsync(request);
        world.Simulator.Server.ClearRequests();
        return world;
    }
}

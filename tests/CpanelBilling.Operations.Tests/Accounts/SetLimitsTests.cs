using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Operations.Tests.Reconcile;
using CpanelBilling.Testing.Operations;
using Xunit;
using BillingLimits = CpanelBilling.Core.Billing.AccountLimits;

namespace CpanelBilling.Operations.Tests.Accounts;

/// <summary>Setting an account's limit overrides on the server and in billing at once.</summary>
public sealed class SetLimitsTests : IClassFixture<OperationsWorldFixture>
{
    private const string User = "lina";
    private readonly OperationsWorldFixture simulator;

    public SetLimitsTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task Set_limits_reach_the_server_and_billing_and_untouched_ones_stay()
    {
        await using OperationsWorld world = await OpenedAsync(new BillingLimits { EmailAccounts = CountLimit.Of(30) });

        AccountChangeResult result = await world.Accounts().SetLimitsAsync(
            world.Ref(User),
            new AccountLimitsChange { Set = new BillingLimits { Bandwidth = MegabyteLimit.Of(4096), Databases = CountLimit.Unlimited } });

        Assert.Equal(MegabyteLimit.Of(4096), result.Account.Limits.Bandwidth);
        Assert.Equal(CountLimit.Unlimited, result.Account.Limits.Databases);
        Assert.Equal(CountLimit.Of(30), result.Account.Limits.EmailAccounts);
        var onServer = world.SimState.GetAccount(User).Limits;
        Assert.Equal("4096", onServer.BwLimit);
        Assert.Equal("unlimited", onServer.MaxSql);
        Assert.Equal("30", onServer.MaxPop);
        Assert.Equal(new[] { "limitbw", "modifyacct" }, System.Linq.Enumerable.Select(result.Calls, c => c.Function));
    }

    [Fact]
    public async Task A_count_limit_of_zero_allows_none_on_the_server_and_does_not_become_unlimited()
    {
        await using OperationsWorld world = await OpenedAsync(new BillingLimits { AddonDomains = CountLimit.Of(0) });

        AccountChangeResult result = await world.Accounts().SetLimitsAsync(
            world.Ref(User), new AccountLimitsChange { Set = new BillingLimits { EmailAccounts = CountLimit.Of(0), Databases = CountLimit.Of(0) } });

        Assert.Equal(CountLimit.Of(0), result.Account.Limits.EmailAccounts);
        var onServer = world.SimState.GetAccount(User).Limits;
        Assert.Equal(("0", "0", "0"), (onServer.MaxPop, onServer.MaxSql, onServer.MaxAddon));
        Assert.Empty((await world.CompareAsync()).Differences);
    }

    [Fact]
    public async Task A_limit_reset_to_the_package_gets_the_package_s_value_on_the_server_and_no_override_in_billing()
    {
        await using OperationsWorld world = await OpenedAsync(new BillingLimits { Disk = MegabyteLimit.Of(300), Databases = CountLimit.Of(1) });
        var change = new AccountLimitsChange();
        change.ResetToPackage.Add(AccountLimitKind.Disk);

        AccountChangeResult result = await world.Accounts().SetLimitsAsync(world.Ref(User), change);

        Assert.Null(result.Account.Limits.Disk);
        Assert.Equal(CountLimit.Of(1), result.Account.Limits.Databases);
        Assert.Equal("1024", world.SimState.GetAccount(User).Limits.Quota);
        Assert.Equal("1", world.SimState.GetAccount(User).Limits.MaxSql);
    }

    [Fact]
    public async Task Replacing_all_overrides_resets_the_missing_ones()
    {
        await using OperationsWorld world = await OpenedAsync(new BillingLimits { Bandwidth = MegabyteLimit.Of(100), AddonDomains = CountLimit.Of(3) });

        AccountChangeResult result = await world.Accounts().SetLimitsAsync(
            world.Ref(User), AccountLimitsChange.ReplaceWith(new BillingLimits { EmailAccounts = CountLimit.Of(2) }));

        Assert.Null(result.Account.Limits.Bandwidth);
        Assert.Null(result.Account.Limits.AddonDomains);
        Assert.Equal(CountLimit.Of(2), result.Account.Limits.EmailAccounts);
        var onServer = world.SimState.GetAccount(User).Limits;
        Assert.Equal("10240", onServer.BwLimit);
        Assert.Equal("1", onServer.MaxAddon);
        Assert.Equal("2", onServer.MaxPop);
    }

    [Fact]
    public async Task An_account_not_opened_yet_changes_in_billing_only_and_gets_the_limits_when_opened()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account order = await world.OrderAsync(User, "lina.example.com");
        world.Simulator.Server.ClearRequests();

        AccountChangeResult result = await world.Accounts().SetLimitsAsync(
            AccountReference.ById(order.Id), new AccountLimitsChange { Set = new BillingLimits { EmailAccounts = CountLimit.Of(12) } });

        Assert.Empty(world.Simulator.Server.Requests);
        Assert.Contains("when it is opened", Assert.Single(result.Warnings));
        await world.Accounts().OpenAsync(AccountReference.ById(order.Id));
        Assert.Equal("12", world.SimState.GetAccount(User).Limits.MaxPop);
    }

    [Fact]
    public async Task A_refused_limit_leaves_billing_s_limits_as_they_were()
    {
        await using OperationsWorld world = await OpenedAsync();
        world.Faults.Set("editquota", WhmSimulator.Fault.Failure("You do not have permission to modify quotas."), 1);

        var failure = await Assert.ThrowsAsync<AccountOperationException>(() => world.Accounts().SetLimitsAsync(
            world.Ref(User), new AccountLimitsChange { Set = new BillingLimits { Disk = MegabyteLimit.Of(50) } }));

        AccountWorld.AssertFailure(failure, AccountErrorIds.LimitsNotApplied, FailureKind.PermissionDenied);
        Assert.Null((await world.Billing.FindAccountAsync(world.Server.Id, User))!.Limits.Disk);
        Assert.Equal("1024", world.SimState.GetAccount(User).Limits.Quota);
    }

    private async Task<OperationsWorld> OpenedAsync(BillingLimits? limits = null)
    {
        OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        OpenAccountRequest request = world.Request("lina.example.com", User);
        request.Limits = limits;
        await world.Accounts().OpenAsync(request);
        world.Simulator.Server.ClearRequests();
        return world;
    }
}

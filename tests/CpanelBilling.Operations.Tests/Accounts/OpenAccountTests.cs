using System;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Whm;
using CpanelBilling.Testing.Operations;
using CpanelBilling.WhmSimulator;
using Xunit;
using BillingLimits = CpanelBilling.Core.Billing.AccountLimits;

namespace CpanelBilling.Operations.Tests.Accounts;

/// <summary>Opening accounts: on the server and in billing together, with IPs from billing's pool and the account's own limits.</summary>
public sealed class OpenAccountTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;

    public OpenAccountTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task Opening_creates_the_account_on_the_server_and_leaves_it_active_in_billing()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);

        AccountChangeResult result = await world.OpenAsync("alice.example.com", "alice");

        Assert.True(result.Changed);
        Assert.Equal(AccountStatus.Active, result.Account.Status);
        Assert.Equal("alice", result.Account.UserName);
        Assert.Equal(SimulatorState.DefaultMainIp, result.Account.IpAddress);
        Assert.Null(result.Account.DedicatedIp);
        Assert.Null(result.Password);
        SimulatedAccount onServer = world.SimState.GetAccount("alice");
        Assert.Equal("alice.example.com", onServer.Domain);
        Assert.Equal(OperationsWorld.BasicPackage, onServer.Plan);
        Assert.Equal(world.Customer.Email, onServer.ContactEmail);
        Assert.Equal(1, world.Sent("createacct"));
        ServerCallRecord create = Assert.Single(result.Calls);
        Assert.Equal("createacct", create.Function);
        Assert.False(create.Adopted);
        Assert.All(await world.JournalAsync(), e => Assert.Equal(OperationStatus.Succeeded, e.Status));
    }

    [Fact]
    public async Task A_plan_with_a_dedicated_ip_takes_a_free_one_from_billing_and_asks_the_server_for_exactly_that_one()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);

        AccountChangeResult result = await world.OpenAsync("pro.example.com", "prouser", world.ProPlan);

        string dedicated = Assert.IsType<string>(result.Account.DedicatedIp);
        Assert.NotEqual(SimulatorState.DefaultMainIp, dedicated);
        Assert.Equal(dedicated, world.SimState.GetAccount("prouser").Ip);
        RecordedRequest create = Assert.Single(world.Requests("createacct"));
        Assert.Equal("y", create.FormValue("ip"));
        Assert.Equal(dedicated, create.FormValue("customip"));
        Assert.Equal(result.Account.Id, (await world.BillingIpAsync(dedicated)).DedicatedToAccountId);
    }

    [Fact]
    public async Task An_account_can_ask_for_a_dedicated_ip_on_a_plan_without_one()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        OpenAccountRequest request = world.Request("own-ip.example.com", "ownip");
        request.DedicatedIp = true;

        AccountChangeResult result = await world.Accounts().OpenAsync(request);

        Assert.NotNull(result.Account.DedicatedIp);
        Assert.Equal(result.Account.DedicatedIp, world.SimState.GetAccount("ownip").Ip);
        Assert.Equal(OperationsWorld.BasicPackage, world.SimState.GetAccount("ownip").Plan);
    }

    [Fact]
    public async Task No_free_ip_in_billing_is_a_typed_error_written_to_the_journal_and_nothing_is_created()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.EmptyBillingIpPoolAsync();

        var failure = await Assert.ThrowsAsync<NoFreeIpException>(() => world.OpenAsync("pro.example.com", "prouser", world.ProPlan));

        AccountWorld.AssertFailure(failure, BillingErrorIds.NoFreeDedicatedIp, FailureKind.NoFreeIp);
        Assert.Contains(world.Server.Name, failure.Message);
        Assert.Equal(0, world.Sent("createacct"));
        Assert.Empty(world.SimState.Accounts);
        Assert.Empty(await world.AccountsAsync());
        OperationJournalEntry entry = Assert.Single(await world.JournalAsync("createacct"));
        Assert.Equal(OperationStatus.Failed, entry.Status);
        Assert.Equal("prouser", entry.UserName);
        Assert.Contains("no free dedicated IP", entry.Error);
    }

    [Fact]
    public async Task The_server_refusing_for_want_of_ips_undoes_the_opening_and_releases_billing_s_ip()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        world.Faults.Set("createacct", Fault.Failure("Sorry, there are no free IP addresses available for this account."), 1);

        var failure = await Assert.ThrowsAsync<AccountOperationException>(() => world.OpenAsync("pro.example.com", "prouser", world.ProPlan));

        AccountWorld.AssertFailure(failure, AccountErrorIds.CreateFailed, FailureKind.NoFreeIp);
        Assert.Contains("no free IP addresses", failure.Message);
        Assert.Contains("undone in billing", failure.Message);
        Assert.IsType<WhmCallFailedException>(failure.InnerException);
        Account abandoned = Assert.Single(await world.AccountsAsync());
        Assert.Equal(AccountStatus.Deleted, abandoned.Status);
        Assert.Null(abandoned.DedicatedIp);
        Assert.Empty(await world.Billing.ListAccountIpsAsync(abandoned.Id));
        Assert.Equal(5, (await world.Billing.ListServerIpsAsync(world.Server.Id)).Count(ip => ip.IsFree));
        Assert.Equal(OperationStatus.Failed, Assert.Single(await world.JournalAsync("createacct")).Status);

        // Nothing half-done: the same opening runs through afterwards.
        AccountChangeResult again = await world.OpenAsync("pro.example.com", "prouser", world.ProPlan);
        Assert.Equal(AccountStatus.Active, again.Account.Status);
        Assert.NotEqual(abandoned.Id, again.Account.Id);
    }

    [Fact]
    public async Task The_account_s_own_limits_are_applied_on_top_of_the_package_each_call_journaled()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        OpenAccountRequest request = world.Request("limits.example.com", "limits");
        request.Limits = new BillingLimits
        {
            Bandwidth = MegabyteLimit.Of(2048),
            Disk = MegabyteLimit.Of(512),
            EmailAccounts = CountLimit.Of(25),
            Databases = CountLimit.Of(3),
            AddonDomains = CountLimit.Unlimited,
        };

        AccountChangeResult result = await world.Accounts().OpenAsync(request);

        Assert.Equal(MegabyteLimit.Of(512), result.Account.Limits.Disk);
        WhmSimulator.AccountLimits limits = world.SimState.GetAccount("limits").Limits;
        Assert.Equal("2048", limits.BwLimit);
        Assert.Equal("512", limits.Quota);
        Assert.Equal("25", limits.MaxPop);
        Assert.Equal("3", limits.MaxSql);
        Assert.Equal("unlimited", limits.MaxAddon);
        Assert.Equal("2", limits.MaxFtp);
        Assert.Equal(new[] { "createacct", "limitbw", "editquota", "modifyacct" }, result.Calls.Select(c => c.Function));
        Assert.All(await world.JournalAsync(), e => Assert.Equal(OperationStatus.Succeeded, e.Status));
    }

    [Fact]
    public async Task A_generated_password_meets_the_server_s_strength_rule_is_returned_once_when_asked_and_is_written_nowhere()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        OpenAccountRequest request = world.Request("secret.example.com", "secret");
        request.ReturnPassword = true;

        AccountChangeResult result = await world.Accounts().OpenAsync(request);

        Assert.NotNull(result.Password);
        string password = AccountWorld.Reveal(result.Password!);
        Assert.Equal(world.SimState.GetAccount("secret").Password, password);
        Assert.Equal(20, password.Length);
        Assert.Contains(password, char.IsLower);
        Assert.Contains(password, char.IsUpper);
        Assert.Contains(password, char.IsDigit);
        Assert.Contains(password, c => !char.IsLetterOrDigit(c));
        Assert.DoesNotContain(password, result.ToString() + string.Join(" ", result.Warnings) + string.Join(" ", result.Calls));
        Assert.Equal(SecretMasking.Mask, Assert.Single(await world.JournalAsync("createacct")).Parameters["password"]);
        await world.AssertNowhereReadableAsync(password);
        await world.AssertNowhereReadableAsync(simulator.Token);
    }

    [Fact]
    public async Task Without_being_asked_the_generated_password_is_not_returned_and_every_account_gets_its_own()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);

        AccountChangeResult first = await world.OpenAsync("one.example.com", "one");
        await world.OpenAsync("two.example.com", "two");

        Assert.Null(first.Password);
        string? one = world.SimState.GetAccount("one").Password;
        string? two = world.SimState.GetAccount("two").Password;
        Assert.Equal(20, one?.Length);
        Assert.NotEqual(one, two);
    }

    [Fact]
    public async Task A_given_password_goes_to_the_server_in_the_request_body_only()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        const string Password = "Corr3ct-Horse!Battery";
        OpenAccountRequest request = world.Request("given.example.com", "given");
        request.Password = new WhmSecret(Password);
        request.ReturnPassword = true;

        AccountChangeResult result = await world.Accounts().OpenAsync(request);

        Assert.Null(result.Password);
        Assert.Equal(Password, world.SimState.GetAccount("given").Password);
        await world.AssertNowhereReadableAsync(Password);
    }

    [Fact]
    public async Task Opening_an_account_that_is_already_open_changes_nothing()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        AccountChangeResult first = await world.OpenAsync("again.example.com", "again");
        world.Simulator.Server.ClearRequests();

        AccountChangeResult second = await world.OpenAsync("again.example.com");

        Assert.False(second.Changed);
        Assert.Equal(first.Account.Id, second.Account.Id);
        Assert.Contains("already open", Assert.Single(second.Warnings));
        Assert.Empty(world.Simulator.Server.Requests);
    }

    [Fact]
    public async Task Opening_again_with_another_plan_is_refused_rather_than_guessed()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.OpenAsync("plan.example.com", "plan");

        var failure = await Assert.ThrowsAsync<AccountOperationException>(() => world.OpenAsync("plan.example.com", plan: world.ProPlan));

        AccountWorld.AssertFailure(failure, AccountErrorIds.OpeningMismatch, FailureKind.AlreadyExists);
        Assert.Contains("Set-CpAccountPackage", failure.Message);
    }

    [Fact]
    public async Task An_order_billing_holds_as_new_is_opened_by_reference()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account order = await world.OrderAsync("ordered", "ordered.example.com", world.ProPlan);

        AccountChangeResult result = await world.Accounts().OpenAsync(AccountReference.ById(order.Id));

        Assert.Equal(AccountStatus.Active, result.Account.Status);
        Assert.Equal(order.DedicatedIp, world.SimState.GetAccount("ordered").Ip);
        Assert.Equal(OperationsWorld.ProPackage, world.SimState.GetAccount("ordered").Plan);
    }
}

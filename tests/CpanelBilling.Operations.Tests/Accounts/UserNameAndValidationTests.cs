using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Testing.Operations;
using CpanelBilling.WhmSimulator;
using Xunit;
using BillingLimits = CpanelBilling.Core.Billing.AccountLimits;

namespace CpanelBilling.Operations.Tests.Accounts;

/// <summary>User names derived from the domain that neither billing nor the server has; bad input stopped before any call.</summary>
public sealed class UserNameAndValidationTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;

    public UserNameAndValidationTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Theory]
    [InlineData("my-shop.example.com", "myshop")]
    [InlineData("Extraordinary.example.com", "extraord")]
    [InlineData("testing42.com", "ing42")]
    [InlineData("123abc.org", "abc")]
    [InlineData("42.example.net", "site")]
    public async Task A_generated_user_name_follows_cpanel_s_rules_and_comes_from_the_domain(string domain, string expected)
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);

        AccountChangeResult result = await world.OpenAsync(domain);

        Assert.Equal(expected, result.Account.UserName);
        Assert.Matches("^[a-z][a-z0-9]{0,7}$", result.Account.UserName);
        Assert.NotNull(world.SimState.FindAccount(expected));
    }

    [Fact]
    public async Task A_generated_user_name_avoids_names_the_server_and_billing_have_and_the_server_s_first_8_characters()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        world.SimState.PutAccount(new SimulatedAccount { User = "myshop", Domain = "other-shop.example.org" });
        await world.Billing.OpenAccountAsync(world.Opening("myshop1", "ordered-shop.example.com"));
        world.SimState.PutAccount(new SimulatedAccount { User = "longname12", Domain = "long.example.org" });

        AccountChangeResult shop = await world.OpenAsync("my-shop.example.com");
        AccountChangeResult longName = await world.OpenAsync("longnameshop.example.com");

        Assert.Equal("myshop2", shop.Account.UserName);
        Assert.Equal("longnam1", longName.Account.UserName);
        Assert.Equal(2, world.Sent("createacct"));
    }

    [Fact]
    public async Task A_generated_name_another_opening_records_first_is_not_an_error_the_next_candidate_is_taken()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        (IBillingRepository billing, InterceptedBilling control) = InterceptedBilling.Wrap(world.Billing);
        var firstWorker = new AccountOperations(new OperationContext(billing, world.Context.Servers, "bulk-worker-1"));
        AccountChangeResult? secondWorker = null;

        // Both workers choose "shop" before either records it: the second one's whole opening runs in between.
        control.BeforeNext(nameof(IBillingRepository.OpenAccountAsync), _ =>
            secondWorker = world.Accounts().OpenAsync(world.Request("shop.b.example.com")).GetAwaiter().GetResult());

        AccountChangeResult first = await firstWorker.OpenAsync(world.Request("shop.a.example.com"));

        Assert.Equal("shop", secondWorker!.Account.UserName);
        Assert.Equal("shop1", first.Account.UserName);
        Assert.Equal(AccountStatus.Active, first.Account.Status);
        Assert.Equal("shop.a.example.com", world.SimState.GetAccount("shop1").Domain);
        Assert.Equal("shop.b.example.com", world.SimState.GetAccount("shop").Domain);
        Assert.Equal(2, world.Sent("createacct"));
        Assert.All(await world.AccountsAsync(), a => Assert.Equal(AccountStatus.Active, a.Status));
    }

    [Fact]
    public async Task A_bulk_run_opening_domains_that_share_their_first_label_at_once_opens_every_one_under_its_own_name()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        string[] domains = { "shop.a.example.com", "shop.b.example.com", "shop.c.example.com", "shop.d.example.com" };

        AccountChangeResult[] opened = await Task.WhenAll(domains.Select(domain => Task.Run(() => world.OpenAsync(domain))));

        Assert.Equal(domains.Length, opened.Select(r => r.Account.UserName).Distinct().Count());
        Assert.All(opened, r => Assert.Equal(AccountStatus.Active, r.Account.Status));
        Assert.All(opened, r => Assert.Equal(r.Account.DomainName, world.SimState.GetAccount(r.Account.UserName).Domain));
        Assert.Equal(domains.Length, world.Sent("createacct"));
    }

    [Fact]
    public async Task A_given_user_name_the_server_has_is_refused_before_anything_is_recorded_or_created()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        world.SimState.PutAccount(new SimulatedAccount { User = "bob", Domain = "bob.example.org" });
        world.SimState.PutAccount(new SimulatedAccount { User = "robertson", Domain = "robertson.example.org" });

        var same = await Assert.ThrowsAsync<AccountOperationException>(() => world.OpenAsync("bob.example.com", "bob"));
        var prefix = await Assert.ThrowsAsync<AccountOperationException>(() => world.OpenAsync("rob.example.com", "robertsonjr"));

        AccountWorld.AssertFailure(same, AccountErrorIds.UserNameTakenOnServer, FailureKind.AlreadyExists);
        AccountWorld.AssertFailure(prefix, AccountErrorIds.UserNameTakenOnServer, FailureKind.AlreadyExists);
        Assert.Contains("first 8 characters", prefix.Message);
        Assert.Equal(0, world.Sent("createacct"));
        Assert.Empty(await world.AccountsAsync());
    }

    [Theory]
    [InlineData("1abc", AccountErrorIds.InvalidUserName)]
    [InlineData("testuser", AccountErrorIds.InvalidUserName)]
    [InlineData("root", AccountErrorIds.InvalidUserName)]
    [InlineData("bad-name", AccountErrorIds.InvalidUserName)]
    [InlineData("abcdefghijklmnopq", AccountErrorIds.InvalidUserName)]
    [InlineData("mypassword", AccountErrorIds.InvalidUserName)]
    public async Task A_bad_user_name_sends_nothing_and_records_nothing(string userName, string errorId)
    {
        await using OperationsWorld world = await CleanWorldAsync();

        var failure = await Assert.ThrowsAsync<AccountOperationException>(() => world.OpenAsync("fine.example.com", userName));

        AccountWorld.AssertFailure(failure, errorId, FailureKind.InvalidArgument);
        Assert.Empty(world.Simulator.Server.Requests);
        Assert.Empty(await world.AccountsAsync());
    }

    [Theory]
    [InlineData("nodot")]
    [InlineData("www.example.com")]
    [InlineData("192.0.2.50")]
    [InlineData("-bad.example.com")]
    [InlineData("under_score.example.com")]
    [InlineData("example.lock")]
    [InlineData("shop.cpanel.net")]
    [InlineData("")]
    public async Task A_bad_domain_sends_nothing_and_records_nothing(string domain)
    {
        await using OperationsWorld world = await CleanWorldAsync();

        var failure = await Assert.ThrowsAsync<AccountOperationException>(() => world.OpenAsync(domain, "fine"));

        AccountWorld.AssertFailure(failure, AccountErrorIds.InvalidDomain, FailureKind.InvalidArgument);
        Assert.Empty(world.Simulator.Server.Requests);
        Assert.Empty(await world.AccountsAsync());
    }

    [Fact]
    public async Task Limits_out_of_range_send_nothing_and_record_nothing()
    {
        await using OperationsWorld world = await CleanWorldAsync();
        OpenAccountRequest tooManyDatabases = world.Request("fine.example.com", "fine");
        tooManyDatabases.Limits = new BillingLimits { Databases = CountLimit.Of(1000) };
        OpenAccountRequest tooMuchDisk = world.Request("fine.example.com", "fine");
        tooMuchDisk.Limits = new BillingLimits { Disk = MegabyteLimit.Of((1L << 30) + 1) };

        var databases = await Assert.ThrowsAsync<AccountOperationException>(() => world.Accounts().OpenAsync(tooManyDatabases));
        var disk = await Assert.ThrowsAsync<AccountOperationException>(() => world.Accounts().OpenAsync(tooMuchDisk));
        var setAndReset = new AccountLimitsChange { Set = new BillingLimits { Databases = CountLimit.Of(5) } };
        setAndReset.ResetToPackage.Add(AccountLimitKind.Databases);
        var both = await Assert.ThrowsAsync<AccountOperationException>(() => world.Accounts().SetLimitsAsync(world.Ref("fine"), setAndReset));
        var nothing = await Assert.ThrowsAsync<AccountOperationException>(() => world.Accounts().SetLimitsAsync(world.Ref("fine"), new AccountLimitsChange()));

        foreach (AccountOperationException failure in new[] { databases, disk, both, nothing })
        {
            AccountWorld.AssertFailure(failure, AccountErrorIds.InvalidLimit, FailureKind.InvalidArgument);
        }

        Assert.Contains("0 to 999", databases.Message);
        Assert.Empty(world.Simulator.Server.Requests);
        Assert.Empty(await world.AccountsAsync());
    }

    [Fact]
    public async Task Unknown_server_customer_or_plan_is_a_typed_not_found_before_any_call()
    {
        await using OperationsWorld world = await CleanWorldAsync();
        OpenAccountRequest noServer = world.Request("fine.example.com", "fine");
        noServer.ServerName = "web99";
        OpenAccountRequest noCustomer = world.Request("fine.example.com", "fine");
        noCustomer.CustomerLogin = "mallory";
        OpenAccountRequest noPlan = world.Request("fine.example.com", "fine");
        noPlan.PlanName = "Platinum";

        AccountWorld.AssertFailure(await Assert.ThrowsAsync<Core.Operations.Servers.ServerNotFoundException>(() => world.Accounts().OpenAsync(noServer)), Core.Operations.OperationErrorIds.ServerNotFound, FailureKind.NotFound);
        AccountWorld.AssertFailure(await Assert.ThrowsAsync<AccountOperationException>(() => world.Accounts().OpenAsync(noCustomer)), AccountErrorIds.CustomerNotFound, FailureKind.NotFound);
        AccountWorld.AssertFailure(await Assert.ThrowsAsync<AccountOperationException>(() => world.Accounts().OpenAsync(noPlan)), AccountErrorIds.PlanNotFound, FailureKind.NotFound);
        Assert.Empty(world.Simulator.Server.Requests);
    }

    [Fact]
    public async Task A_domain_of_another_customer_is_refused_before_any_call()
    {
        await using OperationsWorld world = await CleanWorldAsync();
        Customer bob = await world.Billing.AddCustomerAsync(new NewCustomer { Login = "bob" });
        await world.Billing.AddDomainAsync(bob.Id, "bobs.example.com");

        var failure = await Assert.ThrowsAsync<AccountOperationException>(() => world.OpenAsync("bobs.example.com", "alice"));

        AccountWorld.AssertFailure(failure, BillingErrorIds.DomainOwnedByOtherCustomer, FailureKind.AlreadyExists);
        Assert.Empty(world.Simulator.Server.Requests);
    }

    private async Task<OperationsWorld> CleanWorldAsync()
    {
        OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        world.Simulator.Server.ClearRequests();
        return world;
    }
}

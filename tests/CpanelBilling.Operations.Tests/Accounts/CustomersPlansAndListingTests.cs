using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Testing.Operations;
using Xunit;

namespace CpanelBilling.Operations.Tests.Accounts;

/// <summary>Customers, plans mapped to server packages, account listing, and limits as admins type them.</summary>
public sealed class CustomersPlansAndListingTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;

    public CustomersPlansAndListingTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task A_plan_is_added_and_mapped_to_a_package_the_server_has_and_mapping_again_is_harmless()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        var catalog = new CustomerAndPlanOperations(world.Context);

        BillingPlan gold = await catalog.AddPlanAsync("Gold", includesDedicatedIp: true, world.Server.Name, OperationsWorld.ProPackage);
        BillingPlan again = await catalog.AddPlanAsync("Gold", includesDedicatedIp: true, world.Server.Name, OperationsWorld.ProPackage);

        Assert.Equal(gold.Id, again.Id);
        Assert.True(gold.IncludesDedicatedIp);
        Assert.Equal(OperationsWorld.ProPackage, Assert.Single(again.Packages).PackageName);
    }

    [Fact]
    public async Task A_package_the_server_lacks_or_a_changed_ip_promise_is_refused()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        var catalog = new CustomerAndPlanOperations(world.Context);

        var noPackage = await Assert.ThrowsAsync<AccountOperationException>(() => catalog.AddPlanAsync("Gold", false, world.Server.Name, "platinum"));
        var otherIp = await Assert.ThrowsAsync<AccountOperationException>(() => catalog.AddPlanAsync(world.BasicPlan.Name, true, null, null));
        var half = await Assert.ThrowsAsync<AccountOperationException>(() => catalog.AddPlanAsync("Gold", false, world.Server.Name, null));

        AccountWorld.AssertFailure(noPackage, AccountErrorIds.PackageNotOnServer, FailureKind.NotFound);
        AccountWorld.AssertFailure(otherIp, BillingErrorIds.PlanAlreadyExists, FailureKind.AlreadyExists);
        AccountWorld.AssertFailure(half, AccountErrorIds.InvalidRequest, FailureKind.InvalidArgument);
        Assert.Null(await world.Billing.FindPlanAsync("Gold"));
    }

    [Fact]
    public async Task A_customer_with_a_bad_address_is_refused_and_a_good_one_added()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        var catalog = new CustomerAndPlanOperations(world.Context);

        var bad = await Assert.ThrowsAsync<AccountOperationException>(() => catalog.AddCustomerAsync(new NewCustomer { Login = "bob", Email = "bob at example" }));
        Customer bob = await catalog.AddCustomerAsync(new NewCustomer { Login = " bob ", DisplayName = "Bob B.", Email = "bob@example.org" });

        AccountWorld.AssertFailure(bad, AccountErrorIds.InvalidContactEmail, FailureKind.InvalidArgument);
        Assert.Equal("bob", bob.Login);
        Assert.Equal(new[] { "alice", "bob" }, (await world.Billing.ListCustomersAsync()).Select(c => c.Login));
    }

    [Fact]
    public async Task Accounts_are_listed_by_server_customer_plan_and_status()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.OpenAsync("one.example.com", "one");
        await world.OpenAsync("two.example.com", "two", world.ProPlan);
        await world.Accounts().SuspendAsync(world.Ref("two"), "Overdue");
        await world.OrderAsync("three", "three.example.com");

        Assert.Equal(new[] { "one", "two", "three" }, await NamesAsync(world, new AccountFilter { ServerName = "WEB01" }));
        Assert.Equal(new[] { "two" }, await NamesAsync(world, new AccountFilter { Status = AccountStatus.Suspended }));
        Assert.Equal(new[] { "two" }, await NamesAsync(world, new AccountFilter { PlanName = world.ProPlan.Name }));
        Assert.Equal(new[] { "one", "two", "three" }, await NamesAsync(world, new AccountFilter { CustomerLogin = world.Customer.Login }));
        var unknown = await Assert.ThrowsAsync<AccountOperationException>(() => NamesAsync(world, new AccountFilter { CustomerLogin = "mallory" }));
        AccountWorld.AssertFailure(unknown, AccountErrorIds.CustomerNotFound, FailureKind.NotFound);
    }

    [Theory]
    [InlineData(AccountLimitKind.Bandwidth, "2048", "2048")]
    [InlineData(AccountLimitKind.Disk, "500M", "500")]
    [InlineData(AccountLimitKind.Disk, "0", "unlimited")]
    [InlineData(AccountLimitKind.EmailAccounts, "Unlimited", "unlimited")]
    [InlineData(AccountLimitKind.Databases, "0", "0")]
    public void Limits_are_read_as_admins_type_them(AccountLimitKind kind, string text, string stored)
    {
        var change = new AccountLimitsChange();

        change.SetFromText(kind, text);

        Assert.Equal(stored, AccountLimitText(change.Set, kind));
        Assert.Empty(change.ResetToPackage);
    }

    [Fact]
    public void The_word_package_resets_a_limit_and_nonsense_is_refused()
    {
        var change = new AccountLimitsChange();
        change.SetFromText(AccountLimitKind.Disk, "100");

        change.SetFromText(AccountLimitKind.Disk, "Package");
        var failure = Assert.Throws<AccountOperationException>(() => change.SetFromText(AccountLimitKind.Databases, "lots"));

        Assert.Null(change.Set.Disk);
        Assert.Contains(AccountLimitKind.Disk, change.ResetToPackage);
        AccountWorld.AssertFailure(failure, AccountErrorIds.InvalidLimit, FailureKind.InvalidArgument);
        Assert.Contains("'package'", failure.Message);
    }

    private static string? AccountLimitText(Core.Billing.AccountLimits limits, AccountLimitKind kind) => kind switch
    {
        AccountLimitKind.Bandwidth => limits.Bandwidth?.ToString(),
        AccountLimitKind.Disk => limits.Disk?.ToString(),
        AccountLimitKind.EmailAccounts => limits.EmailAccounts?.ToString(),
        AccountLimitKind.Databases => limits.Databases?.ToString(),
        _ => limits.AddonDomains?.ToString(),
    };

    private static async Task<List<string>> NamesAsync(OperationsWorld world, AccountFilter filter)
    {
        var names = new List<string>();
        await foreach (Account account in world.Accounts().ListAsync(filter))
        {
            names.Add(account.UserName);
        }

        return names;
    }
}

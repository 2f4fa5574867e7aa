using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Testing.Billing;
using Xunit;

namespace CpanelBilling.Billing.Tests.Contract;

public abstract partial class BillingRepositoryContract
{
    [BillingFact]
    public async Task A_plan_maps_to_one_package_per_server()
    {
        BillingServer web1 = await Repository.AddServerAsync("web1", new ServerSettings { HostName = "a.example.net", TokenSecretName = "t" });
        BillingServer web2 = await Repository.AddServerAsync("web2", new ServerSettings { HostName = "b.example.net", TokenSecretName = "t" });
        BillingPlan plan = await Repository.AddPlanAsync("Gold", includesDedicatedIp: true);

        await Repository.MapPlanToPackageAsync(plan.Id, web1.Id, "gold");
        await Repository.MapPlanToPackageAsync(plan.Id, web2.Id, "host_gold");
        plan = await Repository.MapPlanToPackageAsync(plan.Id, web1.Id, "gold2");

        Assert.True(plan.IncludesDedicatedIp);
        Assert.Equal(new[] { "web1:gold2", "web2:host_gold" }, plan.Packages.Select(p => p.ToString()));
        Assert.Equal(plan.Id, (await Repository.FindPlanForPackageAsync(web2.Id, "host_gold"))!.Id);
        Assert.Null(await Repository.FindPlanForPackageAsync(web1.Id, "gold"));
        Assert.Equal(plan.Id, (await Repository.FindPlanAsync("gold"))!.Id);
        Assert.Equal(new[] { "Gold" }, (await Repository.ListPlansAsync()).Select(p => p.Name));
        Assert.Equal(2, (await Repository.ListPlansAsync()).Single().Packages.Count);
    }

    [BillingFact]
    public async Task A_plan_is_not_mapped_to_another_package_on_a_server_where_it_has_live_accounts()
    {
        BillingScenario s = await ScenarioAsync();
        Account alice = await s.OpenAccountAsync("alice");
        alice = await Repository.SetAccountStatusAsync(alice.Id, alice.RowVersion, AccountStatus.Suspended, "unpaid");
        Account bob = await s.OpenAccountAsync("bob");

        var refused = await Assert.ThrowsAsync<BillingConflictException>(() => Repository.MapPlanToPackageAsync(s.Plan.Id, s.Server.Id, "pro"));

        Assert.Equal(BillingErrorIds.PlanHasLiveAccountsOnServer, refused.ErrorId);
        Assert.Equal(FailureKind.Conflict, refused.Kind);
        Assert.Equal(s.Plan.Name, refused.Target);
        Assert.Contains("2 account(s)", refused.Message, System.StringComparison.Ordinal);
        Assert.Contains("Set-CpAccountPackage", refused.Message, System.StringComparison.Ordinal);
        Assert.Equal("basic", (await Repository.GetAccountAsync(alice.Id)).PackageName);
        Assert.Equal(new[] { s.Server.Name + ":basic" }, (await Repository.GetPlanAsync(s.Plan.Id)).Packages.Select(p => p.ToString()));

        // The same package again moves nobody; a server where the plan has no accounts may take any package.
        await Repository.MapPlanToPackageAsync(s.Plan.Id, s.Server.Id, "basic");
        BillingServer other = await Repository.AddServerAsync("other-" + s.Suffix, new ServerSettings { HostName = "other.example.net", TokenSecretName = "t" });
        await Repository.MapPlanToPackageAsync(s.Plan.Id, other.Id, "basic");
        await Repository.MapPlanToPackageAsync(s.Plan.Id, other.Id, "host_basic");

        // Once the accounts are moved to another plan or deleted, the plan may move to another package.
        await Repository.ChangeAccountPlanAsync(bob.Id, bob.RowVersion, s.DedicatedIpPlan.Id);
        await Repository.SetAccountStatusAsync(alice.Id, alice.RowVersion, AccountStatus.Deleted);
        BillingPlan remapped = await Repository.MapPlanToPackageAsync(s.Plan.Id, s.Server.Id, "pro");

        Assert.Equal(new[] { "other-" + s.Suffix + ":host_basic", s.Server.Name + ":pro" }, remapped.Packages.Select(p => p.ToString()).OrderBy(p => p, System.StringComparer.Ordinal));
        Assert.Equal("pro", (await Repository.GetAccountAsync(alice.Id)).PackageName);
    }

    [BillingFact]
    public async Task Plan_names_are_unique_and_mapping_needs_a_known_plan_and_server()
    {
        BillingServer web1 = await Repository.AddServerAsync("web1", new ServerSettings { HostName = "a.example.net", TokenSecretName = "t" });
        BillingPlan plan = await Repository.AddPlanAsync("Gold", includesDedicatedIp: false);

        var duplicate = await Assert.ThrowsAsync<BillingAlreadyExistsException>(() => Repository.AddPlanAsync("GOLD", includesDedicatedIp: false));
        Assert.Equal(BillingErrorIds.PlanAlreadyExists, duplicate.ErrorId);
        var noPlan = await Assert.ThrowsAsync<BillingNotFoundException>(() => Repository.MapPlanToPackageAsync(999, web1.Id, "gold"));
        Assert.Equal(BillingErrorIds.PlanNotFound, noPlan.ErrorId);
        var noServer = await Assert.ThrowsAsync<BillingNotFoundException>(() => Repository.MapPlanToPackageAsync(plan.Id, 999, "gold"));
        Assert.Equal(BillingErrorIds.ServerNotFound, noServer.ErrorId);
        Assert.Empty((await Repository.GetPlanAsync(plan.Id)).Packages);
    }

    [BillingFact]
    public async Task Customers_are_listed_by_login()
    {
        await Repository.AddCustomerAsync(new NewCustomer { Login = "zoe" });
        await Repository.AddCustomerAsync(new NewCustomer { Login = "adam", DisplayName = "Adam A.", Email = "adam@example.org" });

        IReadOnlyList<Customer> customers = await Repository.ListCustomersAsync();

        Assert.Equal(new[] { "adam", "zoe" }, customers.Select(c => c.Login));
        Assert.Equal("adam@example.org", customers[0].Email);
    }

    [BillingFact]
    public async Task Customers_have_unique_logins_and_own_their_domains()
    {
        Customer alice = await Repository.AddCustomerAsync(new NewCustomer { Login = "alice", DisplayName = "Alice A.", Email = "alice@example.org" });
        Customer bob = await Repository.AddCustomerAsync(new NewCustomer { Login = "bob" });

        Assert.Equal("Alice A.", (await Repository.GetCustomerAsync(alice.Id)).DisplayName);
        Assert.Equal(alice.Id, (await Repository.FindCustomerAsync("ALICE"))!.Id);
        var duplicate = await Assert.ThrowsAsync<BillingAlreadyExistsException>(() => Repository.AddCustomerAsync(new NewCustomer { Login = "alice" }));
        Assert.Equal(BillingErrorIds.CustomerAlreadyExists, duplicate.ErrorId);

        Domain domain = await Repository.AddDomainAsync(alice.Id, "Example.COM");
        Assert.Equal("example.com", domain.Name);
        Assert.Equal(alice.Id, (await Repository.FindDomainAsync("EXAMPLE.com"))!.CustomerId);
        var again = await Assert.ThrowsAsync<BillingAlreadyExistsException>(() => Repository.AddDomainAsync(alice.Id, "example.com"));
        Assert.Equal(BillingErrorIds.DomainAlreadyExists, again.ErrorId);
        var stolen = await Assert.ThrowsAsync<BillingAlreadyExistsException>(() => Repository.AddDomainAsync(bob.Id, "example.com"));
        Assert.Equal(BillingErrorIds.DomainOwnedByOtherCustomer, stolen.ErrorId);
        Assert.Empty(await Repository.ListDomainsAsync(bob.Id));
        Assert.Single(await Repository.ListDomainsAsync(alice.Id));
        var unknown = await Assert.ThrowsAsync<BillingNotFoundException>(() => Repository.AddDomainAsync(999, "other.com"));
        Assert.Equal(BillingErrorIds.CustomerNotFound, unknown.ErrorId);
        Assert.Equal(FailureKind.NotFound, unknown.Kind);
    }
}

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
    public async Task Opening_an_account_records_it_with_its_names_and_no_dedicated_ip_unless_asked()
    {
        BillingScenario s = await ScenarioAsync();

        Account account = await s.OpenAccountAsync("Alice1");

        Assert.Equal("alice1", account.UserName);
        Assert.Equal(AccountStatus.New, account.Status);
        Assert.Equal(s.Server.Name, account.ServerName);
        Assert.Equal(s.Customer.Login, account.CustomerLogin);
        Assert.Equal(s.Plan.Name, account.PlanName);
        Assert.Equal("basic", account.PackageName);
        Assert.Equal("alice1-" + s.Suffix + ".example.com", account.DomainName);
        Assert.Null(account.DedicatedIp);
        Assert.Null(account.IpAddress);
        Assert.False(account.Limits.HasOverrides);
        Assert.Equal(Start, account.CreatedUtc);
        Assert.Equal(account.RowVersion, (await Repository.GetAccountAsync(account.Id)).RowVersion);
        Assert.Equal(account.Id, (await Repository.FindAccountAsync(s.Server.Id, "ALICE1"))!.Id);
        Assert.Equal(2, (await Repository.ListServerIpsAsync(s.Server.Id)).Count(ip => ip.IsFree));
        Assert.Single(await Repository.ListDomainsAsync(s.Customer.Id));
    }

    [BillingFact]
    public async Task A_plan_with_a_dedicated_ip_or_an_account_that_asks_takes_a_free_one()
    {
        BillingScenario s = await ScenarioAsync(freeDedicatedIps: 2);

        Account pro = await s.OpenAccountAsync("pro1", s.DedicatedIpPlan);
        AccountOpening asks = s.Opening("asks1");
        asks.WantsDedicatedIp = true;
        Account asking = await Repository.OpenAccountAsync(asks);

        Assert.Equal("192.0.2.101", pro.DedicatedIp);
        Assert.Equal("192.0.2.101", pro.IpAddress);
        Assert.Equal("192.0.2.102", asking.DedicatedIp);
        Assert.True(asking.WantsDedicatedIp);
        IReadOnlyList<ServerIp> ips = await Repository.ListServerIpsAsync(s.Server.Id);
        Assert.Equal(pro.Id, ips.Single(ip => ip.Address == "192.0.2.101").DedicatedToAccountId);
        Assert.DoesNotContain(ips, ip => ip.IsFree);
        AccountIp held = Assert.Single(await Repository.ListAccountIpsAsync(pro.Id));
        Assert.True(held.IsDedicated);
        Assert.Equal("192.0.2.101", held.Address);
    }

    [BillingFact]
    public async Task A_package_with_ip_y_on_the_server_takes_a_dedicated_ip_whatever_the_plan_says()
    {
        BillingScenario s = await ScenarioAsync(freeDedicatedIps: 1);
        BillingPlan plain = await Repository.AddPlanAsync("Plain on pro " + s.Suffix, includesDedicatedIp: false);
        plain = await Repository.MapPlanToPackageAsync(plain.Id, s.Server.Id, "pro");

        Account account = await s.OpenAccountAsync("alice", plain);

        Assert.Equal("192.0.2.101", account.DedicatedIp);
    }

    [BillingFact]
    public async Task Changing_to_a_plan_with_a_dedicated_ip_takes_one_or_changes_nothing()
    {
        BillingScenario s = await ScenarioAsync(freeDedicatedIps: 1);
        Account first = await s.OpenAccountAsync("first");
        Account second = await s.OpenAccountAsync("second");

        Account upgraded = await Repository.ChangeAccountPlanAsync(first.Id, first.RowVersion, s.DedicatedIpPlan.Id);
        Assert.Equal("192.0.2.101", upgraded.DedicatedIp);
        Assert.Equal("192.0.2.101", (await Repository.ChangeAccountPlanAsync(upgraded.Id, upgraded.RowVersion, s.Plan.Id)).DedicatedIp);

        await Assert.ThrowsAsync<NoFreeIpException>(() => Repository.ChangeAccountPlanAsync(second.Id, second.RowVersion, s.DedicatedIpPlan.Id));
        Account unchanged = await Repository.GetAccountAsync(second.Id);
        Assert.Equal(s.Plan.Id, unchanged.PlanId);
        Assert.Equal(second.RowVersion, unchanged.RowVersion);
    }

    [BillingFact]
    public async Task A_user_name_already_live_on_the_server_is_refused_and_nothing_is_written()
    {
        BillingScenario s = await ScenarioAsync(freeDedicatedIps: 1);
        await s.OpenAccountAsync("alice");
        AccountOpening duplicate = s.Opening("ALICE", s.DedicatedIpPlan);
        duplicate.DomainName = "another-" + s.Suffix + ".example.com";

        var error = await Assert.ThrowsAsync<BillingAlreadyExistsException>(() => Repository.OpenAccountAsync(duplicate));

        Assert.Equal(FailureKind.AlreadyExists, error.Kind);
        Assert.Equal(BillingErrorIds.AccountUserNameTaken, error.ErrorId);
        Assert.Equal("alice", error.Target);
        Assert.Contains(s.Server.Name, error.Message);
        Assert.Single(await ListAsync(new AccountQuery { ServerId = s.Server.Id }));
        Assert.Null(await Repository.FindDomainAsync(duplicate.DomainName));
        Assert.Single(await Repository.ListServerIpsAsync(s.Server.Id), ip => ip.IsFree);
    }

    [BillingFact]
    public async Task The_same_user_name_may_live_on_another_server_and_again_after_deletion()
    {
        BillingScenario first = await ScenarioAsync();
        BillingScenario second = await ScenarioAsync();
        Account alice = await first.OpenAccountAsync("alice");
        await second.OpenAccountAsync("alice");

        await Repository.SetAccountStatusAsync(alice.Id, alice.RowVersion, AccountStatus.Deleted);
        AccountOpening again = first.Opening("alice");
        again.DomainName = "alice-again-" + first.Suffix + ".example.com";
        Account reborn = await Repository.OpenAccountAsync(again);

        Assert.NotEqual(alice.Id, reborn.Id);
        Assert.Equal(reborn.Id, (await Repository.FindAccountAsync(first.Server.Id, "alice"))!.Id);
    }

    [BillingFact]
    public async Task A_domain_with_a_live_account_or_of_another_customer_is_refused()
    {
        BillingScenario s = await ScenarioAsync();
        Account first = await s.OpenAccountAsync("first");
        AccountOpening sameDomain = s.Opening("second");
        sameDomain.DomainName = first.DomainName;

        var taken = await Assert.ThrowsAsync<BillingAlreadyExistsException>(() => Repository.OpenAccountAsync(sameDomain));
        Assert.Equal(BillingErrorIds.AccountDomainTaken, taken.ErrorId);

        Customer other = await Repository.AddCustomerAsync(new NewCustomer { Login = "other-" + s.Suffix });
        AccountOpening foreign = s.Opening("third");
        foreign.CustomerId = other.Id;
        foreign.DomainName = first.DomainName;
        var owned = await Assert.ThrowsAsync<BillingAlreadyExistsException>(() => Repository.OpenAccountAsync(foreign));
        Assert.Equal(BillingErrorIds.DomainOwnedByOtherCustomer, owned.ErrorId);
        Assert.Single(await ListAsync(new AccountQuery { ServerId = s.Server.Id }));
    }

    [BillingFact]
    public async Task Opening_on_an_unknown_server_plan_or_customer_is_NotFound_and_writes_nothing()
    {
        BillingScenario s = await ScenarioAsync();

        AccountOpening noServer = s.Opening("a1");
        noServer.ServerId = 999;
        AccountOpening noPlan = s.Opening("a2");
        noPlan.PlanId = 999;
        AccountOpening noCustomer = s.Opening("a3");
        noCustomer.CustomerId = 999;

        Assert.Equal(BillingErrorIds.ServerNotFound, (await Assert.ThrowsAsync<BillingNotFoundException>(() => Repository.OpenAccountAsync(noServer))).ErrorId);
        Assert.Equal(BillingErrorIds.PlanNotFound, (await Assert.ThrowsAsync<BillingNotFoundException>(() => Repository.OpenAccountAsync(noPlan))).ErrorId);
        Assert.Equal(BillingErrorIds.CustomerNotFound, (await Assert.ThrowsAsync<BillingNotFoundException>(() => Repository.OpenAccountAsync(noCustomer))).ErrorId);
        Assert.Empty(await ListAsync(new AccountQuery()));
        Assert.Empty(await Repository.ListDomainsAsync(s.Customer.Id));
    }

    [BillingFact]
    public async Task A_plan_without_a_package_on_the_server_cannot_be_opened_there()
    {
        BillingScenario s = await ScenarioAsync();
        BillingPlan elsewhere = await Repository.AddPlanAsync("Elsewhere " + s.Suffix, includesDedicatedIp: false);

        var error = await Assert.ThrowsAsync<BillingNotFoundException>(() => s.OpenAccountAsync("alice", elsewhere));

        Assert.Equal(BillingErrorIds.PlanNotOnServer, error.ErrorId);
        Assert.Empty(await ListAsync(new AccountQuery()));
    }

    [BillingFact]
    public async Task Without_a_free_dedicated_ip_the_account_is_refused_and_nothing_is_written()
    {
        BillingScenario s = await ScenarioAsync(freeDedicatedIps: 0);

        var error = await Assert.ThrowsAsync<NoFreeIpException>(() => s.OpenAccountAsync("alice", s.DedicatedIpPlan));

        Assert.Equal(FailureKind.NoFreeIp, error.Kind);
        Assert.Equal(BillingErrorIds.NoFreeDedicatedIp, error.ErrorId);
        Assert.Equal(s.Server.Name, error.Target);
        Assert.Empty(await ListAsync(new AccountQuery { IncludeDeleted = true }));
        Assert.Empty(await Repository.ListDomainsAsync(s.Customer.Id));
    }

    [BillingFact]
    public async Task Suspend_resume_and_delete_set_status_reason_and_free_the_dedicated_ip()
    {
        BillingScenario s = await ScenarioAsync(freeDedicatedIps: 1);
        Account account = await s.OpenAccountAsync("alice", s.DedicatedIpPlan);
        account = await Repository.SetAccountStatusAsync(account.Id, account.RowVersion, AccountStatus.Active);
        Clock.Advance(System.TimeSpan.FromDays(1));

        Account suspended = await Repository.SetAccountStatusAsync(account.Id, account.RowVersion, AccountStatus.Suspended, "Unpaid invoice 1234");
        Assert.Equal(AccountStatus.Suspended, suspended.Status);
        Assert.Equal(3, (int)suspended.Status);
        Assert.Equal("Unpaid invoice 1234", suspended.SuspendReason);
        Assert.Equal(Start.AddDays(1), suspended.ChangedUtc);
        Assert.NotEqual(account.RowVersion, suspended.RowVersion);

        Account resumed = await Repository.SetAccountStatusAsync(suspended.Id, suspended.RowVersion, AccountStatus.Active);
        Assert.Equal(AccountStatus.Active, resumed.Status);
        Assert.Null(resumed.SuspendReason);

        Account deleted = await Repository.SetAccountStatusAsync(resumed.Id, resumed.RowVersion, AccountStatus.Deleted);
        Assert.Equal(AccountStatus.Deleted, deleted.Status);
        Assert.Null(deleted.DedicatedIp);
        Assert.Empty(await Repository.ListAccountIpsAsync(deleted.Id));
        Assert.True((await Repository.ListServerIpsAsync(s.Server.Id)).Single(ip => ip.Address == "192.0.2.101").IsFree);
        Assert.Null(await Repository.FindAccountAsync(s.Server.Id, "alice"));
        Assert.Empty(await ListAsync(new AccountQuery { ServerId = s.Server.Id }));
        Assert.Single(await ListAsync(new AccountQuery { ServerId = s.Server.Id, IncludeDeleted = true }));
    }

    [BillingFact]
    public async Task A_change_with_a_stale_row_version_is_a_Conflict_and_overwrites_nothing()
    {
        BillingScenario s = await ScenarioAsync();
        Account read = await s.OpenAccountAsync("alice");
        await Repository.SetAccountStatusAsync(read.Id, read.RowVersion, AccountStatus.Suspended, "first writer");

        var error = await Assert.ThrowsAsync<BillingConflictException>(
            () => Repository.SetAccountStatusAsync(read.Id, read.RowVersion, AccountStatus.Active));

        Assert.Equal(FailureKind.Conflict, error.Kind);
        Assert.Equal(BillingErrorIds.AccountRowVersionConflict, error.ErrorId);
        Account now = await Repository.GetAccountAsync(read.Id);
        Assert.Equal(AccountStatus.Suspended, now.Status);
        Assert.Equal("first writer", now.SuspendReason);
        await Assert.ThrowsAsync<BillingConflictException>(() => Repository.SetAccountLimitsAsync(read.Id, read.RowVersion, new AccountLimits { Disk = MegabyteLimit.Of(1) }));
        await Assert.ThrowsAsync<BillingConflictException>(() => Repository.ChangeAccountPlanAsync(read.Id, read.RowVersion, s.DedicatedIpPlan.Id));
        var missing = await Assert.ThrowsAsync<BillingNotFoundException>(() => Repository.SetAccountStatusAsync(999, 1, AccountStatus.Active));
        Assert.Equal(BillingErrorIds.AccountNotFound, missing.ErrorId);
    }

    [BillingFact]
    public async Task Changing_the_plan_needs_a_package_on_the_accounts_server()
    {
        BillingScenario s = await ScenarioAsync();
        Account account = await s.OpenAccountAsync("alice");

        Account changed = await Repository.ChangeAccountPlanAsync(account.Id, account.RowVersion, s.DedicatedIpPlan.Id);
        Assert.Equal(s.DedicatedIpPlan.Id, changed.PlanId);
        Assert.Equal("pro", changed.PackageName);

        BillingPlan elsewhere = await Repository.AddPlanAsync("Elsewhere " + s.Suffix, includesDedicatedIp: false);
        var error = await Assert.ThrowsAsync<BillingNotFoundException>(() => Repository.ChangeAccountPlanAsync(changed.Id, changed.RowVersion, elsewhere.Id));
        Assert.Equal(BillingErrorIds.PlanNotOnServer, error.ErrorId);
        Assert.Equal(s.DedicatedIpPlan.Id, (await Repository.GetAccountAsync(account.Id)).PlanId);
    }

    [BillingFact]
    public async Task Limit_overrides_are_null_for_as_the_package_says_or_a_count_or_unlimited()
    {
        BillingScenario s = await ScenarioAsync();
        AccountOpening opening = s.Opening("alice");
        opening.Limits = new AccountLimits { Disk = MegabyteLimit.Of(2048), Bandwidth = MegabyteLimit.Of(3_000_000_000) };
        Account account = await Repository.OpenAccountAsync(opening);
        Assert.Equal(MegabyteLimit.Of(2048), account.Limits.Disk);
        Assert.Equal(MegabyteLimit.Of(3_000_000_000), account.Limits.Bandwidth); // megabytes beyond 32 bits
        Assert.Null(account.Limits.Databases);

        Account changed = await Repository.SetAccountLimitsAsync(account.Id, account.RowVersion, new AccountLimits
        {
            Bandwidth = MegabyteLimit.Unlimited,
            EmailAccounts = CountLimit.Of(0),
            Databases = CountLimit.Of(25),
            AddonDomains = CountLimit.Unlimited,
        });

        Assert.Equal(MegabyteLimit.Unlimited, changed.Limits.Bandwidth);
        Assert.Null(changed.Limits.Disk);
        Assert.Equal(CountLimit.Of(0), changed.Limits.EmailAccounts);   // zero is a count, not unlimited
        Assert.Equal(CountLimit.Of(25), changed.Limits.Databases);
        Assert.Equal(CountLimit.Unlimited, changed.Limits.AddonDomains);
        Assert.True(changed.Limits.HasOverrides);
        Account cleared = await Repository.SetAccountLimitsAsync(changed.Id, changed.RowVersion, new AccountLimits());
        Assert.False(cleared.Limits.HasOverrides);
    }

    [BillingFact]
    public async Task Account_ips_record_the_shared_address_and_assign_a_dedicated_one_once()
    {
        BillingScenario s = await ScenarioAsync(freeDedicatedIps: 1);
        Account account = await s.OpenAccountAsync("alice");

        AccountIp shared = await Repository.RecordAccountIpAsync(account.Id, "192.0.2.1");
        Assert.False(shared.IsDedicated);
        Assert.Equal("192.0.2.1", (await Repository.GetAccountAsync(account.Id)).IpAddress);
        AccountIp unknown = await Repository.RecordAccountIpAsync(account.Id, "198.51.100.7");
        Assert.False(unknown.IsDedicated);
        Assert.Contains(await Repository.ListServerIpsAsync(s.Server.Id), ip => ip.Address == "198.51.100.7" && ip.IsUsedOnServer);

        AccountIp dedicated = await Repository.AssignDedicatedIpAsync(account.Id);
        Assert.Equal("192.0.2.101", dedicated.Address);
        Assert.Equal(dedicated.ServerIpId, (await Repository.AssignDedicatedIpAsync(account.Id)).ServerIpId);
        Assert.Equal("192.0.2.101", (await Repository.GetAccountAsync(account.Id)).IpAddress);

        Account other = await s.OpenAccountAsync("bob");
        var held = await Assert.ThrowsAsync<BillingAlreadyExistsException>(() => Repository.RecordAccountIpAsync(other.Id, "192.0.2.101"));
        Assert.Equal(BillingErrorIds.IpHeldByOtherAccount, held.ErrorId);
        await Assert.ThrowsAsync<NoFreeIpException>(() => Repository.AssignDedicatedIpAsync(other.Id));

        Assert.Equal(3, await Repository.ReleaseAccountIpsAsync(account.Id));
        Assert.Equal("192.0.2.101", (await Repository.AssignDedicatedIpAsync(other.Id)).Address);
    }

    [BillingFact]
    public async Task Listing_accounts_filters_by_server_customer_plan_and_status_in_id_order()
    {
        BillingScenario first = await ScenarioAsync();
        BillingScenario second = await ScenarioAsync();
        Account a = await first.OpenAccountAsync("a1");
        Account b = await first.OpenAccountAsync("b1", first.DedicatedIpPlan);
        Account c = await second.OpenAccountAsync("c1");
        await Repository.SetAccountStatusAsync(b.Id, b.RowVersion, AccountStatus.Suspended, "abuse");

        Assert.Equal(new[] { a.Id, b.Id }, (await ListAsync(new AccountQuery { ServerId = first.Server.Id })).Select(x => x.Id));
        Assert.Equal(new[] { c.Id }, (await ListAsync(new AccountQuery { CustomerId = second.Customer.Id })).Select(x => x.Id));
        Assert.Equal(new[] { b.Id }, (await ListAsync(new AccountQuery { PlanId = first.DedicatedIpPlan.Id })).Select(x => x.Id));
        Assert.Equal(new[] { b.Id }, (await ListAsync(new AccountQuery { Status = AccountStatus.Suspended })).Select(x => x.Id));
        Assert.Equal(new[] { a.Id, b.Id, c.Id }, (await ListAsync(new AccountQuery())).Select(x => x.Id));
        Assert.Equal("abuse", (await ListAsync(new AccountQuery { Status = AccountStatus.Suspended })).Single().SuspendReason);
    }
}

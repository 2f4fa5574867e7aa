using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Testing.Billing;
using Xunit;

namespace CpanelBilling.Billing.Tests.Contract;

/// <summary>Listings filtered by name in the database: accounts by user name and domain, journal by user, Tab candidates.</summary>
public abstract partial class BillingRepositoryContract
{
    [BillingFact]
    public async Task Accounts_are_listed_by_exact_names_and_wildcards_without_regard_to_case()
    {
        BillingScenario s = await ScenarioAsync();
        BillingScenario other = await ScenarioAsync();
        Account anna = await s.OpenAccountAsync("anna");
        Account andy = await s.OpenAccountAsync("andy");
        Account bert = await s.OpenAccountAsync("bert");
        Account annaElsewhere = await other.OpenAccountAsync("anna");

        Assert.Equal(new[] { anna.Id, annaElsewhere.Id }, await IdsAsync(new AccountQuery { UserNames = new[] { "ANNA" } }));
        Assert.Equal(new[] { anna.Id }, await IdsAsync(new AccountQuery { ServerId = s.Server.Id, UserNames = new[] { "anna" } }));
        Assert.Equal(new[] { anna.Id, andy.Id, annaElsewhere.Id }, await IdsAsync(new AccountQuery { UserNames = new[] { "An*" } }));
        Assert.Equal(new[] { andy.Id, bert.Id }, await IdsAsync(new AccountQuery { UserNames = new[] { "bert", "?ndy" } }));
        Assert.Equal(new[] { bert.Id }, await IdsAsync(new AccountQuery { UserNames = new[] { "[b-c]*" } }));
        Assert.Equal(new[] { anna.Id, andy.Id, bert.Id }, await IdsAsync(new AccountQuery { ServerId = s.Server.Id, UserNames = new[] { "[AB]*" } }));
        Assert.Equal(new[] { andy.Id }, await IdsAsync(new AccountQuery { DomainNames = new[] { "ANDY-*.example.COM" } }));
        Assert.Equal(new[] { annaElsewhere.Id }, await IdsAsync(new AccountQuery { UserNames = new[] { "a*" }, DomainNames = new[] { "*-" + other.Suffix + ".example.com" } }));
        Assert.Empty(await IdsAsync(new AccountQuery { UserNames = new[] { "nobody", "z*" } }));
    }

    [BillingFact]
    public async Task Name_filters_keep_the_other_filters_and_leave_deleted_accounts_out_unless_asked()
    {
        BillingScenario s = await ScenarioAsync();
        Account gone = await s.OpenAccountAsync("carl");
        await Repository.SetAccountStatusAsync(gone.Id, gone.RowVersion, AccountStatus.Deleted);
        Account carl = await s.OpenAccountAsync("carl");
        Account cleo = await s.OpenAccountAsync("cleo", s.DedicatedIpPlan);

        Assert.Equal(new[] { carl.Id, cleo.Id }, await IdsAsync(new AccountQuery { UserNames = new[] { "c*" } }));
        Assert.Equal(new[] { gone.Id, carl.Id }, await IdsAsync(new AccountQuery { UserNames = new[] { "carl" }, IncludeDeleted = true }));
        Assert.Equal(new[] { gone.Id }, await IdsAsync(new AccountQuery { UserNames = new[] { "carl" }, Status = AccountStatus.Deleted }));
        Assert.Equal(new[] { cleo.Id }, await IdsAsync(new AccountQuery { UserNames = new[] { "c*" }, PlanId = s.DedicatedIpPlan.Id, CustomerId = s.Customer.Id }));
    }

    [BillingFact]
    public async Task LIKE_characters_in_a_name_are_literal_and_a_backtick_escapes_a_wildcard()
    {
        BillingScenario s = await ScenarioAsync();
        Account underscore = await s.OpenAccountAsync("a_b");
        Account other = await s.OpenAccountAsync("axb");
        Account percent = await Repository.OpenAccountAsync(new AccountOpening
        {
            CustomerId = s.Customer.Id, ServerId = s.Server.Id, PlanId = s.Plan.Id, UserName = "pct", DomainName = "100%-" + s.Suffix + ".example.com",
        });
        Account star = await s.OpenAccountAsync("st*r");

        Assert.Equal(new[] { underscore.Id }, await IdsAsync(new AccountQuery { UserNames = new[] { "a_*" } }));
        Assert.Equal(new[] { underscore.Id, other.Id }, await IdsAsync(new AccountQuery { UserNames = new[] { "a?b" } }));
        Assert.Equal(new[] { percent.Id }, await IdsAsync(new AccountQuery { DomainNames = new[] { "*%*" } }));
        Assert.Equal(new[] { star.Id }, await IdsAsync(new AccountQuery { UserNames = new[] { "st`*r" } }));
        Assert.Empty(await IdsAsync(new AccountQuery { UserNames = new[] { "st`*" } }));
    }

    [BillingFact]
    public void A_malformed_pattern_is_an_invalid_value()
    {
        var unclosed = Assert.Throws<BillingInvalidValueException>(() => Repository.ListAccountsAsync(new AccountQuery { UserNames = new[] { "[ab" } }));

        Assert.Equal(FailureKind.InvalidArgument, unclosed.Kind);
        Assert.Contains("'[ab'", unclosed.Message, StringComparison.Ordinal);
    }

    [BillingFact]
    public async Task A_name_list_longer_than_one_statement_lists_each_match_once_in_id_order()
    {
        BillingScenario s = await ScenarioAsync();
        Account zed = await s.OpenAccountAsync("zed");
        Account amy = await s.OpenAccountAsync("amy");
        Account bob = await s.OpenAccountAsync("bob");
        Account cat = await s.OpenAccountAsync("cat");
        await s.OpenAccountAsync("dan");

        // 2,200 names, more parameters than SQL Server takes in one statement. Statements take 500 names, exact ones
        // first: amy and cat open the first, bob closes it, zed (the oldest account) opens the second, and the
        // pattern c*, which matches cat again, comes in the fifth.
        List<string> users = Ghosts("u", 2199);
        users[0] = "amy";
        users[1] = "cat";
        users[499] = "bob";
        users[500] = "zed";
        users.Add("c*");

        Assert.Equal(new[] { zed.Id, amy.Id, bob.Id, cat.Id }, await IdsAsync(new AccountQuery { ServerId = s.Server.Id, UserNames = users }));

        // Both lists long: each statement takes a batch of each, and an account must match both lists.
        List<string> domains = Ghosts("d", 600);
        domains[0] = amy.DomainName;
        domains[550] = zed.DomainName;
        domains[599] = "dan-" + s.Suffix + ".example.com";
        Assert.Equal(new[] { zed.Id, amy.Id }, await IdsAsync(new AccountQuery { ServerId = s.Server.Id, UserNames = users, DomainNames = domains }));
    }

    [BillingFact]
    public async Task Journal_entries_are_listed_by_user_without_regard_to_case_and_the_newest_first()
    {
        BillingScenario s = await ScenarioAsync();
        BillingScenario other = await ScenarioAsync();
        OperationJournalEntry first = await Repository.BeginOperationAsync(new OperationIntent { ServerId = s.Server.Id, UserName = "Anna", Function = "createacct" });
        OperationJournalEntry bob = await Repository.BeginOperationAsync(new OperationIntent { ServerId = s.Server.Id, UserName = "bob", Function = "createacct" });
        OperationJournalEntry second = await Repository.BeginOperationAsync(new OperationIntent { ServerId = s.Server.Id, UserName = "anna", Function = "suspendacct" });
        OperationJournalEntry elsewhere = await Repository.BeginOperationAsync(new OperationIntent { ServerId = other.Server.Id, UserName = "anna", Function = "createacct" });
        await Repository.CompleteOperationAsync(first.Id, OperationStatus.Succeeded);

        Assert.Equal(new[] { first.Id, second.Id }, (await JournalAsync(new OperationJournalQuery { ServerId = s.Server.Id, UserName = "ANNA" })).Select(e => e.Id));
        Assert.Equal(new[] { second.Id }, (await JournalAsync(new OperationJournalQuery { ServerId = s.Server.Id, UserName = "anna", Status = OperationStatus.Pending })).Select(e => e.Id));
        Assert.Equal(new[] { elsewhere.Id, second.Id }, (await JournalAsync(new OperationJournalQuery { NewestFirst = true, Limit = 2 })).Select(e => e.Id));
        Assert.Equal(new[] { elsewhere.Id, second.Id, bob.Id, first.Id }, (await JournalAsync(new OperationJournalQuery { NewestFirst = true })).Select(e => e.Id));
        Assert.Empty(await JournalAsync(new OperationJournalQuery { ServerId = other.Server.Id, UserName = "bob" }));
    }

    [BillingFact]
    public async Task Tab_candidates_are_live_user_names_by_literal_prefix_in_name_order_and_bounded()
    {
        BillingScenario s = await ScenarioAsync();
        BillingScenario other = await ScenarioAsync();
        await s.OpenAccountAsync("anna");
        await s.OpenAccountAsync("andy");
        await s.OpenAccountAsync("a_b");
        await s.OpenAccountAsync("axb");
        await other.OpenAccountAsync("anna");
        await other.OpenAccountAsync("abel");
        Account gone = await s.OpenAccountAsync("amos");
        await Repository.SetAccountStatusAsync(gone.Id, gone.RowVersion, AccountStatus.Deleted);

        // Each name once, however many servers have it; letters in name order (where punctuation sorts is the collation's).
        Assert.Equal(new[] { "andy", "anna" }, await Repository.ListAccountUserNamesAsync(null, "AN", 10));
        Assert.Equal(new[] { "andy" }, await Repository.ListAccountUserNamesAsync(null, "an", 1));
        Assert.Equal(new[] { "abel", "anna" }, await Repository.ListAccountUserNamesAsync(other.Server.Id, "a", 10));
        Assert.Equal(new[] { "a_b", "andy", "anna", "axb" }, (await Repository.ListAccountUserNamesAsync(s.Server.Id, "", 10)).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(new[] { "a_b" }, await Repository.ListAccountUserNamesAsync(null, "a_", 10));
        Assert.Empty(await Repository.ListAccountUserNamesAsync(null, "amo", 10));
        Assert.Empty(await Repository.ListAccountUserNamesAsync(null, "a%", 10));
    }

    private async Task<List<long>> IdsAsync(AccountQuery query) => (await ListAsync(query)).Select(a => a.Id).ToList();

    private static List<string> Ghosts(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => prefix + "-ghost-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
}

using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Testing.Simulator;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Whm.Tests.Simulator;

public sealed class CreateAccountTests : SimulatorTestBase
{
    public CreateAccountTests(SimulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task Success_reports_account_creation_ok_with_options_data_and_the_wwwacct_log()
    {
        var reply = await CreateAccountAsync("bob", "Bob-Example.com", ("contactemail", "bob@example.net"));

        Assert.Equal("Account Creation Ok", WhmHttp.Reason(reply));
        var data = WhmHttp.Data(reply);
        Assert.Equal("192.0.2.10", (string)data["ip"]!);
        Assert.Equal("default", (string)data["package"]!);
        Assert.Equal("ns1.example.com", (string)data["nameserver"]!);
        Assert.Equal("", (string)data["nameserver3"]!);
        Assert.True(data.ContainsKey("nameservera") && data["nameservera"] is null);
        var raw = (string)reply["metadata"]!["output"]!["raw"]!;
        Assert.Contains("| New Account Info", raw);
        Assert.Contains("| UserName: bob\n", raw);
        Assert.Contains("| PassWord: " + StrongPassword, raw);

        var account = State.GetAccount("bob");
        Assert.Equal("bob-example.com", account.Domain);
        Assert.Equal("bob@example.net", account.ContactEmail);
        Assert.Equal(StrongPassword, account.Password);
        Assert.False(account.Suspended);
    }

    [Fact]
    public async Task Username_is_lowercased()
    {
        await CreateAccountAsync("MixedCase", "mixed.example.com");

        Assert.NotNull(State.FindAccount("mixedcase"));
    }

    [Theory]
    [InlineData("1abc", "“1abc” is not a valid username on this system.")]
    [InlineData("bad-name", "“bad-name” is not a valid username on this system.")]
    [InlineData("abcdefghijklmnopq", "“abcdefghijklmnopq” is not a valid username on this system.")]
    [InlineData("testuser", "“testuser” is a reserved username on this system.")]
    [InlineData("root", "“root” is a reserved username on this system.")]
    [InlineData("cpanelbob", "“cpanelbob” is a reserved username on this system.")]
    [InlineData("___", "“___” is a reserved username on this system.")]
    public async Task Invalid_or_reserved_usernames_are_refused_with_an_xid(string user, string message)
    {
        var reply = await Api1("createacct", ("username", user), ("domain", "ok.example.com"), ("password", StrongPassword));

        WhmHttp.AssertXidFailure(message, reply, prefix: "");
        Assert.Empty(State.Accounts);
    }

    [Fact]
    public async Task An_existing_username_is_refused_with_the_create_pm_location_suffix()
    {
        await CreateAccountAsync("gtxoo", "one.example.com");

        var reply = await Api1("createacct", ("username", "gtxoo"), ("domain", "two.example.com"), ("password", StrongPassword));

        WhmHttp.AssertXidFailure("This system already has an account named “gtxoo”. at /usr/local/cpanel/Whostmgr/Accounts/Create.pm line 601.",
            reply, prefix: "");
    }

    [Fact]
    public async Task The_first_eight_characters_must_be_unique()
    {
        await CreateAccountAsync("abcdefgh1", "one.example.com");

        var reply = await Api1("createacct", ("username", "abcdefgh2"), ("domain", "two.example.com"), ("password", StrongPassword));

        WhmHttp.AssertXidFailure("The name of another account on this server has the same initial 8 characters as the given username (abcdefgh2). "
                                 + "Each username’s first 8 characters must be unique.", reply, prefix: "");
    }

    [Theory]
    [InlineData("nodot", "The system cannot accept “nodot” as a domain name (domain name must have a valid TLD label).")]
    [InlineData("bad_label.com", "The system cannot accept “bad_label.com” as a domain name (domain name element bad_label does not conform to requirements).")]
    [InlineData("www.example.com", "The system cannot accept “www.example.com” as a domain name (www.example.com starts with “www.”, which is not allowed).")]
    [InlineData("192.0.2.50", "The system cannot accept “192.0.2.50” as a domain name (argument is an IP address, not a domain name).")]
    [InlineData("server.example.com", "You may not create a domain with a name that is the server’s hostname.")]
    [InlineData("co.uk", "The system cannot create the domain “co.uk” because it is a top-level domain or other public suffix. You must use a different domain name.")]
    public async Task Invalid_domains_are_refused(string domain, string message)
    {
        var reply = await Api1("createacct", ("username", "alice"), ("domain", domain), ("password", StrongPassword));

        WhmHttp.AssertXidFailure(message, reply, prefix: "");
    }

    [Fact]
    public async Task A_domain_another_account_uses_is_refused_as_seen_live()
    {
        await CreateAccountAsync("first", "ngal1.com");

        var reply = await Api1("createacct", ("username", "second"), ("domain", "NGAL1.com"), ("password", StrongPassword));

        WhmHttp.AssertXidFailure("The domain “ngal1.com” already exists in the Apache configuration.", reply, prefix: "");
    }

    [Fact]
    public async Task An_unknown_plan_is_refused()
    {
        var reply = await Api1("createacct", ("username", "alice"), ("domain", "alice.example.com"), ("plan", "nosuch"), ("password", StrongPassword));

        Assert.Equal(0, WhmHttp.Result(reply));
        Assert.Equal("Sorry, the package “nosuch” does not exist.", WhmHttp.Reason(reply));
        Assert.Null(reply["data"]);
    }

    [Fact]
    public async Task A_weak_password_is_refused()
    {
        var reply = await Api1("createacct", ("username", "alice"), ("domain", "alice.example.com"), ("password", "secret"));

        WhmHttp.AssertXidFailure("Sorry, the password you selected cannot be used because it is too weak and would be too easy to guess. "
                                 + "Please select a password with strength rating of 65 or higher.", reply, prefix: "");
    }

    [Fact]
    public async Task A_plan_sets_the_limits_and_ignores_limit_arguments()
    {
        State.PutPackage(new SimulatedPackage { Name = "gold", Quota = "10240", BwLimit = "102400", MaxFtp = "5", CpMod = "jupiter" });

        await CreateAccountAsync("alice", "alice.example.com", ("plan", "gold"), ("quota", "1"));

        var account = State.GetAccount("alice");
        Assert.Equal("gold", account.Plan);
        Assert.Equal("10240", account.Limits.Quota);
        Assert.Equal("102400", account.Limits.BwLimit);
        Assert.Equal("5", account.Limits.MaxFtp);
        Assert.Equal("unlimited", account.Limits.MaxSql);
    }

    [Fact]
    public async Task Without_a_plan_limit_arguments_apply_and_zero_means_unlimited()
    {
        await CreateAccountAsync("alice", "alice.example.com", ("quota", "500"), ("maxftp", "3"), ("bwlimit", "0"));

        var limits = State.GetAccount("alice").Limits;
        Assert.Equal("500", limits.Quota);
        Assert.Equal("3", limits.MaxFtp);
        Assert.Equal("unlimited", limits.BwLimit);
    }

    [Fact]
    public async Task Zero_is_unlimited_for_the_documented_count_arguments_only()
    {
        await CreateAccountAsync("alice", "alice.example.com", ("maxpop", "0"), ("maxsql", "0"), ("maxaddon", "0"), ("maxpark", "0"));

        var acct = await ListedAccountAsync("alice");
        Assert.Equal("unlimited", (string)acct["maxpop"]!);
        Assert.Equal("unlimited", (string)acct["maxsql"]!);
        Assert.Equal("0", (string)acct["maxaddons"]!);
        Assert.Equal("0", (string)acct["maxparked"]!);
    }

    [Fact]
    public async Task Ip_y_takes_a_free_dedicated_ip_and_the_pool_runs_out()
    {
        var free = State.FreeIps;
        Assert.Equal(5, free.Count);

        for (var i = 0; i < free.Count; i++)
        {
            var reply = await CreateAccountAsync("dedi" + i, $"dedi{i}.example.com", ("ip", "y"));
            Assert.Equal(free[i], (string)WhmHttp.Data(reply)["ip"]!);
        }

        var refused = await Api1("createacct", ("username", "dedi9"), ("domain", "dedi9.example.com"), ("ip", "y"), ("password", StrongPassword));
        Assert.Equal(0, WhmHttp.Result(refused));
        Assert.Equal("Sorry, there are no free IP addresses available for this account.", WhmHttp.Reason(refused));
        Assert.Empty(State.FreeIps);
    }

    [Fact]
    public async Task A_package_with_ip_y_gives_a_dedicated_ip()
    {
        State.PutPackage(new SimulatedPackage { Name = "dedicated", Ip = "y" });

        var reply = await CreateAccountAsync("alice", "alice.example.com", ("plan", "dedicated"));

        Assert.Equal("192.0.2.11", (string)WhmHttp.Data(reply)["ip"]!);
        Assert.Equal("192.0.2.11", State.GetAccount("alice").Ip);
    }

    [Fact]
    public async Task A_missing_username_is_refused()
    {
        var reply = await Api1("createacct", ("domain", "alice.example.com"));

        WhmHttp.AssertXidFailure("Provide the “username” parameter.", reply, prefix: "");
    }

    [Fact]
    public async Task Child_workloads_is_rejected_as_an_api_failure()
    {
        var reply = await Api1("createacct", ("username", "alice"), ("domain", "alice.example.com"), ("child_workloads", "Mail"));

        Assert.Equal("API failure: Invalid parameter: child_workloads", WhmHttp.Reason(reply));
    }

    [Fact]
    public async Task Concurrent_creations_of_distinct_accounts_all_succeed_with_unique_uids()
    {
        var tasks = Enumerable.Range(0, 20)
            .Select(i => Api1("createacct", ("username", $"par{i:D2}x"), ("domain", $"par{i}.example.com"), ("password", StrongPassword)));
        var replies = await Task.WhenAll(tasks);

        Assert.All(replies, r => Assert.Equal(1, WhmHttp.Result(r)));
        Assert.Equal(20, State.Accounts.Select(a => a.Uid).Distinct().Count());
    }

    [Fact]
    public async Task Concurrent_creations_of_one_name_let_exactly_one_win()
    {
        var tasks = Enumerable.Range(0, 8)
            .Select(i => Api1("createacct", ("username", "race"), ("domain", $"race{i}.example.com"), ("password", StrongPassword)));
        var replies = await Task.WhenAll(tasks);

        Assert.Single(replies, r => WhmHttp.Result(r) == 1);
        Assert.Single(State.Accounts);
    }
}

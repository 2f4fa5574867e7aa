using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Testing.Simulator;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Whm.Tests.Simulator;

/// <summary>removeacct, suspendacct, unsuspendacct, changepackage, modifyacct and passwd.</summary>
public sealed class AccountManagementTests : SimulatorTestBase
{
    public AccountManagementTests(SimulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task Removeacct_removes_the_account_without_data_and_frees_its_dedicated_ip()
    {
        await CreateAccountAsync("bob", "bob.example.com", ("ip", "y"));
        Assert.DoesNotContain("192.0.2.11", State.FreeIps);

        var reply = await Api1("removeacct", ("user", "bob"));

        Assert.Equal(1, WhmHttp.Result(reply));
        Assert.Equal("bob account removed", WhmHttp.Reason(reply));
        Assert.Null(reply["data"]);
        Assert.Contains("Account Removal Complete!!!", (string)reply["metadata"]!["output"]!["raw"]!);
        Assert.Null(State.FindAccount("bob"));
        Assert.Contains("192.0.2.11", State.FreeIps);
    }

    [Fact]
    public async Task Removeacct_accepts_username_too()
    {
        await CreateAccountAsync("bob", "bob.example.com");

        var reply = await Api1("removeacct", ("username", "bob"));

        Assert.Equal(1, WhmHttp.Result(reply));
    }

    [Theory]
    [InlineData("removeacct")]
    [InlineData("suspendacct")]
    [InlineData("unsuspendacct")]
    [InlineData("limitbw")]
    [InlineData("editquota")]
    [InlineData("modifyacct")]
    [InlineData("passwd")]
    public async Task Unknown_users_give_the_thrown_api_failure_with_xid_and_curly_quotes(string function)
    {
        var reply = await Api1(function, ("user", "ghost"), ("password", StrongPassword), ("bwlimit", "1"), ("quota", "1"));

        WhmHttp.AssertXidFailure("You do not have a user named “ghost”.", reply);
        Assert.Null(reply["data"]);
    }

    [Fact]
    public async Task A_missing_user_is_an_unknown_empty_name()
    {
        var reply = await Api1("suspendacct");

        WhmHttp.AssertXidFailure("You do not have a user named “”.", reply);
    }

    [Fact]
    public async Task Suspendacct_suspends_with_reason_and_time()
    {
        await CreateAccountAsync("bob", "bob.example.com");

        var reply = await Api1("suspendacct", ("user", "bob"), ("reason", "Unpaid invoice #42"));

        Assert.Equal(1, WhmHttp.Result(reply));
        Assert.Equal("OK", WhmHttp.Reason(reply));
        Assert.Null(reply["data"]);
        Assert.Contains("bob's account has been suspended", (string)reply["metadata"]!["output"]!["raw"]!);
        var account = State.GetAccount("bob");
        Assert.True(account.Suspended);
        Assert.Equal("Unpaid invoice #42", account.SuspendReason);
        Assert.NotNull(account.SuspendTime);
        Assert.False(account.IsLocked);
    }

    [Fact]
    public async Task Suspending_twice_is_still_ok_but_the_raw_output_refuses_and_the_first_reason_stays()
    {
        await CreateAccountAsync("bob", "bob.example.com");
        await Api1("suspendacct", ("user", "bob"), ("reason", "first"));

        var reply = await Api1("suspendacct", ("user", "bob"), ("reason", "second"));

        Assert.Equal(1, WhmHttp.Result(reply));
        Assert.Equal("OK", WhmHttp.Reason(reply));
        Assert.Equal("User 'bob' is already suspended. Provide '--force' argument if you wish to do this.\n",
            (string)reply["metadata"]!["output"]!["raw"]!);
        Assert.Equal("first", State.GetAccount("bob").SuspendReason);
    }

    [Fact]
    public async Task Disallowun_locks_the_suspension()
    {
        await CreateAccountAsync("bob", "bob.example.com");

        await Api1("suspendacct", ("user", "bob"), ("disallowun", "1"));

        Assert.True(State.GetAccount("bob").IsLocked);
    }

    [Fact]
    public async Task Suspending_root_fails_with_the_fixed_reason()
    {
        var reply = await Api1("suspendacct", ("user", "root"));

        Assert.Equal(0, WhmHttp.Result(reply));
        Assert.Equal("Failed to suspend account.", WhmHttp.Reason(reply));
        Assert.Equal("Root user may not be suspended.", (string)reply["metadata"]!["output"]!["raw"]!);
    }

    [Fact]
    public async Task Unsuspendacct_lifts_the_suspension()
    {
        await CreateAccountAsync("bob", "bob.example.com");
        await Api1("suspendacct", ("user", "bob"), ("reason", "x"));

        var reply = await Api1("unsuspendacct", ("user", "bob"));

        Assert.Equal(1, WhmHttp.Result(reply));
        Assert.Equal("OK", WhmHttp.Reason(reply));
        Assert.Contains("bob's account has been unsuspended", (string)reply["metadata"]!["output"]!["raw"]!);
        var account = State.GetAccount("bob");
        Assert.False(account.Suspended);
        Assert.Null(account.SuspendReason);
    }

    [Fact]
    public async Task Unsuspending_an_active_account_is_ok_with_the_refusal_in_raw_output()
    {
        await CreateAccountAsync("bob", "bob.example.com");

        var reply = await Api1("unsuspendacct", ("user", "bob"));

        Assert.Equal(1, WhmHttp.Result(reply));
        Assert.Equal("An error occurred while attempting to unsuspend “bob”. The user “bob” is not in a suspended state.\n",
            (string)reply["metadata"]!["output"]!["raw"]!);
    }

    [Fact]
    public async Task Changepackage_moves_the_plan_and_resets_every_per_account_limit_to_the_package()
    {
        State.PutPackage(new SimulatedPackage { Name = "silver", Quota = "1000", BwLimit = "10000", MaxFtp = "2" });
        State.PutPackage(new SimulatedPackage { Name = "gold", Quota = "5000", BwLimit = "50000", MaxFtp = "10" });
        await CreateAccountAsync("bob", "bob.example.com", ("plan", "silver"));
        await Api1("modifyacct", ("user", "bob"), ("MAXFTP", "99"));
        await Api1("limitbw", ("user", "bob"), ("bwlimit", "123"));
        await Api1("editquota", ("user", "bob"), ("quota", "321"));

        var reply = await Api1("changepackage", ("user", "bob"), ("pkg", "gold"));

        Assert.Equal(1, WhmHttp.Result(reply));
        Assert.Equal("OK", WhmHttp.Reason(reply));
        Assert.Null(reply["data"]);
        Assert.Contains("Changing plan from silver to gold", (string)reply["metadata"]!["output"]!["raw"]!);
        var account = State.GetAccount("bob");
        Assert.Equal("gold", account.Plan);
        Assert.Equal(new AccountLimits { Quota = "5000", BwLimit = "50000", MaxFtp = "10" }, account.Limits);
    }

    [Fact]
    public async Task Changepackage_to_a_package_with_ip_y_gives_a_dedicated_ip()
    {
        State.PutPackage(new SimulatedPackage { Name = "dedicated", Ip = "y" });
        await CreateAccountAsync("bob", "bob.example.com");

        await Api1("changepackage", ("user", "bob"), ("pkg", "dedicated"));

        Assert.Equal("192.0.2.11", State.GetAccount("bob").Ip);
    }

    [Fact]
    public async Task Changepackage_failures_are_thrown_api_failures()
    {
        await CreateAccountAsync("bob", "bob.example.com");

        WhmHttp.AssertXidFailure("Specified package does not exist.", await Api1("changepackage", ("user", "bob"), ("pkg", "nosuch")));
        WhmHttp.AssertXidFailure("You do not have a user named “ghost”.", await Api1("changepackage", ("user", "ghost"), ("pkg", "default")));
        WhmHttp.AssertXidFailure("Provide the “pkg” parameter.", await Api1("changepackage", ("user", "bob")));
        WhmHttp.AssertXidFailure("The value of “pkg” may not be empty.", await Api1("changepackage", ("user", "bob"), ("pkg", "")));
        Assert.Equal("default", State.GetAccount("bob").Plan);
    }

    [Fact]
    public async Task Modifyacct_changes_limits_and_contact_email_and_returns_the_cpuser_strings()
    {
        await CreateAccountAsync("bob", "bob.example.com");

        var reply = await Api1("modifyacct", ("user", "bob"), ("MAXFTP", "7"), ("QUOTA", "2048"), ("BWLIMIT", "1073741824"),
            ("MAXPOP", "unlimited"), ("contactemail", "new@example.org"));

        Assert.Equal(1, WhmHttp.Result(reply));
        Assert.Equal("Account Modified", WhmHttp.Reason(reply));
        Assert.Empty(reply["metadata"]!["output"]!["messages"]!.AsArray());
        Assert.Empty(reply["metadata"]!["output"]!["warnings"]!.AsArray());
        var data = WhmHttp.Data(reply);
        Assert.Equal("bob", (string)data["user"]!);
        var cpuser = data["cpuser"]!.AsObject();
        Assert.Equal("7", (string)cpuser["MAXFTP"]!);
        Assert.Equal("1073741824", (string)cpuser["BWLIMIT"]!);
        Assert.Equal("default", (string)cpuser["PLAN"]!);

        var account = State.GetAccount("bob");
        Assert.Equal("7", account.Limits.MaxFtp);
        Assert.Equal("2048", account.Limits.Quota);
        Assert.Equal("1024", account.Limits.BwLimit);
        Assert.Equal("new@example.org", account.ContactEmail);
        Assert.Equal("default", account.Plan);
    }

    [Fact]
    public async Task Modifyacct_reads_zero_as_none_for_count_keys_and_as_unlimited_for_quota_and_bandwidth()
    {
        await CreateAccountAsync("bob", "bob.example.com", ("quota", "500"), ("bwlimit", "1000"));

        var reply = await Api1("modifyacct", ("user", "bob"), ("MAXADDON", "0"), ("MAXPOP", "0"), ("QUOTA", "0"), ("BWLIMIT", "0"));

        Assert.Equal(1, WhmHttp.Result(reply));
        var acct = await ListedAccountAsync("bob");
        Assert.Equal("0", (string)acct["maxaddons"]!);
        Assert.Equal("0", (string)acct["maxpop"]!);
        Assert.Equal("unlimited", (string)acct["disklimit"]!);
        Assert.Equal("unlimited", State.GetAccount("bob").Limits.BwLimit);
    }

    [Fact]
    public async Task Modifyacct_renames_and_changes_the_domain_keeping_bandwidth_history()
    {
        await CreateAccountAsync("bob", "bob.example.com");
        State.AddBandwidth("bob", 2024, 5, 1000);

        var reply = await Api1("modifyacct", ("user", "bob"), ("newuser", "robert"), ("domain", "robert.example.com"));

        Assert.Equal(1, WhmHttp.Result(reply));
        Assert.Null(State.FindAccount("bob"));
        Assert.Equal("robert.example.com", State.GetAccount("robert").Domain);
        Assert.Equal(1000, State.GetBandwidth("robert", 2024, 5));
    }

    [Fact]
    public async Task Modifyacct_refuses_a_taken_name_and_a_missing_user()
    {
        await CreateAccountAsync("bob", "bob.example.com");
        await CreateAccountAsync("carol", "carol.example.com");

        WhmHttp.AssertXidFailure("This system already has an account named “carol”.", await Api1("modifyacct", ("user", "bob"), ("newuser", "carol")), prefix: "");
        var missing = await Api1("modifyacct", ("MAXFTP", "1"));
        Assert.Equal(0, WhmHttp.Result(missing));
        Assert.Equal("Must at least specify a user to modify.", WhmHttp.Reason(missing));
    }

    [Fact]
    public async Task Passwd_changes_the_password_and_lists_services()
    {
        await CreateAccountAsync("bob", "bob.example.com");

        var reply = await Api1("passwd", ("user", "bob"), ("password", "N3w-P4ssword-2024"));

        Assert.Equal(1, WhmHttp.Result(reply));
        Assert.Equal("Password changed for user “bob”.", WhmHttp.Reason(reply));
        Assert.Equal(new[] { "system", "ftp", "mail", "MySQL" }, WhmHttp.Data(reply)["app"]!.AsArray().Select(a => (string)a!));
        Assert.Equal("N3w-P4ssword-2024", State.GetAccount("bob").Password);
    }

    [Fact]
    public async Task Passwd_refusals_use_cpanel_wording()
    {
        await CreateAccountAsync("bob", "bob.example.com");

        Assert.Equal("No password supplied: “password” is a required argument.", WhmHttp.Reason(await Api1("passwd", ("user", "bob"))));
        Assert.Equal("No user name supplied: “user” is a required argument.", WhmHttp.Reason(await Api1("passwd", ("password", StrongPassword))));
        Assert.StartsWith("Sorry, the password you selected cannot be used because it is too weak",
            WhmHttp.Reason(await Api1("passwd", ("user", "bob"), ("password", "abc"))));

        await Api1("suspendacct", ("user", "bob"));
        Assert.Equal("Sorry, the user “bob” is currently suspended. Changing the user’s password would unsuspend the account.",
            WhmHttp.Reason(await Api1("passwd", ("user", "bob"), ("password", StrongPassword + "x"))));
        Assert.Equal(StrongPassword, State.GetAccount("bob").Password);
    }
}

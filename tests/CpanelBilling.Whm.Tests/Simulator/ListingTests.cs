using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CpanelBilling.Testing.Simulator;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Whm.Tests.Simulator;

/// <summary>listaccts and accountsummary.</summary>
public sealed class ListingTests : SimulatorTestBase
{
    public ListingTests(SimulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task Listaccts_elements_have_real_server_field_names_and_types()
    {
        State.PutPackage(new SimulatedPackage { Name = "gold", Quota = "10240", MaxFtp = "5", MaxPark = "0", MaxAddon = "0" });
        await CreateAccountAsync("bob", "bob.example.com", ("plan", "gold"), ("contactemail", "bob@example.net"));
        await Api1("suspendacct", ("user", "bob"));

        var reply = await Api1("listaccts");

        var acct = WhmHttp.Data(reply)["acct"]!.AsArray().Single()!.AsObject();
        Assert.Equal("bob", (string)acct["user"]!);
        Assert.Equal("gold", (string)acct["plan"]!);
        Assert.Equal("bob@example.net", (string)acct["email"]!);
        Assert.Equal("10240M", (string)acct["disklimit"]!);
        Assert.Equal("0M", (string)acct["diskused"]!);
        Assert.Equal("5", (string)acct["maxftp"]!);
        Assert.Equal("0", (string)acct["maxparked"]!);
        Assert.Equal("0", (string)acct["maxaddons"]!);
        Assert.Equal("unlimited", (string)acct["maxsql"]!);
        Assert.Equal(JsonValueKind.String, acct["max_email_per_hour"]!.GetValueKind());
        Assert.Equal(JsonValueKind.Number, acct["suspended"]!.GetValueKind());
        Assert.Equal(1, (int)acct["suspended"]!);
        Assert.Equal("*unknown*", (string)acct["suspendreason"]!);
        Assert.True((long)acct["suspendtime"]! > 0);
        Assert.Equal(JsonValueKind.Number, acct["uid"]!.GetValueKind());
        Assert.Matches(@"^\d\d [A-Z][a-z]{2} \d\d \d\d:\d\d$", (string)acct["startdate"]!);
        Assert.Equal(JsonValueKind.Array, acct["ipv6"]!.GetValueKind());
        Assert.Equal(0, (int)acct["has_backup"]!);
    }

    [Fact]
    public async Task Not_suspended_reads_not_suspended_with_time_zero()
    {
        await CreateAccountAsync("bob", "bob.example.com");

        var acct = WhmHttp.Data(await Api1("listaccts"))["acct"]![0]!;

        Assert.Equal("not suspended", (string)acct["suspendreason"]!);
        Assert.Equal(0, (int)acct["suspendtime"]!);
        Assert.Equal("*unknown*", (string)acct["email"]!);
        Assert.Equal("unlimited", (string)acct["disklimit"]!);
    }

    [Fact]
    public async Task Zero_matches_is_ok_without_a_data_key()
    {
        await CreateAccountAsync("bob", "bob.example.com");

        var reply = await Api1("listaccts", ("search", "nomatch"), ("searchtype", "domain"));

        Assert.Equal(1, WhmHttp.Result(reply));
        Assert.Equal("OK", WhmHttp.Reason(reply));
        Assert.False(reply.ContainsKey("data"));
    }

    [Fact]
    public async Task Exact_user_search_for_a_missing_user_is_no_accounts_found()
    {
        await CreateAccountAsync("bob", "bob.example.com");

        var reply = await Api1("listaccts", ("search", "ghost"), ("searchtype", "user"), ("searchmethod", "exact"));

        Assert.Equal(0, WhmHttp.Result(reply));
        Assert.Equal("No accounts found.", WhmHttp.Reason(reply));
        Assert.False(reply.ContainsKey("data"));
    }

    [Theory]
    [InlineData("user", "exact", "bob", new[] { "bob" })]
    [InlineData("user", null, "^bo", new[] { "bob", "bobby" })]
    [InlineData("domain", null, "EXAMPLE\\.ORG$", new[] { "carol" })]
    [InlineData("domain", "exact", "bob.example.com", new[] { "bob" })]
    [InlineData("owner", null, "^root$", new[] { "bob", "bobby", "carol" })]
    [InlineData("package", "exact", "gold", new[] { "bobby" })]
    [InlineData("ip", null, "192\\.0\\.2\\.11", new[] { "carol" })]
    [InlineData("domain_and_user", null, "carol", new[] { "carol" })]
    [InlineData("user", null, "([", new[] { "bob", "bobby", "carol" })]
    public async Task Search_filters_by_searchtype_and_method(string searchType, string? method, string search, string[] expected)
    {
        State.PutPackage(new SimulatedPackage { Name = "gold" });
        await CreateAccountAsync("bob", "bob.example.com");
        await CreateAccountAsync("bobby", "bobby.example.net", ("plan", "gold"));
        await CreateAccountAsync("carol", "carol.example.org", ("ip", "y"));
        var arguments = new[] { ("search", search), ("searchtype", searchType) }.ToList();
        if (method is not null)
        {
            arguments.Add(("searchmethod", method));
        }

        var reply = await Api1("listaccts", arguments.ToArray());

        Assert.Equal(expected, WhmHttp.Data(reply)["acct"]!.AsArray().Select(a => (string)a!["user"]!).Order());
    }

    [Fact]
    public async Task An_unknown_searchtype_fails()
    {
        var reply = await Api1("listaccts", ("searchtype", "email"), ("search", "x"));

        Assert.Equal(0, WhmHttp.Result(reply));
        Assert.Equal("Unknown search type.", WhmHttp.Reason(reply));
    }

    [Fact]
    public async Task Want_keeps_only_the_named_fields_and_unknown_names_are_null()
    {
        await CreateAccountAsync("bob", "bob.example.com");

        var acct = WhmHttp.Data(await Api1("listaccts", ("want", "user,suspended,nosuchfield")))["acct"]![0]!.AsObject();

        Assert.Equal(new[] { "user", "suspended", "nosuchfield" }, acct.Select(p => p.Key));
        Assert.Null(acct["nosuchfield"]);
    }

    [Fact]
    public async Task Accountsummary_by_user_and_by_domain()
    {
        await CreateAccountAsync("bob", "bob.example.com");

        var byUser = await Api1("accountsummary", ("user", "bob"));
        var byDomain = await Api1("accountsummary", ("domain", "BOB.example.com"));

        Assert.Equal("OK", WhmHttp.Reason(byUser));
        Assert.Equal("bob", (string)WhmHttp.Data(byUser)["acct"]![0]!["user"]!);
        Assert.False(WhmHttp.Data(byUser)["acct"]![0]!.AsObject().ContainsKey("has_backup"));
        Assert.Equal("bob", (string)WhmHttp.Data(byDomain)["acct"]![0]!["user"]!);
    }

    [Fact]
    public async Task Accountsummary_for_a_missing_account_fails_with_acct_null()
    {
        var reply = await Api1("accountsummary", ("user", "ghost"));

        Assert.Equal(0, WhmHttp.Result(reply));
        Assert.Equal("Account does not exist.", WhmHttp.Reason(reply));
        Assert.True(WhmHttp.Data(reply).ContainsKey("acct"));
        Assert.Null(WhmHttp.Data(reply)["acct"]);
    }

    [Fact]
    public async Task Accountsummary_without_user_or_domain_is_an_api_failure_without_xid()
    {
        var reply = await Api1("accountsummary");

        Assert.Equal(0, WhmHttp.Result(reply));
        Assert.Equal("API failure: You must specify a user or domain to get a summary of.\n", WhmHttp.Reason(reply));
    }

    [Fact]
    public async Task Seeded_accounts_show_their_limits_and_suspension()
    {
        State.PutAccount(new SimulatedAccount
        {
            User = "seeded",
            Domain = "seeded.example.com",
            Suspended = true,
            SuspendReason = "abuse",
            SuspendTime = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
            StartDate = new DateTimeOffset(2013, 5, 24, 20, 43, 9, TimeSpan.Zero),
            DiskUsedMb = 14,
            Limits = new AccountLimits { Quota = "500", MaxPop = "10" },
        });

        var acct = WhmHttp.Data(await Api1("accountsummary", ("user", "seeded")))["acct"]![0]!;

        Assert.Equal("abuse", (string)acct["suspendreason"]!);
        Assert.Equal(1_700_000_000, (long)acct["suspendtime"]!);
        Assert.Equal("13 May 24 20:43", (string)acct["startdate"]!);
        Assert.Equal(1369428189, (long)acct["unix_startdate"]!);
        Assert.Equal("14M", (string)acct["diskused"]!);
        Assert.Equal("500M", (string)acct["disklimit"]!);
        Assert.Equal("10", (string)acct["maxpop"]!);
        Assert.Equal("192.0.2.10", (string)acct["ip"]!);
    }
}

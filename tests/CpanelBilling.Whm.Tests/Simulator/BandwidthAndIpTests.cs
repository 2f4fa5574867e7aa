using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CpanelBilling.Testing.Simulator;
using Xunit;

namespace CpanelBilling.Whm.Tests.Simulator;

/// <summary>showbw, limitbw, editquota, listips and setsiteip.</summary>
public sealed class BandwidthAndIpTests : SimulatorTestBase
{
    public BandwidthAndIpTests(SimulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task Showbw_reports_bytes_per_account_for_the_month_with_real_server_types()
    {
        await CreateAccountAsync("bob", "bob.example.com");
        await CreateAccountAsync("rich", "rich.example.com", ("reseller", "1"));
        await Api1("limitbw", ("user", "bob"), ("bwlimit", "1024"));
        State.AddBandwidth("bob", 2024, 5, 1_000_000);
        State.AddBandwidth("bob", 2024, 5, 48_576);
        State.AddBandwidth("bob", 2024, 6, 999);

        var reply = await Api1("showbw", ("month", "5"), ("year", "2024"));

        var data = WhmHttp.Data(reply);
        Assert.Equal(5, (int)data["month"]!);
        Assert.Equal(2024, (int)data["year"]!);
        Assert.Equal("root", (string)data["reseller"]!);
        Assert.Equal(1_048_576, (long)data["totalused"]!);
        var bob = data["acct"]!.AsArray().Single(a => (string)a!["user"]! == "bob")!;
        Assert.Equal("bob.example.com", (string)bob["maindomain"]!);
        Assert.False(bob.AsObject().ContainsKey("domain"));
        Assert.Equal(1_048_576, (long)bob["totalbytes"]!);
        Assert.Equal("1073741824", (string)bob["limit"]!);
        Assert.Equal(0, (int)bob["bwlimited"]!);
        Assert.Equal(JsonValueKind.Number, bob["reseller"]!.GetValueKind());
        Assert.Equal(1_048_576, (long)bob["bwusage"]![0]!["usage"]!);
        var rich = data["acct"]!.AsArray().Single(a => (string)a!["user"]! == "rich")!;
        Assert.Equal("1", (string)rich["reseller"]!);
        Assert.Equal("unlimited", (string)rich["limit"]!);
    }

    [Fact]
    public async Task Showbw_lists_removed_accounts_with_usage_as_deleted()
    {
        await CreateAccountAsync("gone", "gone.example.com");
        State.AddBandwidth("gone", 2024, 5, 42);
        await Api1("removeacct", ("user", "gone"));

        var row = WhmHttp.Data(await Api1("showbw", ("month", "5"), ("year", "2024")))["acct"]!.AsArray().Single()!;

        Assert.Equal(1, (int)row["deleted"]!);
        Assert.Equal(42, (long)row["totalbytes"]!);
        Assert.Equal(1, (int)row["bwusage"]![0]!["deleted"]!);
    }

    [Fact]
    public async Task Showbw_search_by_user()
    {
        await CreateAccountAsync("bob", "bob.example.com");
        await CreateAccountAsync("carol", "carol.example.com");

        var rows = WhmHttp.Data(await Api1("showbw", ("searchtype", "user"), ("search", "^car")))["acct"]!.AsArray();

        Assert.Equal("carol", (string)rows.Single()!["user"]!);
    }

    [Theory]
    [InlineData("month", "13", "Invalid month provided")]
    [InlineData("month", "x", "Invalid month provided")]
    [InlineData("year", "1969", "Invalid year provided")]
    public async Task Showbw_rejects_a_bad_month_or_year(string name, string value, string reason)
    {
        var reply = await Api1("showbw", (name, value));

        Assert.Equal(0, WhmHttp.Result(reply));
        Assert.Equal(reason, WhmHttp.Reason(reply));
    }

    [Fact]
    public async Task Limitbw_sets_megabytes_and_reports_bytes()
    {
        await CreateAccountAsync("bob", "bob.example.com");

        var reply = await Api1("limitbw", ("user", "bob"), ("bwlimit", "500"));

        Assert.Equal("Bandwidth Limit for bob has been set to 500 megabytes", WhmHttp.Reason(reply));
        var limit = WhmHttp.Data(reply)["bwlimits"]![0]!;
        Assert.Equal(524_288_000, (long)limit["bwlimit"]!);
        Assert.Equal(0, (int)limit["unlimited"]!);
        Assert.Equal("500 MB", (string)limit["human_bwlimit"]!);
        Assert.Equal("none", (string)limit["human_bwused"]!);
        Assert.Equal(new[] { "bob.example.com" }, limit["domains"]!.AsArray().Select(d => (string)d!));
        Assert.Equal("500", State.GetAccount("bob").Limits.BwLimit);
    }

    [Fact]
    public async Task Limitbw_unlimited_and_invalid_values()
    {
        await CreateAccountAsync("bob", "bob.example.com");

        var unlimited = await Api1("limitbw", ("user", "bob"), ("bwlimit", "0"));
        Assert.Equal("Bandwidth Limit for bob has been set to unlimited megabytes", WhmHttp.Reason(unlimited));
        Assert.Equal(1, (int)WhmHttp.Data(unlimited)["bwlimits"]![0]!["unlimited"]!);
        Assert.Equal("unlimited", State.GetAccount("bob").Limits.BwLimit);

        var invalid = await Api1("limitbw", ("user", "bob"), ("bwlimit", "abc"));
        Assert.Equal("Sorry, the bandwidth value you specified, 'abc', is invalid.  Only non-negative, integral, simple numeric values or 'unlimited' are allowed.",
            WhmHttp.Reason(invalid));
    }

    [Fact]
    public async Task Editquota_sets_megabytes_and_keeps_the_loose_check()
    {
        await CreateAccountAsync("bob", "bob.example.com");

        var reply = await Api1("editquota", ("user", "bob"), ("quota", "750"));
        Assert.Equal(1, WhmHttp.Result(reply));
        Assert.Equal("Set quota for user.", WhmHttp.Reason(reply));
        Assert.Null(reply["data"]);
        Assert.Equal("750", State.GetAccount("bob").Limits.Quota);

        Assert.Equal("Invalid value (abc) for quota supplied.", WhmHttp.Reason(await Api1("editquota", ("user", "bob"), ("quota", "abc"))));
        WhmHttp.AssertXidFailure("The value “abc1” is not a valid quota.", await Api1("editquota", ("user", "bob"), ("quota", "abc1")));
        Assert.Equal(1, WhmHttp.Result(await Api1("editquota", ("user", "bob"), ("quota", "unlimited"))));
        Assert.Equal("unlimited", State.GetAccount("bob").Limits.Quota);
    }

    [Fact]
    public async Task Listips_shows_main_used_free_and_dedicated_addresses()
    {
        await CreateAccountAsync("bob", "bob.example.com", ("ip", "y"));

        var ips = WhmHttp.Data(await Api1("listips"))["ip"]!.AsArray().Select(i => i!.AsObject()).ToArray();

        Assert.Equal(6, ips.Length);
        var main = ips.Single(i => (string)i["ip"]! == "192.0.2.10");
        Assert.Equal((1, 1, 0, 0), ((int)main["mainaddr"]!, (int)main["used"]!, (int)main["dedicated"]!, (int)main["removable"]!));
        var taken = ips.Single(i => (string)i["ip"]! == "192.0.2.11");
        Assert.Equal((0, 1, 1, 0), ((int)taken["mainaddr"]!, (int)taken["used"]!, (int)taken["dedicated"]!, (int)taken["removable"]!));
        var free = ips.Single(i => (string)i["ip"]! == "192.0.2.12");
        Assert.Equal((0, 0, 0, 1), ((int)free["mainaddr"]!, (int)free["used"]!, (int)free["dedicated"]!, (int)free["removable"]!));
        Assert.Equal("192.0.2.12", (string)free["public_ip"]!);
        Assert.Equal("192.0.2.0", (string)free["network"]!);
        Assert.Equal(1, (int)free["active"]!);
    }

    [Fact]
    public async Task Setsiteip_moves_an_account_to_a_free_ip_and_back()
    {
        await CreateAccountAsync("bob", "bob.example.com");

        var moved = await Api1("setsiteip", ("user", "bob"), ("ip", "192.0.2.13"));
        Assert.Equal(1, WhmHttp.Result(moved));
        Assert.Equal("OK", WhmHttp.Reason(moved));
        Assert.Null(moved["data"]);
        Assert.Equal("192.0.2.13", State.GetAccount("bob").Ip);
        Assert.DoesNotContain("192.0.2.13", State.FreeIps);

        var back = await Api1("setsiteip", ("domain", "bob.example.com"), ("ip", "192.0.2.10"));
        Assert.Equal(1, WhmHttp.Result(back));
        Assert.Contains("192.0.2.13", State.FreeIps);
    }

    [Fact]
    public async Task Setsiteip_refusals()
    {
        await CreateAccountAsync("bob", "bob.example.com");
        await CreateAccountAsync("carol", "carol.example.com", ("ip", "y"));

        Assert.Equal("bob.example.com is already using ip 192.0.2.10", WhmHttp.Reason(await Api1("setsiteip", ("user", "bob"), ("ip", "192.0.2.10"))));
        Assert.Equal("Sorry, 192.0.2.11 is in use by another domain name and is not a shared ip.",
            WhmHttp.Reason(await Api1("setsiteip", ("user", "bob"), ("ip", "192.0.2.11"))));
        Assert.Equal("Unable to set to an unconfigured ip address", WhmHttp.Reason(await Api1("setsiteip", ("user", "bob"), ("ip", "198.51.100.1"))));
        Assert.Equal("The specified IP address “nope” is invalid.", WhmHttp.Reason(await Api1("setsiteip", ("user", "bob"), ("ip", "nope"))));
        Assert.Equal("Invalid user: ghost", WhmHttp.Reason(await Api1("setsiteip", ("user", "ghost"), ("ip", "192.0.2.12"))));
        Assert.Equal("User does not own the domain provided.",
            WhmHttp.Reason(await Api1("setsiteip", ("user", "bob"), ("domain", "carol.example.com"), ("ip", "192.0.2.12"))));
        Assert.Equal("192.0.2.10", State.GetAccount("bob").Ip);
    }
}

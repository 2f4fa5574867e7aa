using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CpanelBilling.Testing.Simulator;
using Xunit;

namespace CpanelBilling.Whm.Tests.Simulator;

/// <summary>listpkgs, addpkg, editpkg, killpkg.</summary>
public sealed class PackageTests : SimulatorTestBase
{
    public PackageTests(SimulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task Listpkgs_always_has_the_default_package_with_load_time_defaults()
    {
        var reply = await Api1("listpkgs");

        var pkg = WhmHttp.Data(reply)["pkg"]!.AsArray().Single()!.AsObject();
        Assert.Equal("default", (string)pkg["name"]!);
        Assert.Equal("n", (string)pkg["IP"]!);
        Assert.Equal("default", (string)pkg["FEATURELIST"]!);
        Assert.Equal("en", (string)pkg["LANG"]!);
        Assert.False(pkg.ContainsKey("QUOTA"));
    }

    [Fact]
    public async Task Addpkg_stores_every_option_as_strings_with_defaults_and_answers_ok_with_the_name()
    {
        var reply = await Api1("addpkg", ("name", "gold"), ("quota", "10,240"), ("bwlimit", "102400"), ("maxsql", "10"), ("cgi", "1"),
            ("hasshell", "0"), ("ip", "y"), ("max_defer_fail_percentage", "100"), ("FEATURELIST", "premium"), ("language", "xx-bad"));

        Assert.Equal(1, WhmHttp.Result(reply));
        Assert.Equal("OK", WhmHttp.Reason(reply));
        Assert.Equal("gold", (string)WhmHttp.Data(reply)["pkg"]!);

        var listed = WhmHttp.Data(await Api1("listpkgs"))["pkg"]!.AsArray().Select(p => p!.AsObject()).ToArray();
        Assert.Equal(new[] { "default", "gold" }, listed.Select(p => (string)p["name"]!));
        var gold = listed[1];
        Assert.All(gold, p => Assert.Equal(JsonValueKind.String, p.Value!.GetValueKind()));
        Assert.Equal("10240", (string)gold["QUOTA"]!);
        Assert.Equal("102400", (string)gold["BWLIMIT"]!);
        Assert.Equal("10", (string)gold["MAXSQL"]!);
        Assert.Equal("unlimited", (string)gold["MAXFTP"]!);
        Assert.Equal("0", (string)gold["MAXPARK"]!);
        Assert.Equal("0", (string)gold["MAXADDON"]!);
        Assert.Equal("7", (string)gold["MAX_TEAM_USERS"]!);
        Assert.Equal("y", (string)gold["CGI"]!);
        Assert.Equal("n", (string)gold["HASSHELL"]!);
        Assert.Equal("y", (string)gold["IP"]!);
        Assert.Equal("premium", (string)gold["FEATURELIST"]!);
        Assert.Equal("en", (string)gold["LANG"]!);
        Assert.Equal("", (string)gold["_PACKAGE_EXTENSIONS"]!);
    }

    [Theory]
    [InlineData("quota", "0", "Invalid value “0” for the “quota” setting.")]
    [InlineData("bwlimit", "0", "Invalid value “0” for the “bwlimit” setting.")]
    [InlineData("max_emailacct_quota", "0", "Invalid value “0” for the “max_emailacct_quota” setting.")]
    [InlineData("quota", "lots", "Invalid value “lots” for the “quota” setting.")]
    [InlineData("maxftp", "-1", "Invalid value “-1” for the “maxftp” setting.")]
    public async Task Addpkg_rejects_invalid_values_with_empty_data(string setting, string value, string reason)
    {
        var reply = await Api1("addpkg", ("name", "bad"), (setting, value));

        Assert.Equal(0, WhmHttp.Result(reply));
        Assert.Equal(reason, WhmHttp.Reason(reply));
        Assert.Empty(WhmHttp.Data(reply));
        Assert.Empty(State.Packages);
    }

    [Fact]
    public async Task Addpkg_accepts_zero_for_ordinary_limits()
    {
        Assert.Equal(1, WhmHttp.Result(await Api1("addpkg", ("name", "nomail"), ("maxpop", "0"))));
        Assert.Equal("0", State.Packages.Single().MaxPop);
    }

    [Fact]
    public async Task Addpkg_refusals()
    {
        await Api1("addpkg", ("name", "gold"));

        WhmHttp.AssertXidFailure("The package “gold” already exists. If you wish to make changes, please edit the package.",
            await Api1("addpkg", ("name", "gold")), prefix: "");
        Assert.Equal("You must specify either the “pkgname” or “name” parameter.", WhmHttp.Reason(await Api1("addpkg", ("quota", "1"))));
        Assert.Equal("“extensions” is a reserved package name.", WhmHttp.Reason(await Api1("addpkg", ("name", "extensions"))));
        Assert.Equal("“a/b” is invalid. A package name may only contain multi-byte UTF-8 characters, spaces, and the following: a-z, A-Z, 0-9, ., _, -",
            WhmHttp.Reason(await Api1("addpkg", ("name", "a/b"))));
    }

    [Fact]
    public async Task Addpkg_prefers_pkgname_over_name()
    {
        await Api1("addpkg", ("name", "ignored"), ("pkgname", "chosen"));

        Assert.Equal("chosen", State.Packages.Single().Name);
    }

    [Fact]
    public async Task Editpkg_keeps_unspecified_values_and_reapplies_the_package_to_its_accounts()
    {
        await Api1("addpkg", ("name", "gold"), ("quota", "1000"), ("maxftp", "5"));
        await CreateAccountAsync("bob", "bob.example.com", ("plan", "gold"));
        await Api1("modifyacct", ("user", "bob"), ("MAXFTP", "50"));

        var reply = await Api1("editpkg", ("name", "gold"), ("quota", "2000"));

        Assert.Equal(1, WhmHttp.Result(reply));
        Assert.Equal("gold", (string)WhmHttp.Data(reply)["pkg"]!);
        var gold = State.FindPackage("gold")!;
        Assert.Equal("2000", gold.Quota);
        Assert.Equal("5", gold.MaxFtp);
        Assert.Equal("2000", State.GetAccount("bob").Limits.Quota);
        Assert.Equal("5", State.GetAccount("bob").Limits.MaxFtp);
    }

    [Fact]
    public async Task Editpkg_creates_a_missing_package()
    {
        Assert.Equal(1, WhmHttp.Result(await Api1("editpkg", ("name", "fresh"), ("quota", "100"))));
        Assert.Equal("100", State.FindPackage("fresh")!.Quota);
    }

    [Fact]
    public async Task Killpkg_deletes_but_refuses_a_package_in_use_or_unknown()
    {
        await Api1("addpkg", ("name", "gold"));
        await Api1("addpkg", ("name", "spare"));
        await CreateAccountAsync("bob", "bob.example.com", ("plan", "gold"));

        WhmHttp.AssertXidFailure("You must move all accounts using the package “gold” to another package before removing it.",
            await Api1("killpkg", ("pkgname", "gold")), prefix: "");
        Assert.Equal("The package “nosuch” does not exist.", WhmHttp.Reason(await Api1("killpkg", ("pkgname", "nosuch"))));
        Assert.Equal("There was an error when the system attempted to delete the package “”: You must specify a package.",
            WhmHttp.Reason(await Api1("killpkg", ("name", "spare"))));

        var deleted = await Api1("killpkg", ("pkgname", "spare"));
        Assert.Equal(1, WhmHttp.Result(deleted));
        Assert.Equal("OK", WhmHttp.Reason(deleted));
        Assert.Null(deleted["data"]);
        Assert.Equal(new[] { "gold" }, State.Packages.Select(p => p.Name));
    }
}

using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Testing.Simulator;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Whm.Tests.Simulator;

/// <summary>Calls without <c>api.version=1</c> get WHM API 0's legacy shapes.</summary>
public sealed class Api0Tests : SimulatorTestBase
{
    public Api0Tests(SimulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task Addpkg_answers_the_result_status_statusmsg_pkg_shape()
    {
        var reply = await Api0("addpkg", ("name", "gold"), ("quota", "100"));

        Assert.Equal("""{"result":[{"status":1,"statusmsg":"You have successfully created the package \u201Cgold\u201D.","pkg":"gold"}]}""",
            reply.ToJsonString());
        Assert.Equal("100", State.FindPackage("gold")!.Quota);
    }

    [Fact]
    public async Task Addpkg_failure_has_status_zero()
    {
        var reply = await Api0("addpkg", ("name", "gold"), ("quota", "0"));

        var result = reply["result"]![0]!;
        Assert.Equal(0, (int)result["status"]!);
        Assert.Equal("Invalid value “0” for the “quota” setting.", (string)result["statusmsg"]!);
    }

    [Fact]
    public async Task Version_and_gethostname_are_bare_objects()
    {
        Assert.Equal("11.120.0.16", (string)(await Api0("version"))["version"]!);
        Assert.Equal("server.example.com", (string)(await Api0("gethostname"))["hostname"]!);
    }

    [Fact]
    public async Task Createacct_answers_options_and_rawout()
    {
        var reply = await Api0("createacct", ("username", "bob"), ("domain", "bob.example.com"), ("password", StrongPassword));

        var result = reply["result"]![0]!;
        Assert.Equal(1, (int)result["status"]!);
        Assert.Equal("Account Creation Ok", (string)result["statusmsg"]!);
        Assert.Equal("192.0.2.10", (string)result["options"]!["ip"]!);
        Assert.Contains("New Account Info", (string)result["rawout"]!);
    }

    [Fact]
    public async Task Createacct_failure_has_null_options_and_rawout()
    {
        var reply = await Api0("createacct", ("username", "root"), ("domain", "bob.example.com"));

        var result = reply["result"]![0]!.AsObject();
        Assert.Equal(0, (int)result["status"]!);
        Assert.EndsWith("“root” is a reserved username on this system.", (string)result["statusmsg"]!);
        Assert.True(result.ContainsKey("options") && result["options"] is null);
        Assert.True(result.ContainsKey("rawout") && result["rawout"] is null);
    }

    [Fact]
    public async Task Listaccts_and_listpkgs_use_top_level_lists()
    {
        await CreateAccountAsync("bob", "bob.example.com");

        var accounts = await Api0("listaccts", ("want", "plan"));
        Assert.Equal(1, (int)accounts["status"]!);
        Assert.Equal("Ok", (string)accounts["statusmsg"]!);
        var acct = accounts["acct"]!.AsArray().Single()!.AsObject();
        Assert.Equal(new[] { "user", "domain", "plan" }, acct.Select(p => p.Key));

        var packages = await Api0("listpkgs");
        Assert.Equal("default", (string)packages["package"]![0]!["name"]!);
    }

    [Fact]
    public async Task Removeacct_and_suspendacct_use_result_status_statusmsg()
    {
        await CreateAccountAsync("bob", "bob.example.com");

        var suspended = (await Api0("suspendacct", ("user", "bob"), ("reason", "x")))["result"]![0]!;
        Assert.Equal(1, (int)suspended["status"]!);
        Assert.Contains("bob's account has been suspended", (string)suspended["statusmsg"]!);

        var removed = (await Api0("removeacct", ("user", "bob")))["result"]![0]!;
        Assert.Equal(1, (int)removed["status"]!);
        Assert.Equal("bob account removed", (string)removed["statusmsg"]!);
        Assert.Contains("Account Removal Complete", (string)removed["rawout"]!);
    }

    [Fact]
    public async Task Passwd_uses_pass_and_the_passwd_list()
    {
        await CreateAccountAsync("bob", "bob.example.com");

        var reply = await Api0("passwd", ("user", "bob"), ("pass", "An0ther-Str0ng-One"));

        var item = reply["passwd"]![0]!;
        Assert.Equal(1, (int)item["status"]!);
        Assert.Equal("system", (string)item["services"]![0]!["app"]!);
        Assert.Equal("An0ther-Str0ng-One", State.GetAccount("bob").Password);
    }

    [Fact]
    public async Task Showbw_wraps_the_month_in_a_bandwidth_list()
    {
        await CreateAccountAsync("bob", "bob.example.com");

        var reply = await Api0("showbw", ("month", "1"), ("year", "2024"));

        Assert.Equal("bob", (string)reply["bandwidth"]![0]!["acct"]![0]!["user"]!);
    }

    [Fact]
    public async Task Unknown_function_on_api0_names_the_app_without_quotes()
    {
        var reply = await Api0("nosuchfn");

        Assert.Equal("Unknown app (nosuchfn) requested for this version (0) of the API.", (string)reply["statusmsg"]!);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Whm;
using CpanelBilling.Whm.Tests.Client.Support;
using Xunit;

namespace CpanelBilling.Whm.Tests.Client;

/// <summary>What goes over the wire: a form POST with every argument in the body, never in the URL.</summary>
public sealed class RequestEncodingTests
{
    private readonly StubWhmServer server = new();

    [Fact]
    public async Task Calls_are_form_posts_to_json_api_with_the_token_header_and_nothing_in_the_url()
    {
        var request = new CreateAccountRequest("bob", "bob.example") { Password = new WhmSecret("p@ss w&rd=1") };

        await server.ReplyFixture("createacct").CreateClient().CreateAccountAsync(request);

        SentRequest sent = server.Requests.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://whm.example.com:2087/json-api/createacct", sent.Uri.ToString());
        Assert.Empty(sent.Uri.Query);
        Assert.Equal("application/x-www-form-urlencoded", sent.ContentType);
        Assert.Equal("whm root:" + StubWhmServer.Token, sent.Authorization);
        Assert.Equal(new KeyValuePair<string, string>("api.version", "1"), sent.Form[0]);
        Assert.Equal("p@ss w&rd=1", sent.Field("password")); // encoded so '&' and '=' survive
        Assert.Equal("bob", sent.Field("username"));
        Assert.Equal("n", sent.Field("showpass"));
    }

    [Fact]
    public async Task Createacct_sends_every_option_in_its_documented_wire_form()
    {
        var request = new CreateAccountRequest("bob", "bob.example")
        {
            Password = new WhmSecret("Secret-1"),
            Plan = "gold",
            SaveAsPackage = true,
            NewPackageName = "bob_custom",
            FeatureList = "default",
            Quota = MegabyteLimit.Unlimited,
            BandwidthLimit = MegabyteLimit.Unlimited,
            DedicatedIp = true,
            CustomIp = "192.0.2.20",
            Cgi = false,
            HasShell = true,
            SpamAssassin = true,
            SpamBox = false,
            Dkim = true,
            Spf = true,
            Dmarc = false,
            Reseller = false,
            ResellerWithoutDomain = false,
            ForceDns = true,
            UseRegisteredNameservers = true,
            DigestAuth = false,
            OwnerSelf = false,
            FrontPage = false,
            ShowPasswordInOutput = false,
            Theme = "jupiter",
            ContactEmail = "bob@example.org",
            Language = "en",
            Owner = "root",
            MaxFtp = 5,
            MaxSql = CountLimit.Unlimited,
            MaxPop = 10,
            MaxLists = 4,
            MaxSubdomains = 20,
            MaxParked = 0,
            MaxAddons = 2,
            MaxEmailPerHour = 300,
            MaxDeferFailPercentage = CountLimit.Unlimited,
            MaxEmailAccountQuota = 1024,
            MaxTeamUsers = 7,
            MailExchanger = MailExchangerType.Auto,
            MailboxFormat = MailboxFormat.Mdbox,
            HomeDirectory = "/home2/bob",
            Uid = 5001,
            Gid = 5001,
            MailNodeAlias = "mailnode",
        };
        request.AccountEnhancements.Add("Enhancement A");
        request.AccountEnhancements.Add("Enhancement B");

        await server.ReplyFixture("createacct").CreateClient().CreateAccountAsync(request);

        var form = server.Requests.Single().Form;
        var expected = new Dictionary<string, string>
        {
            ["username"] = "bob", ["domain"] = "bob.example", ["password"] = "Secret-1", ["plan"] = "gold", ["savepkg"] = "1",
            ["pkgname"] = "bob_custom", ["featurelist"] = "default", ["quota"] = "0", ["bwlimit"] = "unlimited", ["ip"] = "y",
            ["customip"] = "192.0.2.20", ["cgi"] = "0", ["hasshell"] = "1", ["spamassassin"] = "1", ["spambox"] = "n", ["dkim"] = "1",
            ["spf"] = "1", ["dmarc"] = "0", ["reseller"] = "0", ["reseller_without_domain"] = "0", ["forcedns"] = "1",
            ["useregns"] = "1", ["hasuseregns"] = "1", ["digestauth"] = "0", ["ownerself"] = "0", ["frontpage"] = "0", ["showpass"] = "n",
            ["cpmod"] = "jupiter", ["contactemail"] = "bob@example.org", ["language"] = "en", ["owner"] = "root", ["maxftp"] = "5",
            ["maxsql"] = "unlimited", ["maxpop"] = "10", ["maxlst"] = "4", ["maxsub"] = "20", ["maxpark"] = "0", ["maxaddon"] = "2",
            ["max_email_per_hour"] = "300", ["max_defer_fail_percentage"] = "unlimited", ["max_emailacct_quota"] = "1024",
            ["max_team_users"] = "7", ["mxcheck"] = "auto", ["mailbox_format"] = "mdbox", ["homedir"] = "/home2/bob", ["uid"] = "5001",
            ["gid"] = "5001", ["mail_node_alias"] = "mailnode",
        };
        foreach (var pair in expected)
        {
            Assert.True(form.Count(f => f.Key == pair.Key) == 1, "exactly one " + pair.Key);
            Assert.Equal(pair.Value, form.Single(f => f.Key == pair.Key).Value);
        }

        Assert.Equal(new[] { "Enhancement A", "Enhancement B" }, form.Where(f => f.Key == "account_enhancements").Select(f => f.Value));
    }

    [Fact]
    public async Task Unset_options_are_not_sent_so_the_server_or_package_decides()
    {
        await server.ReplyFixture("createacct").CreateClient().CreateAccountAsync(new CreateAccountRequest("bob", "bob.example") { Plan = "gold" });

        Assert.Equal(new[] { "api.version", "username", "domain", "plan", "showpass" }, server.Requests.Single().Form.Select(f => f.Key));
    }

    [Fact]
    public async Task Addpkg_sends_every_option_in_its_documented_wire_form()
    {
        var package = new WhmPackage("gold", new PackageSettings
        {
            FeatureList = "fl", Quota = 10240, BandwidthLimit = MegabyteLimit.Unlimited, DedicatedIp = false, Cgi = true, HasShell = false,
            DigestAuth = true, FrontPage = false, Theme = "jupiter", Language = "de", MaxFtp = 1, MaxSql = 2, MaxPop = 3, MaxLists = 4,
            MaxSubdomains = 5, MaxParked = CountLimit.Unlimited, MaxAddons = 0, MaxPassengerApps = 4, MaxEmailPerHour = 100,
            MaxDeferFailPercentage = 50, MaxEmailAccountQuota = MegabyteLimit.Unlimited, MaxTeamUsers = 3, PackageExtensions = "ext1 ext2",
        });

        await server.ReplyFixture("addpkg").CreateClient().AddPackageAsync(package);

        var form = server.Requests.Single().Form.ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal("gold", form["name"]);
        Assert.Equal("fl", form["featurelist"]);
        Assert.Equal("10240", form["quota"]);
        Assert.Equal("unlimited", form["bwlimit"]);     // addpkg refuses 0 for quota/bwlimit; the word is safe
        Assert.Equal("n", form["ip"]);
        Assert.Equal("1", form["cgi"]);
        Assert.Equal("0", form["hasshell"]);
        Assert.Equal("1", form["digestauth"]);
        Assert.Equal("0", form["frontpage"]);
        Assert.Equal("jupiter", form["cpmod"]);
        Assert.Equal("de", form["language"]);
        Assert.Equal(("1", "2", "3", "4", "5"), (form["maxftp"], form["maxsql"], form["maxpop"], form["maxlst"], form["maxsub"]));
        Assert.Equal(("unlimited", "0", "4"), (form["maxpark"], form["maxaddon"], form["maxpassengerapps"]));
        Assert.Equal(("100", "50"), (form["MAX_EMAIL_PER_HOUR"], form["MAX_DEFER_FAIL_PERCENTAGE"]));
        Assert.Equal(("unlimited", "3"), (form["max_emailacct_quota"], form["max_team_users"]));
        Assert.Equal("ext1 ext2", form["_PACKAGE_EXTENSIONS"]);
    }

    [Fact]
    public async Task Simple_functions_send_their_documented_parameter_names()
    {
        WhmClient client = server
            .ReplyFixture("removeacct").ReplyFixture("suspendacct-already").ReplyFixture("unsuspendacct").ReplyFixture("changepackage")
            .ReplyFixture("limitbw").ReplyFixture("editquota").ReplyFixture("passwd").ReplyFixture("killpkg").ReplyFixture("setsiteip")
            .ReplyFixture("listaccts").ReplyFixture("listpkgs").ReplyFixture("showbw").ReplyFixture("accountsummary").ReplyFixture("accountsummary")
            .CreateClient();

        await client.RemoveAccountAsync("bob", keepDns: true);
        await client.SuspendAccountAsync("bob", "Unpaid", onlyRootMayUnsuspend: true, leaveFtpAccountsEnabled: true);
        await client.UnsuspendAccountAsync("bob");
        await client.ChangePackageAsync("bob", "gold");
        await client.LimitBandwidthAsync("bob", 500);
        await client.EditQuotaAsync("bob", MegabyteLimit.Unlimited);
        await client.ChangePasswordAsync("bob", new WhmSecret("N3w!"), updateDatabasePassword: false);
        await client.DeletePackageAsync("gold");
        await client.SetSiteIpAsync("bob", "192.0.2.11");
        var query = new AccountQuery { Search = "^bo", SearchType = AccountSearchType.Owner, SearchMethod = AccountSearchMethod.Regex };
        query.Fields.Add("user");
        query.Fields.Add("suspended");
        await client.ListAccountsAsync(query);
        await client.ListPackagesAsync(PackageVisibility.Viewable);
        await client.GetBandwidthAsync(new BandwidthQuery { Month = 2, Year = 2025, Search = "bob", SearchType = AccountSearchType.User, Reseller = "res1" });
        await client.GetAccountSummaryAsync("bob");
        await client.GetAccountSummaryByDomainAsync("example.com");

        string[] bodies = server.Requests.Select(r => string.Join("&", r.Form.Skip(1).Select(f => f.Key + "=" + f.Value))).ToArray();
        Assert.Equal(
            new[]
            {
                "username=bob&keepdns=1",
                "user=bob&reason=Unpaid&disallowun=1&leave-ftp-accts-enabled=1",
                "user=bob",
                "user=bob&pkg=gold",
                "user=bob&bwlimit=500",
                "user=bob&quota=unlimited",
                "user=bob&password=N3w!&db_pass_update=0",
                "pkgname=gold",
                "user=bob&ip=192.0.2.11",
                "search=^bo&searchtype=owner&searchmethod=regex&want=user,suspended",
                "want=viewable",
                "month=2&year=2025&search=bob&searchtype=user&showres=res1",
                "user=bob",
                "domain=example.com",
            },
            bodies);
        Assert.Equal(
            new[] { "removeacct", "suspendacct", "unsuspendacct", "changepackage", "limitbw", "editquota", "passwd", "killpkg", "setsiteip", "listaccts", "listpkgs", "showbw", "accountsummary", "accountsummary" },
            server.Requests.Select(r => r.Uri.AbsolutePath.Replace("/json-api/", string.Empty, StringComparison.Ordinal)));
        Assert.All(server.Requests, r => Assert.Empty(r.Uri.Query));
    }

    [Fact]
    public async Task Modifyacct_sends_cpuser_style_names()
    {
        var request = new ModifyAccountRequest("bob")
        {
            NewUser = "bobby", Domain = "new.example", Owner = "res1", ContactEmail = "c@example.org", MaxFtp = 3, MaxAddons = CountLimit.Unlimited,
            MaxEmailAccountQuota = 512, HasShell = false, Backup = true, Theme = "jupiter", Locale = "en", MailboxFormat = MailboxFormat.Maildir,
            RenameDatabaseObjects = true,
        };

        await server.ReplyFixture("modifyacct").CreateClient().ModifyAccountAsync(request);

        Assert.Equal(
            "user=bob&newuser=bobby&domain=new.example&owner=res1&contactemail=c@example.org&MAXFTP=3&MAXADDON=unlimited&MAX_EMAILACCT_QUOTA=512&HASSHELL=0&BACKUP=1&RS=jupiter&LOCALE=en&MAILBOX_FORMAT=maildir&rename_database_objects=1",
            string.Join("&", server.Requests.Single().Form.Skip(1).Select(f => f.Key + "=" + f.Value)));
    }

    [Fact]
    public void Createacct_refuses_a_zero_it_would_read_as_unlimited()
    {
        var request = new CreateAccountRequest("bob", "bob.example");
        var refusals = new (string Property, Action Set)[]
        {
            (nameof(request.MaxFtp), () => request.MaxFtp = 0),
            (nameof(request.MaxSql), () => request.MaxSql = 0),
            (nameof(request.MaxPop), () => request.MaxPop = 0),
            (nameof(request.MaxLists), () => request.MaxLists = 0),
            (nameof(request.MaxSubdomains), () => request.MaxSubdomains = 0),
        };

        foreach (var (property, set) in refusals)
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(set);
            Assert.Equal(property, error.ParamName);
            Assert.Contains("as unlimited", error.Message, StringComparison.Ordinal);
            Assert.Contains("ModifyAccountRequest." + property, error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(new[] { "username", "domain", "showpass" }, request.ToParameters().ToLogView().Select(p => p.Key));
    }

    [Fact]
    public async Task Createacct_sends_zero_where_it_means_none_and_modifyacct_sends_zero_for_every_count()
    {
        var create = new CreateAccountRequest("bob", "bob.example") { MaxParked = 0, MaxAddons = 0, MaxPop = 1 };
        var modify = new ModifyAccountRequest("bob") { MaxPop = 0, MaxSql = 0, MaxAddons = 0 };

        WhmClient client = server.ReplyFixture("createacct").ReplyFixture("modifyacct").CreateClient();
        await client.CreateAccountAsync(create);
        await client.ModifyAccountAsync(modify);

        SentRequest created = server.Requests[0];
        Assert.Equal(("0", "0", "1"), (created.Field("maxpark"), created.Field("maxaddon"), created.Field("maxpop")));
        SentRequest modified = server.Requests[1];
        Assert.Equal(("0", "0", "0"), (modified.Field("MAXPOP"), modified.Field("MAXSQL"), modified.Field("MAXADDON")));
    }

    [Fact]
    public async Task Empty_identities_are_refused_before_anything_is_sent()
    {
        WhmClient client = server.CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.RemoveAccountAsync(" "));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.ChangePasswordAsync("bob", null!));
        Assert.Throws<ArgumentException>(() => new CreateAccountRequest("", "x.example"));
        Assert.Throws<ArgumentException>(() => new WhmPackage(" "));
        Assert.Throws<ArgumentException>(() => AccountQuery.ForUser(""));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BandwidthQuery { Month = 13 });
        Assert.Empty(server.Requests);
    }
}

using System;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Whm;
using CpanelBilling.Whm.Tests.Client.Support;
using Xunit;

namespace CpanelBilling.Whm.Tests.Client;

/// <summary>Every result shape, with the quirks real servers send, read through the client from fixtures.</summary>
public sealed class ResultParsingTests
{
    private readonly StubWhmServer server = new();

    [Fact]
    public async Task Listaccts_reads_typed_fields_and_quirks()
    {
        var accounts = await server.ReplyFixture("listaccts").CreateClient().ListAccountsAsync();

        Assert.Equal(new[] { "example", "web08", "billed" }, accounts.Select(a => a.User));

        WhmAccount active = accounts[0];
        Assert.Equal("example.com", active.Domain);
        Assert.Equal("192.0.2.10", active.Ip);
        Assert.Equal("default", active.Plan);
        Assert.Equal(1001, active.Uid);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1369428189), active.StartDate);
        Assert.False(active.IsSuspended);
        Assert.Null(active.SuspendReason); // "not suspended" is a placeholder, not a reason
        Assert.Null(active.SuspendedAt);
        Assert.Equal(14, active.DiskUsedMegabytes);
        Assert.Equal(MegabyteLimit.Unlimited, active.DiskLimit);
        Assert.Equal(CountLimit.Unlimited, active.MaxFtp);
        Assert.True(active.BackupEnabled);

        WhmAccount quirky = accounts[1];
        Assert.Null(quirky.Ip);                   // "*unknown*"
        Assert.Null(quirky.Plan);                 // "undefined"
        Assert.Null(quirky.ContactEmail);         // "*unknown*"
        Assert.Equal(new[] { "2001:db8::8" }, quirky.Ipv6);
        Assert.Equal(1042, quirky.Uid);           // number as string
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1560013500), quirky.StartDate);
        Assert.True(quirky.IsSuspended);
        Assert.Null(quirky.SuspendReason);        // suspended without a reason: "*unknown*"
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), quirky.SuspendedAt);
        Assert.True(quirky.IsLocked);
        Assert.Equal(0, quirky.DiskUsedMegabytes);  // "none"
        Assert.Equal(MegabyteLimit.Of(500), quirky.DiskLimit); // "500M"
        Assert.Equal(0, quirky.InodesUsed);       // "none"
        Assert.Equal(CountLimit.Of(250000), quirky.InodesLimit);
        Assert.Null(quirky.MaxAddons);            // "*unknown*"
        Assert.Null(quirky.MaxLists);
        Assert.Equal(CountLimit.Of(5), quirky.MaxFtp);
        Assert.Equal(CountLimit.Of(0), quirky.MaxParked); // 0 parked domains is a real limit
        Assert.Equal(MegabyteLimit.Of(1024), quirky.MaxEmailAccountQuota);
        Assert.Equal(CountLimit.Of(100), quirky.MaxDeferFailPercentage);
        Assert.False(quirky.BackupEnabled);       // "0" as string
        Assert.True(quirky.OutgoingMailSuspended);

        WhmAccount billed = accounts[2];
        Assert.Equal("Unpaid invoice 1234", billed.SuspendReason);
        Assert.Equal("a@example.org, b@example.org", billed.ContactEmail);
        Assert.Equal(2048, billed.DiskUsedMegabytes);
        Assert.Equal(MegabyteLimit.Of(10240), billed.DiskLimit);
        Assert.Equal(CountLimit.Of(3), billed.MaxAddons);
        Assert.True(billed.OutgoingMailHold);
    }

    [Theory]
    [InlineData("listaccts-no-data")]
    [InlineData("listaccts-empty-list")]
    [InlineData("listaccts-no-accounts-found")]
    public async Task Listaccts_without_matches_is_an_empty_list_however_the_server_says_it(string fixture)
    {
        var accounts = await server.ReplyFixture(fixture).CreateClient().ListAccountsAsync(AccountQuery.ForUser("nobody1"));

        Assert.Empty(accounts);
    }

    [Fact]
    public async Task Listaccts_with_another_failure_still_throws()
    {
        server.Reply("""{"metadata":{"command":"listaccts","version":1,"result":0,"reason":"Unknown search type."}}""");

        var failure = await Assert.ThrowsAsync<WhmCallFailedException>(() => server.CreateClient().ListAccountsAsync());

        Assert.Equal(FailureKind.InvalidArgument, failure.Kind);
    }

    [Fact]
    public async Task Accountsummary_reads_the_single_account_with_string_result()
    {
        WhmAccount? account = await server.ReplyFixture("accountsummary").CreateClient().GetAccountSummaryAsync("example");

        Assert.NotNull(account);
        Assert.Equal("example", account.User);
        Assert.Equal(MegabyteLimit.Of(1000), account.DiskLimit);
        Assert.Equal(12, account.InodesUsed);
        Assert.Null(account.MaxParked);
    }

    [Fact]
    public async Task Accountsummary_not_found_with_null_acct_is_null()
    {
        WhmAccount? account = await server.ReplyFixture("accountsummary-not-found").CreateClient().GetAccountSummaryAsync("ghost");

        Assert.Null(account);
    }

    [Fact]
    public async Task Listpkgs_reads_string_values_flags_and_keeps_every_key()
    {
        var packages = await server.ReplyFixture("listpkgs").CreateClient().ListPackagesAsync(PackageVisibility.All);

        Assert.Equal(new[] { "default", "gold", "reseller1_bronze" }, packages.Select(p => p.Name));

        PackageSettings bare = packages[0].Settings;
        Assert.Null(bare.Quota);
        Assert.Null(bare.Cgi);
        Assert.False(bare.DedicatedIp);
        Assert.Equal("jupiter", bare.Theme);
        Assert.Empty(bare.OtherSettings);

        PackageSettings gold = packages[1].Settings;
        Assert.Equal(MegabyteLimit.Of(10240), gold.Quota);
        Assert.Equal(MegabyteLimit.Of(102400), gold.BandwidthLimit);
        Assert.Equal(CountLimit.Of(10), gold.MaxSql);
        Assert.Equal(CountLimit.Unlimited, gold.MaxFtp);
        Assert.Equal(CountLimit.Of(0), gold.MaxParked);
        Assert.Equal(CountLimit.Of(4), gold.MaxPassengerApps);
        Assert.Equal(CountLimit.Of(100), gold.MaxDeferFailPercentage);
        Assert.Equal(MegabyteLimit.Unlimited, gold.MaxEmailAccountQuota);
        Assert.Equal(7, gold.MaxTeamUsers);
        Assert.True(gold.Cgi);
        Assert.False(gold.HasShell);
        Assert.Equal("en", gold.Language);
        Assert.Equal("", gold.PackageExtensions);
        Assert.Empty(gold.OtherSettings);

        PackageSettings bronze = packages[2].Settings;
        Assert.Equal(MegabyteLimit.Unlimited, bronze.Quota);
        Assert.True(bronze.DedicatedIp);
        Assert.True(bronze.HasShell);
        Assert.False(bronze.FrontPage);                   // an old key cPanel still lists
        Assert.Equal("3", bronze.OtherSettings["future_key"]); // a key we do not know survives as sent, found in any case
        Assert.Single(bronze.OtherSettings);
    }

    [Fact]
    public async Task Showbw_reads_bytes_reseller_type_quirk_and_unlimited_limits()
    {
        BandwidthReport report = await server.ReplyFixture("showbw").CreateClient().GetBandwidthAsync(new BandwidthQuery { Month = 5, Year = 2024 });

        Assert.Equal((5, 2024, "root", 3221225472L), (report.Month, report.Year, report.Reseller, report.TotalUsedBytes));

        AccountBandwidth bob = report.Accounts[0];
        Assert.Equal("example.com", bob.MainDomain);
        Assert.False(bob.IsReseller);               // number 0
        Assert.Equal(1073741824, bob.LimitBytes);   // string of bytes
        Assert.Equal(1048576, bob.Domains.Single().UsageBytes);

        AccountBandwidth reseller = report.Accounts[1];
        Assert.True(reseller.IsReseller);           // string "1"
        Assert.Equal(2147483648, reseller.TotalBytes);
        Assert.Null(reseller.LimitBytes);           // "unlimited"
        Assert.True(reseller.IsLimited);
        Assert.True(reseller.Domains[1].IsDeleted);

        AccountBandwidth gone = report.Accounts[2];
        Assert.True(gone.IsDeleted);
        Assert.Null(gone.LimitBytes);               // 0
        Assert.Empty(gone.Domains);
    }

    [Fact]
    public async Task Limitbw_reports_the_limit_in_bytes()
    {
        BandwidthLimitResult result = await server.ReplyFixture("limitbw").CreateClient().LimitBandwidthAsync("bob", 500);

        Assert.Equal(500L * 1024 * 1024, result.LimitBytes);
        Assert.False(result.IsUnlimited);
        Assert.Equal("500 MB", result.HumanLimit);
        Assert.Equal(new[] { "sub.example.com", "example.com" }, result.Domains);
        Assert.StartsWith("Bandwidth Limit for bob", result.Reason);
    }

    [Fact]
    public async Task Limitbw_unlimited()
    {
        BandwidthLimitResult result = await server.ReplyFixture("limitbw-unlimited").CreateClient().LimitBandwidthAsync("bob", MegabyteLimit.Unlimited);

        Assert.True(result.IsUnlimited);
        Assert.Null(result.LimitBytes);
        Assert.Equal("12.5 MB", result.HumanUsed);
    }

    [Fact]
    public async Task Createacct_reads_data_and_masks_the_password_in_raw_output()
    {
        var request = new CreateAccountRequest("bob", "example.com") { Password = new WhmSecret("S3cr3t-Pa55!word") };

        CreateAccountResult result = await server.ReplyFixture("createacct").CreateClient().CreateAccountAsync(request);

        Assert.Equal("Account Creation Ok", result.Reason);
        Assert.Equal("192.0.2.10", result.Ip);
        Assert.Equal("default", result.Package);
        Assert.Equal(new[] { "ns1.example.com", "ns2.example.com" }, result.Nameservers);
        Assert.Contains("Account Creation Complete", result.RawOutput);
        Assert.DoesNotContain("S3cr3t-Pa55!word", result.RawOutput);
        Assert.Contains("| PassWord: ********", result.RawOutput);
    }

    [Fact]
    public async Task Createacct_masks_a_server_generated_password_too()
    {
        // No password sent: cPanel generates one and prints it in the raw output.
        CreateAccountResult result = await server.ReplyFixture("createacct").CreateClient().CreateAccountAsync(new CreateAccountRequest("bob", "example.com"));

        Assert.DoesNotContain("S3cr3t-Pa55!word", result.RawOutput);
    }

    [Fact]
    public async Task Functions_without_data_return_reason_and_raw_output()
    {
        WhmClient client = server
            .ReplyFixture("removeacct").ReplyFixture("suspendacct-already").ReplyFixture("unsuspendacct")
            .ReplyFixture("changepackage").ReplyFixture("editquota").ReplyFixture("killpkg").ReplyFixture("setsiteip")
            .CreateClient();

        Assert.Equal("bob account removed", (await client.RemoveAccountAsync("bob")).Reason);
        WhmCallResult suspended = await client.SuspendAccountAsync("bob", "unpaid");
        Assert.Equal("OK", suspended.Reason);
        Assert.Contains("already suspended", suspended.RawOutput);
        Assert.Contains("unsuspended", (await client.UnsuspendAccountAsync("bob")).RawOutput);
        Assert.Contains("Changing plan from default to gold", (await client.ChangePackageAsync("bob", "gold")).RawOutput);
        Assert.Equal("Set quota for user.", (await client.EditQuotaAsync("bob", 1024)).Reason);
        WhmCallResult killed = await client.DeletePackageAsync("gold");
        Assert.Equal(("killpkg", "OK", (string?)null), (killed.Function, killed.Reason, killed.RawOutput));
        Assert.Equal("OK", (await client.SetSiteIpAsync("bob", "192.0.2.11")).Reason);
    }

    [Fact]
    public async Task Modifyacct_reads_account_cpuser_messages_and_warnings()
    {
        var request = new ModifyAccountRequest("example1") { ContactEmail = "new@example.com", MaxFtp = 5 };

        ModifyAccountResult result = await server.ReplyFixture("modifyacct").CreateClient().ModifyAccountAsync(request);

        Assert.Equal("Account Modified", result.Reason);
        Assert.Equal(("example1", "example.com", "/bin/bash"), (result.User, result.Domain, result.Shell));
        Assert.Equal("new@example.com", result.CpUser["CONTACTEMAIL"]);
        Assert.Equal(new[] { "Changed the contact email." }, result.Messages);
        Assert.Single(result.Warnings);
    }

    [Fact]
    public async Task Passwd_returns_the_changed_services()
    {
        var services = await server.ReplyFixture("passwd").CreateClient().ChangePasswordAsync("bob", new WhmSecret("n3w-Secret!"));

        Assert.Equal(new[] { "system", "ftp", "mail", "MySQL" }, services);
    }

    [Fact]
    public async Task Listips_reads_flags_and_nat_address()
    {
        var ips = await server.ReplyFixture("listips").CreateClient().ListIpAddressesAsync();

        Assert.True(ips[0].IsMain);
        Assert.True(ips[0].IsUsed);
        WhmIpAddress free = ips[1];
        Assert.Equal(("10.0.0.11", "198.51.100.11", "eth0:1"), (free.Address, free.PublicAddress, free.Interface));
        Assert.False(free.IsUsed);
        Assert.True(free.IsDedicated);
        Assert.True(free.IsRemovable);
    }

    [Fact]
    public async Task Server_information_functions()
    {
        WhmClient client = server.ReplyFixture("version").ReplyFixture("gethostname").ReplyFixture("applist").CreateClient();

        Assert.Equal("11.120.0.16", await client.GetVersionAsync());
        Assert.Equal("server.example.com", await client.GetHostnameAsync());
        Assert.Contains("createacct", await client.ListFunctionsAsync());
    }

    [Fact]
    public async Task Addpkg_and_editpkg_return_the_stored_name()
    {
        WhmClient client = server
            .ReplyFixture("addpkg")
            .Reply("""{"metadata":{"command":"editpkg","version":1,"result":1,"reason":"OK"},"data":{"pkg":"gold"}}""")
            .CreateClient();

        Assert.Equal("reseller1_gold", await client.AddPackageAsync(new WhmPackage("gold")));
        Assert.Equal("gold", await client.EditPackageAsync(new WhmPackage("gold", new PackageSettings { Quota = 2048 })));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("0", false)]
    public async Task Result_as_string_is_understood(string result, bool succeeds)
    {
        server.Reply($$$"""{"metadata":{"command":"version","version":1,"result":"{{{result}}}","reason":"{{{(succeeds ? "OK" : "Nope.")}}}"},"data":{"version":"11.120.0.16"}}""");
        WhmClient client = server.CreateClient();

        if (succeeds)
        {
            Assert.Equal("11.120.0.16", await client.GetVersionAsync());
        }
        else
        {
            var failure = await Assert.ThrowsAsync<WhmCallFailedException>(() => client.GetVersionAsync());
            Assert.Equal("Nope.", failure.Reason);
        }
    }
}

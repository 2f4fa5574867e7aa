using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Whm;
using CpanelBilling.Testing.Billing;
using Xunit;

namespace CpanelBilling.Billing.Tests.Contract;

public abstract partial class BillingRepositoryContract
{
    [BillingFact]
    public async Task A_new_database_is_at_the_current_schema_version()
    {
        Assert.Equal(BillingDatabase.SchemaVersion, await Repository.GetSchemaVersionAsync());
        Assert.Equal(Database.Backend, Repository.Backend);
    }

    [BillingFact]
    public async Task A_server_keeps_its_settings_and_only_a_reference_to_its_token()
    {
        BillingServer added = await Repository.AddServerAsync("web1", new ServerSettings
        {
            HostName = "web1.example.net",
            Port = 2087,
            WhmUser = "reseller1",
            TokenVault = "HostingVault",
            TokenSecretName = "web1-api-token",
            PinnedCertificateThumbprint = "AB12",
            MaxConcurrentRequests = 8,
            MaxConcurrentAccountLifecycleCalls = 3,
        });

        BillingServer read = await Repository.GetServerAsync(added.Id);
        Assert.Equal("web1", read.Name);
        Assert.Equal("web1.example.net", read.Settings.HostName);
        Assert.Equal("reseller1", read.Settings.WhmUser);
        Assert.Equal("HostingVault", read.Settings.TokenVault);
        Assert.Equal("web1-api-token", read.Settings.TokenSecretName);
        Assert.Equal("AB12", read.Settings.PinnedCertificateThumbprint);
        Assert.Equal(8, read.Settings.MaxConcurrentRequests);
        Assert.Equal(3, read.Settings.MaxConcurrentAccountLifecycleCalls);
        Assert.True(read.Settings.Enabled);
        Assert.Equal(Start, read.CreatedUtc);
        Assert.Equal(read.Id, (await Repository.FindServerAsync("WEB1"))!.Id);
        Assert.Null(await Repository.FindServerAsync("web2"));
    }

    [BillingFact]
    public async Task A_new_server_runs_one_account_creation_or_removal_at_a_time_unless_told_otherwise()
    {
        BillingServer added = await Repository.AddServerAsync("web1", new ServerSettings { HostName = "web1.example.net", TokenSecretName = "web1-api-token" });

        BillingServer read = await Repository.GetServerAsync(added.Id);
        Assert.Equal(1, read.Settings.MaxConcurrentAccountLifecycleCalls);
        Assert.Equal(4, read.Settings.MaxConcurrentRequests);
    }

    [BillingFact]
    public async Task A_server_name_is_unique()
    {
        await Repository.AddServerAsync("web1", new ServerSettings { HostName = "a.example.net", TokenSecretName = "t" });

        var error = await Assert.ThrowsAsync<BillingAlreadyExistsException>(
            () => Repository.AddServerAsync("Web1", new ServerSettings { HostName = "b.example.net", TokenSecretName = "t" }));
        Assert.Equal(FailureKind.AlreadyExists, error.Kind);
        Assert.Equal(BillingErrorIds.ServerAlreadyExists, error.ErrorId);
        Assert.Single(await Repository.ListServersAsync());
    }

    [BillingFact]
    public async Task Updating_a_server_replaces_its_settings_and_disabled_servers_can_be_left_out()
    {
        BillingServer server = await Repository.AddServerAsync("web1", new ServerSettings { HostName = "a.example.net", TokenSecretName = "t" });
        await Repository.AddServerAsync("web2", new ServerSettings { HostName = "b.example.net", TokenSecretName = "t" });
        Clock.Advance(System.TimeSpan.FromMinutes(5));

        ServerSettings settings = server.Settings;
        settings.Enabled = false;
        settings.Port = 2083;
        BillingServer updated = await Repository.UpdateServerAsync(server.Id, settings);

        Assert.False(updated.Settings.Enabled);
        Assert.Equal(2083, updated.Settings.Port);
        Assert.Equal(Start.AddMinutes(5), updated.ChangedUtc);
        Assert.Equal(new[] { "web1", "web2" }, (await Repository.ListServersAsync()).Select(s => s.Name));
        Assert.Equal(new[] { "web2" }, (await Repository.ListServersAsync(includeDisabled: false)).Select(s => s.Name));
        await Assert.ThrowsAsync<BillingNotFoundException>(() => Repository.UpdateServerAsync(999, settings));
    }

    [BillingFact]
    public async Task A_bad_server_setting_is_refused_before_anything_is_written()
    {
        var error = await Assert.ThrowsAsync<BillingInvalidValueException>(
            () => Repository.AddServerAsync("web1", new ServerSettings { HostName = "a.example.net", TokenSecretName = "t", Port = 70000 }));
        Assert.Equal(FailureKind.InvalidArgument, error.Kind);
        await Assert.ThrowsAsync<BillingInvalidValueException>(
            () => Repository.AddServerAsync(new string('s', 101), new ServerSettings { HostName = "a.example.net", TokenSecretName = "t" }));
        await Assert.ThrowsAsync<BillingInvalidValueException>(
            () => Repository.AddServerAsync("web1", new ServerSettings { HostName = "a.example.net", TokenSecretName = " " }));
        Assert.Empty(await Repository.ListServersAsync());
    }

    [BillingFact]
    public async Task Package_sync_adds_refreshes_and_marks_gone_packages_without_dropping_them()
    {
        BillingServer server = await Repository.AddServerAsync("web1", new ServerSettings { HostName = "a.example.net", TokenSecretName = "t" });
        var gold = PackageSettings.FromListPkgs(new Dictionary<string, string?>
        {
            ["name"] = "gold", ["QUOTA"] = "10240", ["BWLIMIT"] = "unlimited", ["MAXPOP"] = "unlimited", ["MAXSQL"] = "10",
            ["MAXFTP"] = "5", ["MAXLST"] = "0", ["MAXSUB"] = "unlimited", ["MAXPARK"] = "0", ["MAXADDON"] = "2",
            ["MAX_EMAIL_PER_HOUR"] = "500", ["MAX_DEFER_FAIL_PERCENTAGE"] = "100", ["MAX_EMAILACCT_QUOTA"] = "1024",
            ["IP"] = "y", ["CGI"] = "y", ["HASSHELL"] = "n", ["DIGESTAUTH"] = "n", ["FEATURELIST"] = "default",
            ["CPMOD"] = "jupiter", ["LANG"] = "en", ["MAXPASSENGERAPPS"] = "4", ["_PACKAGE_EXTENSIONS"] = "",
            ["MAX_TEAM_USERS"] = "7", ["FRONTPAGE"] = "0",
        });
        // Unreadable values of keys that have a column, and a key nobody knows: all must survive storage.
        var odd = PackageSettings.FromListPkgs(new Dictionary<string, string?>
        {
            ["CGI"] = "sometimes", ["FUTURE_KEY"] = "x", ["MAXPASSENGERAPPS"] = "lots", ["MAX_TEAM_USERS"] = "unlimited",
        });
        var roomy = new PackageSettings { MaxPassengerApps = CountLimit.Unlimited, MaxTeamUsers = 0 };
        var first = await Repository.SyncServerPackagesAsync(server.Id, new[]
        {
            new WhmPackage("gold", gold),
            new WhmPackage("default"),
            new WhmPackage("odd", odd),
            new WhmPackage("roomy", roomy),
        });
        Assert.Equal(new[] { "default", "gold", "odd", "roomy" }, first.Added);

        PackageSettings stored = (await Repository.FindServerPackageAsync(server.Id, "gold"))!.Settings;
        Assert.Equal(MegabyteLimit.Of(10240), stored.Quota);
        Assert.Equal(MegabyteLimit.Unlimited, stored.BandwidthLimit);
        Assert.Equal(CountLimit.Unlimited, stored.MaxPop);
        Assert.Equal(CountLimit.Of(10), stored.MaxSql);
        Assert.Equal(CountLimit.Of(5), stored.MaxFtp);
        Assert.Equal(CountLimit.Of(0), stored.MaxLists);
        Assert.Equal(CountLimit.Unlimited, stored.MaxSubdomains);
        Assert.Equal(CountLimit.Of(0), stored.MaxParked);
        Assert.Equal(CountLimit.Of(2), stored.MaxAddons);
        Assert.Equal(CountLimit.Of(500), stored.MaxEmailPerHour);
        Assert.Equal(CountLimit.Of(100), stored.MaxDeferFailPercentage);
        Assert.Equal(MegabyteLimit.Of(1024), stored.MaxEmailAccountQuota);
        Assert.True(stored.DedicatedIp);
        Assert.True(stored.Cgi);
        Assert.False(stored.HasShell);
        Assert.False(stored.DigestAuth);
        Assert.Equal("default", stored.FeatureList);
        Assert.Equal("jupiter", stored.Theme);
        Assert.Equal("en", stored.Language);
        Assert.Equal(CountLimit.Of(4), stored.MaxPassengerApps);
        Assert.Equal(7, stored.MaxTeamUsers);
        Assert.False(stored.FrontPage);
        Assert.Equal("", stored.PackageExtensions);
        Assert.Empty(stored.OtherSettings);

        PackageSettings bare = (await Repository.FindServerPackageAsync(server.Id, "default"))!.Settings;
        Assert.Null(bare.Quota);
        Assert.Null(bare.MaxTeamUsers);
        Assert.False(bare.DedicatedIp); // cPanel loads a package without IP as IP=n
        PackageSettings oddStored = (await Repository.FindServerPackageAsync(server.Id, "odd"))!.Settings;
        Assert.Null(oddStored.Cgi);
        Assert.Equal("sometimes", oddStored.OtherSettings["CGI"]);
        Assert.Equal("x", oddStored.OtherSettings["FUTURE_KEY"]);
        Assert.Null(oddStored.MaxPassengerApps);
        Assert.Equal("lots", oddStored.OtherSettings["MAXPASSENGERAPPS"]);
        Assert.Null(oddStored.MaxTeamUsers);
        Assert.Equal("unlimited", oddStored.OtherSettings["MAX_TEAM_USERS"]);
        PackageSettings roomyStored = (await Repository.FindServerPackageAsync(server.Id, "roomy"))!.Settings;
        Assert.Equal(CountLimit.Unlimited, roomyStored.MaxPassengerApps);
        Assert.Equal(0, roomyStored.MaxTeamUsers);

        // Both limits are columns a query can filter on, not text inside other_attributes.
        Assert.Equal((4L, 7L), await StoredPackageLimitsAsync(Database.Target, server.Id, "gold"));
        Assert.Equal((-1L, 0L), await StoredPackageLimitsAsync(Database.Target, server.Id, "roomy"));
        Assert.Equal((null, null), await StoredPackageLimitsAsync(Database.Target, server.Id, "default"));
        Assert.Equal((null, null), await StoredPackageLimitsAsync(Database.Target, server.Id, "odd"));

        Clock.Advance(System.TimeSpan.FromHours(1));
        gold.MaxSql = CountLimit.Of(20);
        gold.MaxTeamUsers = 9;
        var second = await Repository.SyncServerPackagesAsync(server.Id, new[] { new WhmPackage("gold", gold) });
        Assert.Empty(second.Added);
        Assert.Equal(new[] { "gold" }, second.Updated);
        Assert.Equal(new[] { "default", "odd", "roomy" }, second.Removed);
        Assert.Equal(new[] { "gold" }, (await Repository.ListServerPackagesAsync(server.Id)).Select(p => p.Name));
        ServerPackage gone = (await Repository.ListServerPackagesAsync(server.Id, includeRemoved: true)).Single(p => p.Name == "default");
        Assert.True(gone.IsRemoved);
        Assert.Equal(Start.AddHours(1), gone.RemovedUtc);
        PackageSettings refreshed = (await Repository.FindServerPackageAsync(server.Id, "gold"))!.Settings;
        Assert.Equal(CountLimit.Of(20), refreshed.MaxSql);
        Assert.Equal(9, refreshed.MaxTeamUsers);
        Assert.Equal((4L, 9L), await StoredPackageLimitsAsync(Database.Target, server.Id, "gold"));

        var third = await Repository.SyncServerPackagesAsync(server.Id, new[] { new WhmPackage("gold", gold), new WhmPackage("default") });
        Assert.Equal(new[] { "default" }, third.Added);
        Assert.False((await Repository.FindServerPackageAsync(server.Id, "default"))!.IsRemoved);
        Assert.Equal(Start, (await Repository.FindServerPackageAsync(server.Id, "default"))!.FirstSeenUtc);
    }

    [BillingFact]
    public async Task Package_names_are_exact_as_the_server_files_them()
    {
        BillingServer server = await Repository.AddServerAsync("web1", new ServerSettings { HostName = "a.example.net", TokenSecretName = "t" });

        SyncResult synced = await Repository.SyncServerPackagesAsync(server.Id, new[]
        {
            new WhmPackage("gold", new PackageSettings { MaxSql = CountLimit.Of(1) }),
            new WhmPackage("Gold", new PackageSettings { MaxSql = CountLimit.Of(2) }),
        });
        BillingPlan plan = await Repository.AddPlanAsync("Gold plan", includesDedicatedIp: false);
        await Repository.MapPlanToPackageAsync(plan.Id, server.Id, "Gold");

        Assert.Equal(new[] { "Gold", "gold" }, synced.Added);
        Assert.Equal(new[] { "Gold", "gold" }, (await Repository.ListServerPackagesAsync(server.Id)).Select(p => p.Name));
        Assert.Equal(CountLimit.Of(1), (await Repository.FindServerPackageAsync(server.Id, "gold"))!.Settings.MaxSql);
        Assert.Equal(CountLimit.Of(2), (await Repository.FindServerPackageAsync(server.Id, "Gold"))!.Settings.MaxSql);
        Assert.Null(await Repository.FindServerPackageAsync(server.Id, "GOLD"));
        Assert.Equal(plan.Id, (await Repository.FindPlanForPackageAsync(server.Id, "Gold"))!.Id);
        Assert.Null(await Repository.FindPlanForPackageAsync(server.Id, "gold"));
    }

    [BillingFact]
    public async Task A_package_with_a_negative_team_user_count_is_refused_and_nothing_is_stored()
    {
        BillingServer server = await Repository.AddServerAsync("web1", new ServerSettings { HostName = "a.example.net", TokenSecretName = "t" });

        var refused = await Assert.ThrowsAsync<BillingInvalidValueException>(
            () => Repository.SyncServerPackagesAsync(server.Id, new[] { new WhmPackage("basic"), new WhmPackage("gold", new PackageSettings { MaxTeamUsers = -1 }) }));

        Assert.Contains("gold", refused.Message, System.StringComparison.Ordinal);
        Assert.Empty(await Repository.ListServerPackagesAsync(server.Id, includeRemoved: true));
    }

    [BillingFact]
    public async Task Syncing_packages_of_an_unknown_server_is_NotFound()
    {
        var error = await Assert.ThrowsAsync<BillingNotFoundException>(
            () => Repository.SyncServerPackagesAsync(42, new[] { new WhmPackage("gold") }));
        Assert.Equal(BillingErrorIds.ServerNotFound, error.ErrorId);
        Assert.Equal(FailureKind.NotFound, error.Kind);
    }

    [BillingFact]
    public async Task A_package_listed_twice_is_refused_and_nothing_is_stored()
    {
        BillingServer server = await Repository.AddServerAsync("web1", new ServerSettings { HostName = "a.example.net", TokenSecretName = "t" });

        await Assert.ThrowsAsync<BillingInvalidValueException>(
            () => Repository.SyncServerPackagesAsync(server.Id, new[] { new WhmPackage("gold"), new WhmPackage("gold ") }));
        Assert.Empty(await Repository.ListServerPackagesAsync(server.Id, includeRemoved: true));
    }

    [BillingFact]
    public async Task Ip_sync_records_addresses_and_marks_gone_ones()
    {
        BillingScenario s = await ScenarioAsync(freeDedicatedIps: 2);
        IReadOnlyList<ServerIp> ips = await Repository.ListServerIpsAsync(s.Server.Id);
        Assert.Equal(new[] { "192.0.2.1", "192.0.2.101", "192.0.2.102" }, ips.Select(ip => ip.Address));
        Assert.False(ips[0].IsFree);
        Assert.True(ips[1].IsFree);

        SyncResult result = await Repository.SyncServerIpsAsync(s.Server.Id, new[]
        {
            new ServerIpDefinition { Address = "192.0.2.1", IsMain = true, IsUsed = true },
            new ServerIpDefinition { Address = "192.0.2.101", IsDedicated = true, IsUsed = true },
            new ServerIpDefinition { Address = "2001:DB8::5", IsDedicated = true },
        });

        Assert.Equal(new[] { "2001:db8::5" }, result.Added);
        Assert.Equal(new[] { "192.0.2.102" }, result.Removed);
        ips = await Repository.ListServerIpsAsync(s.Server.Id);
        Assert.Equal(new[] { "192.0.2.1", "192.0.2.101", "2001:db8::5" }, ips.Select(ip => ip.Address));
        Assert.False(ips.Single(ip => ip.Address == "192.0.2.101").IsFree);
        Assert.True(ips.Single(ip => ip.Address == "2001:db8::5").IsFree);
        Assert.True((await Repository.ListServerIpsAsync(s.Server.Id, includeRemoved: true)).Single(ip => ip.Address == "192.0.2.102").RemovedUtc.HasValue);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Packages;
using CpanelBilling.Core.Operations.Reconcile;
using CpanelBilling.Core.Whm;
using CpanelBilling.Testing.Operations;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Operations.Tests.Packages;

/// <summary>
/// New-/Set-/Remove-CpPackage's core: exactly what was asked lands on the server, nothing invalid is ever sent,
/// editpkg never creates a package by accident, and billing's copy follows the server.
/// </summary>
public sealed class PackageOperationsTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;

    public PackageOperationsTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task A_package_with_every_option_lands_on_the_server_exactly_and_in_billing()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);

        PackageChangeResult result = await new PackageOperations(world.Context).AddAsync("web01", Gold());

        SimulatedPackage stored = world.SimState.FindPackage("gold")!;
        Assert.Equal("2048", stored.Quota);
        Assert.Equal("unlimited", stored.BwLimit);
        Assert.Equal("10", stored.MaxFtp);
        Assert.Equal("unlimited", stored.MaxSql);
        Assert.Equal("50", stored.MaxPop);
        Assert.Equal("0", stored.MaxLst);
        Assert.Equal("20", stored.MaxSub);
        Assert.Equal("5", stored.MaxPark);
        Assert.Equal("3", stored.MaxAddon);
        Assert.Equal("2", stored.MaxPassengerApps);
        Assert.Equal("1500", stored.MaxEmailPerHour);
        Assert.Equal("80", stored.MaxDeferFailPercentage);
        Assert.Equal("1024", stored.MaxEmailAcctQuota);
        Assert.Equal("3", stored.MaxTeamUsers);
        Assert.Equal("default", stored.FeatureList);
        Assert.Equal("jupiter", stored.CpMod);
        Assert.Equal("de", stored.Lang);
        Assert.Equal("y", stored.Ip);
        Assert.Equal("n", stored.Cgi);
        Assert.Equal("y", stored.HasShell);
        Assert.Equal("y", stored.DigestAuth);
        Assert.Equal("ext-one ext-two", stored.PackageExtensions);
        Assert.Equal("0", Single(world, "addpkg").FormValue("frontpage"));

        Assert.True(result.Changed);
        Assert.False(result.Adopted);
        Assert.Empty(result.Warnings);
        Assert.Equal("gold", result.PackageName);
        ServerPackage billing = Assert.IsType<ServerPackage>(result.Package);
        Assert.Equal(MegabyteLimit.Of(2048), billing.Settings.Quota);
        Assert.Equal(CountLimit.Of(1500), billing.Settings.MaxEmailPerHour);
        Assert.True(billing.Settings.DedicatedIp);
        OperationJournalEntry entry = await world.Billing.GetOperationAsync(result.JournalEntryId!.Value);
        Assert.Equal(OperationStatus.Succeeded, entry.Status);
        Assert.Equal("addpkg", entry.Function);
        Assert.Null(entry.AccountId);
        Assert.Equal("2048", entry.Parameters["quota"]);
    }

    public static TheoryData<string, Action<PackageRequest>> InvalidPackages() => new()
    {
        { "Quota", r => r.Quota = "0" },
        { "Quota", r => r.Quota = "000" },
        { "BandwidthLimit", r => r.BandwidthLimit = "0" },
        { "BandwidthLimit", r => r.BandwidthLimit = "lots" },
        { "MaxEmailAccountQuota", r => r.MaxEmailAccountQuota = "0" },
        { "MaxFtp", r => r.MaxFtp = "1000" },
        { "MaxSql", r => r.MaxSql = "-1" },
        { "MaxAddons", r => r.MaxAddons = "2.5" },
        { "MaxDeferFailPercentage", r => r.MaxDeferFailPercentage = "0" },
        { "MaxDeferFailPercentage", r => r.MaxDeferFailPercentage = "101" },
        { "MaxTeamUsers", r => r.MaxTeamUsers = -1 },
        { "Name", r => r.Name = "gold/silver" },
        { "Name", r => r.Name = "extensions" },
        { "Name", r => r.Name = " gold" },
        { "Name", r => r.Name = "   " },
        { "FeatureList", r => r.FeatureList = "a,b" },
        { "Theme", r => r.Theme = "../etc" },
        { "Language", r => r.Language = "en us" },
        { "PackageExtensions", r => r.PackageExtensions = "ext;rm" },
    };

    [Theory]
    [MemberData(nameof(InvalidPackages))]
    public async Task An_invalid_value_is_refused_before_any_request(string setting, Action<PackageRequest> spoil)
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        int requestsBefore = world.Simulator.Server.Requests.Count;
        PackageRequest request = Gold();
        spoil(request);
        var packages = new PackageOperations(world.Context);

        var add = await Assert.ThrowsAsync<OperationArgumentException>(() => packages.AddAsync("web01", request));
        var edit = await Assert.ThrowsAsync<OperationArgumentException>(() => packages.EditAsync("web01", request));

        Assert.Equal(setting, add.ParameterName);
        Assert.Equal(OperationErrorIds.InvalidPackage, add.ErrorId);
        Assert.Equal(setting, edit.ParameterName);
        Assert.Equal(requestsBefore, world.Simulator.Server.Requests.Count);
        Assert.Empty(await JournalAsync(world));
    }

    [Fact]
    public async Task Every_problem_is_named_at_once()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);

        var error = await Assert.ThrowsAsync<OperationArgumentException>(() => new PackageOperations(world.Context).AddAsync(
            "web01", new PackageRequest { Name = "gold", Quota = "0", MaxFtp = "5000", MaxDeferFailPercentage = "0" }));

        Assert.Contains("Quota: '0' is refused by cPanel", error.Message);
        Assert.Contains("MaxFtp: '5000'", error.Message);
        Assert.Contains("MaxDeferFailPercentage: '0'", error.Message);
    }

    [Fact]
    public async Task A_package_already_on_the_server_as_asked_is_adopted_without_sending_addpkg()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        var packages = new PackageOperations(world.Context);
        int listingsBefore = world.Simulator.Server.Requests.Count(r => r.Function == "listpkgs");
        await packages.AddAsync("web01", Gold());

        PackageChangeResult again = await packages.AddAsync("web01", Gold());

        Assert.False(again.Changed);
        Assert.Null(again.JournalEntryId);
        Assert.Single(world.Simulator.Server.Requests, r => r.Function == "addpkg");
        // Before and after the change, then once for the second run, which has nothing to send.
        Assert.Equal(listingsBefore + 3, world.Simulator.Server.Requests.Count(r => r.Function == "listpkgs"));
    }

    [Fact]
    public async Task A_package_already_on_the_server_with_other_limits_is_refused_with_the_differences()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);

        var error = await Assert.ThrowsAsync<PackageAlreadyExistsException>(() => new PackageOperations(world.Context).AddAsync(
            "web01", new PackageRequest { Name = OperationsWorld.BasicPackage, Quota = "5000", MaxSql = "5" }));

        Assert.Equal(FailureKind.AlreadyExists, error.Kind);
        PackageDifference difference = Assert.Single(error.Differences);
        Assert.Equal("QUOTA", difference.Key);
        Assert.Equal("1024", difference.Stored);
        Assert.Contains("Set-CpPackage", error.Message);
        Assert.DoesNotContain(world.Simulator.Server.Requests, r => r.Function == "addpkg");
    }

    [Fact]
    public async Task A_lost_addpkg_reply_is_settled_by_reading_the_server_and_not_sent_twice()
    {
        WhmClientOptions options = OperationsWorld.FastClientOptions();
        options.WriteTimeout = TimeSpan.FromMilliseconds(700);
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator, options);
        world.Faults.Set("addpkg", Fault.LateReply(TimeSpan.FromMilliseconds(1500)), 1);

        PackageChangeResult result = await new PackageOperations(world.Context).AddAsync("web01", Gold());

        Assert.True(result.Adopted);
        Assert.Equal(OperationStatus.Succeeded, (await world.Billing.GetOperationAsync(result.JournalEntryId!.Value)).Status);
        Assert.NotNull(result.Package);
        Assert.Single(world.Simulator.Server.Requests, r => r.Function == "addpkg");
    }

    [Fact]
    public async Task Billing_failing_after_the_change_leaves_the_journal_pending_and_says_how_to_catch_up()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        var context = new OperationContext(FailingBilling.Wrap(world.Billing, nameof(IBillingRepository.SyncServerPackagesAsync)), world.Context.Servers, "tests");

        var error = await Assert.ThrowsAsync<BillingBehindServerException>(() => new PackageOperations(context).AddAsync("web01", Gold()));

        Assert.NotNull(world.SimState.FindPackage("gold"));
        Assert.Equal(FailureKind.Database, error.Kind);
        Assert.Equal(OperationStatus.Pending, (await world.Billing.GetOperationAsync(error.JournalEntryId)).Status);
        Assert.Contains("Repair-CpAccount -Server 'web01'", error.Message);

        // Following the advice (once the operation can no longer be running) brings billing in line and settles the entry.
        RepairReport repair = await new ReconcileOperations(world.Context).RepairAsync(
            new ReconcileScope().AddServer("web01"), new RepairOptions { ServerEntryGrace = System.TimeSpan.Zero });
        Assert.Equal(RepairStatus.Done, Assert.Single(repair.Outcomes).Status);
        Assert.NotNull(await world.Billing.FindServerPackageAsync(world.Server.Id, "gold"));
        Assert.Equal(OperationStatus.Succeeded, (await world.Billing.GetOperationAsync(error.JournalEntryId)).Status);
    }

    [Fact]
    public async Task An_edit_changes_only_what_is_given_and_warns_that_accounts_follow()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.AddActiveAccountAsync("bob", "bob.example.com");

        PackageChangeResult result = await new PackageOperations(world.Context).EditAsync(
            "web01", new PackageRequest { Name = OperationsWorld.BasicPackage, MaxSql = "8" });

        SimulatedPackage basic = world.SimState.FindPackage(OperationsWorld.BasicPackage)!;
        Assert.Equal("8", basic.MaxSql);
        Assert.Equal("1024", basic.Quota);
        Assert.Equal("10240", basic.BwLimit);
        Assert.Equal("10", basic.MaxPop);
        Assert.Equal(CountLimit.Of(8), result.Package!.Settings.MaxSql);
        Assert.Equal(MegabyteLimit.Of(1024), result.Package.Settings.Quota);
        Assert.Contains(result.Warnings, w => w.Contains("every account on it (1 in billing)"));
        Assert.Equal("8", Single(world, "editpkg").FormValue("maxsql"));
        Assert.Null(Single(world, "editpkg").FormValue("quota"));
    }

    [Fact]
    public async Task Editing_a_package_the_server_lacks_is_refused_instead_of_creating_it()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);

        var error = await Assert.ThrowsAsync<PackageNotFoundException>(() => new PackageOperations(world.Context).EditAsync(
            "web01", new PackageRequest { Name = "golld", Quota = "100" }));

        Assert.Contains("basic", error.Message);
        Assert.Null(world.SimState.FindPackage("golld"));
        Assert.DoesNotContain(world.Simulator.Server.Requests, r => r.Function == "editpkg");
    }

    [Fact]
    public async Task An_edit_the_package_already_holds_sends_nothing()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);

        PackageChangeResult result = await new PackageOperations(world.Context).EditAsync(
            "web01", new PackageRequest { Name = OperationsWorld.BasicPackage, Quota = "1024", MaxSql = "5" });

        Assert.False(result.Changed);
        Assert.DoesNotContain(world.Simulator.Server.Requests, r => r.Function == "editpkg");
    }

    [Fact]
    public async Task A_package_billing_knows_accounts_on_is_not_removed()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.AddActiveAccountAsync("bob", "bob.example.com");

        var error = await Assert.ThrowsAsync<PackageInUseException>(() => new PackageOperations(world.Context).RemoveAsync("web01", OperationsWorld.BasicPackage));

        Assert.Equal(FailureKind.Conflict, error.Kind);
        Assert.Contains("bob", error.Message);
        Assert.NotNull(world.SimState.FindPackage(OperationsWorld.BasicPackage));
        Assert.DoesNotContain(world.Simulator.Server.Requests, r => r.Function == "killpkg");
    }

    [Fact]
    public async Task The_servers_own_in_use_refusal_is_surfaced_clearly_and_journaled()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        world.SimState.PutAccount(new SimulatedAccount { User = "stray", Domain = "stray.example.com", Plan = OperationsWorld.BasicPackage });

        var error = await Assert.ThrowsAsync<PackageInUseException>(() => new PackageOperations(world.Context).RemoveAsync("web01", OperationsWorld.BasicPackage));

        Assert.Contains("billing does not track", error.Message);
        Assert.IsType<WhmCallFailedException>(error.InnerException);
        OperationJournalEntry entry = Assert.Single(await JournalAsync(world));
        Assert.Equal(OperationStatus.Failed, entry.Status);
        Assert.Equal("killpkg", entry.Function);
    }

    [Fact]
    public async Task A_removed_package_is_marked_in_billing_and_plans_on_it_are_warned_about()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);

        PackageChangeResult result = await new PackageOperations(world.Context).RemoveAsync("web01", OperationsWorld.ProPackage);

        Assert.True(result.Changed);
        Assert.Null(world.SimState.FindPackage(OperationsWorld.ProPackage));
        Assert.True(result.Package!.IsRemoved);
        Assert.Contains(result.Warnings, w => w.Contains("Plan 'Pro'"));
        Assert.Equal(OperationStatus.Succeeded, (await world.Billing.GetOperationAsync(result.JournalEntryId!.Value)).Status);

        PackageChangeResult again = await new PackageOperations(world.Context).RemoveAsync("web01", OperationsWorld.ProPackage);

        Assert.False(again.Changed);
        Assert.Single(world.Simulator.Server.Requests, r => r.Function == "killpkg");
    }

    [Fact]
    public async Task Billings_copy_lists_live_packages_and_on_request_removed_ones()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        var packages = new PackageOperations(world.Context);
        await packages.RemoveAsync("web01", OperationsWorld.ProPackage);

        Assert.Equal(new[] { "basic", "default" }, (await packages.ListAsync("web01")).Select(p => p.Name));
        Assert.Equal(new[] { "basic", "default", "pro" }, (await packages.ListAsync("web01", includeRemoved: true)).Select(p => p.Name));
    }

    [Theory]
    [InlineData("root", "gold", "gold")]
    [InlineData("reseller1", "gold", "reseller1_gold")]
    [InlineData("reseller1", "reseller1_gold", "reseller1_gold")]
    public void A_resellers_packages_are_stored_with_its_prefix(string whmUser, string name, string stored) =>
        Assert.Equal(stored, PackageRules.StoredName(whmUser, name));

    private static PackageRequest Gold() => new()
    {
        Name = "gold",
        Quota = "2048",
        BandwidthLimit = "unlimited",
        MaxFtp = "10",
        MaxSql = "Unlimited",
        MaxPop = "50",
        MaxLists = "0",
        MaxSubdomains = "20",
        MaxParked = "5",
        MaxAddons = "3",
        MaxPassengerApps = "2",
        MaxEmailPerHour = "1500",
        MaxDeferFailPercentage = "80",
        MaxEmailAccountQuota = "1024",
        MaxTeamUsers = 3,
        FeatureList = "default",
        Theme = "jupiter",
        Language = "de",
        PackageExtensions = "ext-one ext-two",
        DedicatedIp = true,
        Cgi = false,
        HasShell = true,
        DigestAuth = true,
        FrontPage = false,
    };

    private static RecordedRequest Single(OperationsWorld world, string function) =>
        Assert.Single(world.Simulator.Server.Requests, r => r.Function == function);

    private static async Task<List<OperationJournalEntry>> JournalAsync(OperationsWorld world)
    {
        var entries = new List<OperationJournalEntry>();
        await foreach (OperationJournalEntry entry in world.Billing.ListOperationsAsync(new OperationJournalQuery { ServerId = world.Server.Id }))
        {
            entries.Add(entry);
        }

        return entries;
    }
}

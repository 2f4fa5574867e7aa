using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Servers;
using CpanelBilling.Testing.Operations;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Operations.Tests.Servers;

/// <summary>Sync-CpServer's core: the server's packages and IPs into billing, nothing silently dropped.</summary>
public sealed class ServerSyncTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;

    public ServerSyncTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task Packages_are_added_refreshed_and_marked_removed_with_every_limit()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        world.SimState.PutPackage(new SimulatedPackage
        {
            Name = "gold", Quota = "20480", BwLimit = "unlimited", MaxFtp = "25", MaxSql = "50", MaxPop = "unlimited", MaxLst = "3",
            MaxSub = "40", MaxPark = "5", MaxAddon = "8", MaxPassengerApps = "2", MaxEmailPerHour = "750", MaxDeferFailPercentage = "60",
            MaxEmailAcctQuota = "2048", MaxTeamUsers = "5", FeatureList = "reseller-features", CpMod = "jupiter", Lang = "de",
            Ip = "y", Cgi = "n", HasShell = "y", DigestAuth = "y",
        });
        world.SimState.PutPackage(world.SimState.FindPackage(OperationsWorld.BasicPackage)! with { Quota = "4096" });
        world.SimState.RemovePackage(OperationsWorld.ProPackage);

        ServerSyncResult result = await new ServerSync(world.Context).SyncAsync("web01");

        Assert.Equal(new[] { "gold" }, result.Packages.Added);
        Assert.Equal(new[] { "basic", "default" }, result.Packages.Updated);
        Assert.Equal(new[] { "pro" }, result.Packages.Removed);
        PackageSettings gold = (await world.Billing.FindServerPackageAsync(world.Server.Id, "gold"))!.Settings;
        Assert.Equal(MegabyteLimit.Of(20480), gold.Quota);
        Assert.Equal(MegabyteLimit.Unlimited, gold.BandwidthLimit);
        Assert.Equal(CountLimit.Of(25), gold.MaxFtp);
        Assert.Equal(CountLimit.Of(50), gold.MaxSql);
        Assert.Equal(CountLimit.Unlimited, gold.MaxPop);
        Assert.Equal(CountLimit.Of(3), gold.MaxLists);
        Assert.Equal(CountLimit.Of(40), gold.MaxSubdomains);
        Assert.Equal(CountLimit.Of(5), gold.MaxParked);
        Assert.Equal(CountLimit.Of(8), gold.MaxAddons);
        Assert.Equal(CountLimit.Of(2), gold.MaxPassengerApps);
        Assert.Equal(CountLimit.Of(750), gold.MaxEmailPerHour);
        Assert.Equal(CountLimit.Of(60), gold.MaxDeferFailPercentage);
        Assert.Equal(MegabyteLimit.Of(2048), gold.MaxEmailAccountQuota);
        Assert.Equal(5, gold.MaxTeamUsers);
        Assert.Equal("reseller-features", gold.FeatureList);
        Assert.Equal("de", gold.Language);
        Assert.True(gold.DedicatedIp);
        Assert.False(gold.Cgi);
        Assert.True(gold.HasShell);
        Assert.True(gold.DigestAuth);
        Assert.Equal(MegabyteLimit.Of(4096), (await world.Billing.FindServerPackageAsync(world.Server.Id, "basic"))!.Settings.Quota);
        ServerPackage pro = (await world.Billing.FindServerPackageAsync(world.Server.Id, "pro"))!;
        Assert.True(pro.IsRemoved);
        Assert.Contains(result.Warnings, w => w.Contains("Plan 'Pro'") && w.Contains("'pro'"));
    }

    [Fact]
    public async Task Ips_are_synced_in_the_same_run_and_billing_keeps_who_holds_which()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account bob = await world.AddActiveAccountAsync("bob", "bob.example.com", world.ProPlan);
        world.SimState.AddIp("192.0.2.20");
        // An address billing still lists but the server no longer has.
        var billingView = (await world.Billing.ListServerIpsAsync(world.Server.Id))
            .Select(ip => new ServerIpDefinition { Address = ip.Address, IsMain = ip.IsMain, IsDedicated = ip.IsDedicated, IsUsed = ip.IsUsedOnServer })
            .Append(new ServerIpDefinition { Address = "192.0.2.99", IsDedicated = true })
            .ToList();
        await world.Billing.SyncServerIpsAsync(world.Server.Id, billingView);

        ServerSyncResult result = await new ServerSync(world.Context).SyncAsync("web01");

        Assert.Equal(new[] { "192.0.2.20" }, result.Ips.Added);
        Assert.Equal(new[] { "192.0.2.99" }, result.Ips.Removed);
        IReadOnlyList<ServerIp> ips = await world.Billing.ListServerIpsAsync(world.Server.Id);
        ServerIp main = Assert.Single(ips, ip => ip.IsMain);
        Assert.Equal(SimulatorState.DefaultMainIp, main.Address);
        Assert.False(main.IsDedicated);
        ServerIp held = Assert.Single(ips, ip => ip.Address == bob.DedicatedIp);
        Assert.Equal(bob.Id, held.DedicatedToAccountId);
        Assert.True(held.IsUsedOnServer);
        Assert.True(ips.Single(ip => ip.Address == "192.0.2.20").IsFree);
        Assert.Equal(bob.DedicatedIp, (await world.Billing.GetAccountAsync(bob.Id)).DedicatedIp);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task An_address_billing_gave_an_account_but_the_server_lists_free_is_reported()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account carol = await world.AddActiveAccountAsync("carol", "carol.example.com", world.ProPlan, onServer: false);

        ServerSyncResult result = await new ServerSync(world.Context).SyncAsync("web01");

        Assert.Contains(result.Warnings, w => w.Contains(carol.DedicatedIp!) && w.Contains("'carol'") && w.Contains("lists it as free"));
        Assert.Equal(carol.DedicatedIp, (await world.Billing.GetAccountAsync(carol.Id)).DedicatedIp);
    }

    [Fact]
    public async Task A_server_failing_half_way_leaves_billing_as_it_was()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        world.SimState.PutPackage(new SimulatedPackage { Name = "gold" });
        world.Faults.Set("listpkgs", Fault.Failure("Something broke."));

        await Assert.ThrowsAsync<Core.Whm.WhmCallFailedException>(() => new ServerSync(world.Context).SyncAsync("web01"));

        Assert.Null(await world.Billing.FindServerPackageAsync(world.Server.Id, "gold"));
    }
}

using System;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Whm;
using CpanelBilling.Testing.Simulator;
using Xunit;

namespace CpanelBilling.Whm.Tests.Client.Integration;

/// <summary>Every function against the simulator over pinned HTTPS: the success path and its typical failures.</summary>
public sealed class SimulatorFunctionTests : IClassFixture<SimulatorFixture>, IDisposable
{
    private const string Password = "Vx9#long-Enough-Passw0rd";
    private readonly SimulatorFixture fixture;
    private readonly SimulatorClients clients;
    private readonly WhmClient client;

    public SimulatorFunctionTests(SimulatorFixture fixture)
    {
        this.fixture = fixture;
        fixture.Reset();
        clients = new SimulatorClients(fixture);
        client = clients.Create();
    }

    public void Dispose() => clients.Dispose();

    [Fact]
    public async Task Server_information()
    {
        Assert.Equal(fixture.State.Version, await client.GetVersionAsync());
        Assert.Equal(fixture.State.Hostname, await client.GetHostnameAsync());
        Assert.Contains(WhmFunctions.CreateAccount, await client.ListFunctionsAsync());
        var ips = await client.ListIpAddressesAsync();
        Assert.Contains(ips, ip => ip.IsMain && ip.Address == fixture.State.MainIp);
        Assert.Contains(ips, ip => !ip.IsUsed && !ip.IsMain);
    }

    [Fact]
    public async Task Account_lifecycle_from_creation_to_removal()
    {
        await client.AddPackageAsync(new WhmPackage("gold", new PackageSettings { Quota = 2048, BandwidthLimit = 10240, MaxFtp = 3 }));

        CreateAccountResult created = await client.CreateAccountAsync(
            new CreateAccountRequest("bob", "bob-example.com") { Password = new WhmSecret(Password), ContactEmail = "bob@example.org" });
        Assert.Equal(fixture.State.MainIp, created.Ip);
        Assert.Equal("default", created.Package);
        Assert.DoesNotContain(Password, created.RawOutput);

        WhmAccount listed = (await client.ListAccountsAsync(AccountQuery.ForUser("bob"))).Single();
        Assert.Equal(("bob", "bob-example.com", "bob@example.org"), (listed.User, listed.Domain, listed.ContactEmail));
        Assert.False(listed.IsSuspended);

        await client.SuspendAccountAsync("bob", "Unpaid invoice 42");
        WhmAccount? suspended = await client.GetAccountSummaryAsync("bob");
        Assert.True(suspended!.IsSuspended);
        Assert.Equal("Unpaid invoice 42", suspended.SuspendReason);
        Assert.Contains("already suspended", (await client.SuspendAccountAsync("bob")).RawOutput);

        await client.UnsuspendAccountAsync("bob");
        Assert.False((await client.GetAccountSummaryByDomainAsync("bob-example.com"))!.IsSuspended);

        await client.ChangePackageAsync("bob", "gold");
        WhmAccount onGold = (await client.GetAccountSummaryAsync("bob"))!;
        Assert.Equal("gold", onGold.Plan);
        Assert.Equal(MegabyteLimit.Of(2048), onGold.DiskLimit);
        Assert.Equal(CountLimit.Of(3), onGold.MaxFtp);

        ModifyAccountResult modified = await client.ModifyAccountAsync(new ModifyAccountRequest("bob") { ContactEmail = "new@example.org", MaxSql = 7 });
        Assert.Equal("bob", modified.User);
        WhmAccount afterModify = (await client.GetAccountSummaryAsync("bob"))!;
        Assert.Equal(("new@example.org", CountLimit.Of(7)), (afterModify.ContactEmail, afterModify.MaxSql));

        BandwidthLimitResult limited = await client.LimitBandwidthAsync("bob", 500);
        Assert.Equal(500L * 1024 * 1024, limited.LimitBytes);
        Assert.Contains("bob-example.com", limited.Domains);

        await client.EditQuotaAsync("bob", MegabyteLimit.Unlimited);
        Assert.Equal(MegabyteLimit.Unlimited, (await client.GetAccountSummaryAsync("bob"))!.DiskLimit);

        Assert.Contains("system", await client.ChangePasswordAsync("bob", new WhmSecret("An0ther-Strong#Passw0rd")));

        string freeIp = (await client.ListIpAddressesAsync()).First(ip => !ip.IsUsed && !ip.IsMain).Address;
        await client.SetSiteIpAsync("bob", freeIp);
        Assert.Equal(freeIp, (await client.GetAccountSummaryAsync("bob"))!.Ip);

        fixture.State.AddBandwidth("bob", DateTime.UtcNow.Year, DateTime.UtcNow.Month, 5_000_000);
        BandwidthReport report = await client.GetBandwidthAsync();
        AccountBandwidth usage = report.Accounts.Single(a => a.User == "bob");
        Assert.Equal(5_000_000, usage.TotalBytes);
        Assert.Equal(500L * 1024 * 1024, usage.LimitBytes);

        Assert.Equal("bob account removed", (await client.RemoveAccountAsync("bob")).Reason);
        Assert.Null(await client.GetAccountSummaryAsync("bob"));
        Assert.Empty(await client.ListAccountsAsync(AccountQuery.ForUser("bob")));
        Assert.Empty(await client.ListAccountsAsync());
    }

    [Fact]
    public async Task Packages_add_edit_list_delete()
    {
        Assert.Equal("silver", await client.AddPackageAsync(new WhmPackage("silver", new PackageSettings { Quota = 1024, MaxAddons = 2, Cgi = false })));
        Assert.Equal("silver", await client.EditPackageAsync(new WhmPackage("silver", new PackageSettings { Quota = 4096 })));

        PackageSettings silver = (await client.ListPackagesAsync(PackageVisibility.All)).Single(p => p.Name == "silver").Settings;
        Assert.Equal(MegabyteLimit.Of(4096), silver.Quota);
        Assert.Equal(CountLimit.Of(2), silver.MaxAddons);
        Assert.False(silver.Cgi);

        await client.DeletePackageAsync("silver");
        Assert.DoesNotContain(await client.ListPackagesAsync(PackageVisibility.All), p => p.Name == "silver");
    }

    [Fact]
    public async Task Failures_are_classified_by_kind()
    {
        await client.CreateAccountAsync(new CreateAccountRequest("alice", "alice-example.com") { Password = new WhmSecret(Password) });
        await client.AddPackageAsync(new WhmPackage("used"));
        await client.ChangePackageAsync("alice", "used");

        await AssertKind(FailureKind.AlreadyExists, () => client.CreateAccountAsync(new CreateAccountRequest("alice", "other-example.com")));
        await AssertKind(FailureKind.AlreadyExists, () => client.CreateAccountAsync(new CreateAccountRequest("carol", "alice-example.com")));
        await AssertKind(FailureKind.InvalidArgument, () => client.CreateAccountAsync(new CreateAccountRequest("9bad", "bad-example.com")));
        await AssertKind(FailureKind.NotFound, () => client.CreateAccountAsync(new CreateAccountRequest("dave", "dave-example.com") { Plan = "nosuch" }));
        await AssertKind(FailureKind.AlreadyExists, () => client.AddPackageAsync(new WhmPackage("used")));
        await AssertKind(FailureKind.NotFound, () => client.DeletePackageAsync("nosuch"));
        await AssertKind(FailureKind.Other, () => client.DeletePackageAsync("used"));
        await AssertKind(FailureKind.NotFound, () => client.ChangePackageAsync("alice", "nosuch"));
        await AssertKind(FailureKind.InvalidArgument, () => client.ChangePasswordAsync("alice", new WhmSecret("abc")));
        await AssertKind(FailureKind.InvalidArgument, () => client.SetSiteIpAsync("alice", "203.0.113.99"));
        await AssertKind(FailureKind.NotFound, () => client.SetSiteIpAsync("ghost", fixture.State.MainIp));

        foreach (Func<Task> call in new Func<Task>[]
        {
            () => client.RemoveAccountAsync("ghost"),
            () => client.SuspendAccountAsync("ghost"),
            () => client.UnsuspendAccountAsync("ghost"),
            () => client.ChangePackageAsync("ghost", "used"),
            () => client.ModifyAccountAsync(new ModifyAccountRequest("ghost") { MaxFtp = 1 }),
            () => client.LimitBandwidthAsync("ghost", 100),
            () => client.EditQuotaAsync("ghost", 100),
            () => client.ChangePasswordAsync("ghost", new WhmSecret(Password)),
        })
        {
            WhmCallFailedException failure = await AssertKind(FailureKind.NotFound, call);
            Assert.Contains("ghost", failure.Reason);
        }

        Assert.Null(await client.GetAccountSummaryAsync("ghost"));
    }

    [Fact]
    public async Task No_free_ip_is_its_own_kind()
    {
        int free = fixture.State.FreeIps.Count;
        for (int i = 0; i < free; i++)
        {
            CreateAccountResult dedicated = await client.CreateAccountAsync(new CreateAccountRequest("ded" + i, $"ded{i}-example.com") { DedicatedIp = true });
            Assert.NotEqual(fixture.State.MainIp, dedicated.Ip);
        }

        var failure = await AssertKind(FailureKind.NoFreeIp, () => client.CreateAccountAsync(new CreateAccountRequest("onemore", "onemore-example.com") { DedicatedIp = true }));
        Assert.Equal("onemore", failure.Target);
    }

    private static async Task<WhmCallFailedException> AssertKind(FailureKind kind, Func<Task> call)
    {
        var failure = await Assert.ThrowsAsync<WhmCallFailedException>(call);
        Assert.True(kind == failure.Kind, $"expected {kind}, got {failure.Kind} for \"{failure.Reason}\"");
        return failure;
    }
}

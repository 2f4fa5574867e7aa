using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Servers;
using CpanelBilling.Testing.Operations;
using Xunit;

namespace CpanelBilling.Operations.Tests.Servers;

/// <summary>Servers in billing: what is stored is always connectable, and removing one never happens by accident.</summary>
public sealed class ServerOperationsTests : IClassFixture<OperationsWorldFixture>
{
    private const string Thumbprint = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
    private readonly OperationsWorldFixture simulator;

    public ServerOperationsTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task An_added_server_keeps_tidy_settings_and_only_a_reference_to_its_token()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        var servers = new ServerOperations(world.Context);

        BillingServer added = await servers.AddAsync(new ServerDefinition
        {
            Name = " web02 ",
            HostName = " WEB02.example.net ",
            WhmUser = "reseller1",
            TokenVault = "HostingVault",
            CertificateThumbprint = Thumbprint,
            MaxConcurrentRequests = 6,
            MaxConcurrentAccountLifecycleCalls = 1,
        });

        BillingServer stored = await servers.GetAsync("WEB02");
        Assert.Equal(added.Id, stored.Id);
        Assert.Equal("web02", stored.Name);
        Assert.Equal("WEB02.example.net", stored.Settings.HostName);
        Assert.Equal(2087, stored.Settings.Port);
        Assert.Equal("reseller1", stored.Settings.WhmUser);
        Assert.Equal("HostingVault", stored.Settings.TokenVault);
        Assert.Equal("CpanelBilling-web02", stored.Settings.TokenSecretName);
        Assert.Equal(Thumbprint.Replace(":", "").ToLowerInvariant(), stored.Settings.PinnedCertificateThumbprint);
        Assert.Equal(6, stored.Settings.MaxConcurrentRequests);
        Assert.Equal(1, stored.Settings.MaxConcurrentAccountLifecycleCalls);
        Assert.True(stored.Settings.Enabled);
        Assert.Equal(new[] { "web01", "web02" }, (await servers.ListAsync()).Select(s => s.Name));
    }

    [Theory]
    [InlineData("web02", "https://web02.example.net", 2087, "root", null, 4, 2, "HostName")]
    [InlineData("web02", "web02.example.net:2087", 2087, "root", null, 4, 2, "HostName")]
    [InlineData("web02", "web02.example.net", 2086, "root", null, 4, 2, "Port")]
    [InlineData("web02", "web02.example.net", 2083, "root", null, 4, 2, "Port")]
    [InlineData("web02", "web02.example.net", 0, "root", null, 4, 2, "Port")]
    [InlineData("web02", "web02.example.net", 2087, "re seller", null, 4, 2, "WhmUser")]
    [InlineData("web02", "web02.example.net", 2087, "root:x", null, 4, 2, "WhmUser")]
    [InlineData("web02", "web02.example.net", 2087, "root", "0123456789abcdef0123456789abcdef01234567", 4, 2, "CertificateThumbprint")]
    [InlineData("web02", "web02.example.net", 2087, "root", null, 2, 0, "MaxConcurrentAccountLifecycleCalls")]
    [InlineData("web02", "web02.example.net", 2087, "root", null, 0, 1, "MaxConcurrentRequests")]
    [InlineData("web*", "web02.example.net", 2087, "root", null, 4, 2, "Name")]
    [InlineData("  ", "web02.example.net", 2087, "root", null, 4, 2, "Name")]
    public async Task A_server_that_could_not_be_connected_to_as_given_is_refused_and_nothing_is_stored(
        string name, string host, int port, string user, string? thumbprint, int requests, int changes, string refused)
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);

        var error = await Assert.ThrowsAsync<OperationArgumentException>(() => new ServerOperations(world.Context).AddAsync(new ServerDefinition
        {
            Name = name,
            HostName = host,
            Port = port,
            WhmUser = user,
            CertificateThumbprint = thumbprint,
            MaxConcurrentRequests = requests,
            MaxConcurrentAccountLifecycleCalls = changes,
        }));

        Assert.Equal(refused, error.ParameterName);
        Assert.Equal(FailureKind.InvalidArgument, error.Kind);
        Assert.Equal(OperationErrorIds.InvalidServerSettings, error.ErrorId);
        Assert.Single(await world.Billing.ListServersAsync());
    }

    [Fact]
    public async Task Wrong_ports_are_explained()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);

        var error = await Assert.ThrowsAsync<OperationArgumentException>(() => new ServerOperations(world.Context).AddAsync(
            new ServerDefinition { Name = "web02", HostName = "web02.example.net", Port = 2086 }));

        Assert.Contains("plain-HTTP", error.Message);
        Assert.Contains("2087", error.Message);
    }

    [Fact]
    public async Task An_update_changes_only_what_is_given_and_an_empty_pin_removes_the_pin()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        var servers = new ServerOperations(world.Context);
        ServerSettings before = world.Server.Settings;

        BillingServer updated = await servers.UpdateAsync("web01", new ServerUpdate { MaxConcurrentRequests = 8, CertificateThumbprint = "" });

        Assert.Equal(8, updated.Settings.MaxConcurrentRequests);
        Assert.Null(updated.Settings.PinnedCertificateThumbprint);
        Assert.Equal(before.HostName, updated.Settings.HostName);
        Assert.Equal(before.Port, updated.Settings.Port);
        Assert.Equal(before.WhmUser, updated.Settings.WhmUser);
        Assert.Equal(before.TokenSecretName, updated.Settings.TokenSecretName);
        Assert.Equal(before.MaxConcurrentAccountLifecycleCalls, updated.Settings.MaxConcurrentAccountLifecycleCalls);

        await Assert.ThrowsAsync<OperationArgumentException>(() => servers.UpdateAsync("web01", new ServerUpdate { Port = 2095 }));
        Assert.Equal(before.Port, (await servers.GetAsync("web01")).Settings.Port);
    }

    [Fact]
    public async Task A_disabled_server_stays_in_billing_and_operations_leave_it_alone()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        var servers = new ServerOperations(world.Context);

        BillingServer disabled = await servers.SetEnabledAsync("web01", false);

        Assert.False(disabled.Settings.Enabled);
        Assert.Empty(await servers.ListAsync(includeDisabled: false));
        await Assert.ThrowsAsync<ServerDisabledException>(() => new ServerSync(world.Context).SyncAsync("web01"));
        Assert.True((await servers.SetEnabledAsync("web01", true)).Settings.Enabled);
    }

    [Fact]
    public async Task An_unknown_server_is_a_typed_not_found()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);

        var error = await Assert.ThrowsAsync<ServerNotFoundException>(() => new ServerOperations(world.Context).GetAsync("web99"));

        Assert.Equal(FailureKind.NotFound, error.Kind);
        Assert.Equal("web99", error.Target);
        Assert.Contains("Add-CpServer", error.Message);
    }

    [Fact]
    public async Task A_server_with_live_accounts_is_removed_only_when_forced_and_the_refusal_says_so()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        var servers = new ServerOperations(world.Context);
        await world.AddActiveAccountAsync("bob", "bob.example.com");
        await world.AddActiveAccountAsync("carol", "carol.example.com");

        var refused = await Assert.ThrowsAsync<ServerHasLiveAccountsException>(() => servers.RemoveAsync("web01"));

        Assert.Equal(2, refused.LiveAccounts);
        Assert.Equal(FailureKind.Conflict, refused.Kind);
        Assert.Contains("-Force", refused.Message);
        Assert.NotNull(await world.Billing.FindServerAsync("web01"));

        ServerRemoval removal = await servers.RemoveAsync("web01", force: true);

        Assert.Equal(2, removal.RemovedAccounts);
        Assert.Equal(2, removal.LiveAccounts);
        Assert.Null(await world.Billing.FindServerAsync("web01"));
        Assert.Equal(2, world.SimState.Accounts.Count); // the server itself is not touched
    }
}

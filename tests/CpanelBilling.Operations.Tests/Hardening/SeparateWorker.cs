using System;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Logging;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Leases;
using CpanelBilling.Core.Operations.Servers;
using CpanelBilling.Core.Whm;
using CpanelBilling.Testing.Operations;

namespace CpanelBilling.Operations.Tests.Hardening;

/// <summary>
/// Another worker on a world's billing database and server, as a second runbook (another process, another
/// machine) would be: its own repository and connections, its own WHM client factory, credentials and throttles,
/// its own actor. Nothing is shared with the world's context but the database file and the server. Its WHM calls
/// go to the world's call log (memory and file), so log assertions see every call made.
/// </summary>
internal sealed class SeparateWorker : IAsyncDisposable
{
    private readonly WhmClientFactory clients;

    private SeparateWorker(OperationContext context, WhmClientFactory clients)
    {
        Context = context;
        this.clients = clients;
    }

    public OperationContext Context { get; }

    /// <param name="token">The API token this worker sends; another than the server's to test a wrong one.</param>
    public static async Task<SeparateWorker> StartAsync(OperationsWorld world, string actor, string? token = null, LeaseOptions? leases = null)
    {
        IBillingRepository billing = await world.OpenBillingAgainAsync();
        WhmClientOptions options = OperationsWorld.FastClientOptions();
        options.CallLog = new CompositeCallLogSink(world.CallLog, new FileCallLogSink(world.CallLogPath));
        var clients = new WhmClientFactory(options);
        var credentials = new SessionCredentialStore();
        credentials.Set(world.Server.Name, new WhmCredential(world.Simulator.User, token ?? world.Simulator.Token));
        return new SeparateWorker(new OperationContext(billing, new ServerConnector(clients, credentials), actor, leases), clients);
    }

    public ValueTask DisposeAsync()
    {
        clients.Dispose();
        return default;
    }
}

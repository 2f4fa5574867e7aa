using System;
using CpanelBilling.Core.Logging;
using CpanelBilling.Core.Whm;
using CpanelBilling.Testing.Simulator;

namespace CpanelBilling.Whm.Tests.Client.Integration;

/// <summary>Clients for the simulator over real loopback HTTPS, pinned to its certificate, with short test timeouts.</summary>
internal sealed class SimulatorClients : IDisposable
{
    private readonly SimulatorFixture fixture;

    public SimulatorClients(SimulatorFixture fixture) => this.fixture = fixture;

    public WhmClientFactory Factory { get; } = new();

    public MemoryCallLogSink Log { get; } = new();

    public WhmEndpoint PinnedEndpoint => new(fixture.BaseUri.Host, fixture.BaseUri.Port, fixture.CertificateSha256);

    public WhmClient Create(Action<WhmClientOptions>? configure = null, string? token = null, WhmEndpoint? endpoint = null)
    {
        var options = new WhmClientOptions
        {
            ReadTimeout = TimeSpan.FromSeconds(5),
            WriteTimeout = TimeSpan.FromSeconds(5),
            AccountLifecycleTimeout = TimeSpan.FromSeconds(5),
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            RetryMaxDelay = TimeSpan.FromMilliseconds(20),
            CallLog = Log,
        };
        configure?.Invoke(options);
        return Factory.CreateClient(endpoint ?? PinnedEndpoint, new WhmCredential(fixture.User, token ?? fixture.Token), options);
    }

    public void Dispose() => Factory.Dispose();
}

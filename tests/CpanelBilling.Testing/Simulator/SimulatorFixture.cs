using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Testing.Simulator;

/// <summary>
/// An xunit class fixture that runs one simulated WHM server over loopback HTTPS for a test class and stops it
/// afterwards. Use as <c>IClassFixture&lt;SimulatorFixture&gt;</c>; call <see cref="Reset"/> at the start of a test
/// that needs a clean server. cPHulk-style lockout is off by default so tests of wrong credentials cannot lock out
/// the rest of the class; derive and override <see cref="CreateOptions"/> to change any option.
/// </summary>
public class SimulatorFixture : IAsyncLifetime
{
    private WhmSimulatorServer? _server;

    /// <summary>The running server (available once xunit has initialised the fixture).</summary>
    public WhmSimulatorServer Server => _server ?? throw new InvalidOperationException("The simulator has not started.");

    /// <summary>The server's base URL, e.g. <c>https://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri => Server.BaseUri;

    /// <summary>The certificate's SHA-256 thumbprint to pin.</summary>
    public string CertificateSha256 => Server.CertificateSha256!;

    public string User => Server.User;

    public string Token => Server.Token;

    public SimulatorState State => Server.State;

    public FaultPlan Faults => Server.Faults;

    /// <summary>
    /// Clears accounts, packages and bandwidth (the IP pool and hostname stay), disarms faults, forgets recorded
    /// requests and lifts lockouts.
    /// </summary>
    public void Reset()
    {
        Server.State.Clear();
        Server.Faults.Clear();
        Server.ClearRequests();
        Server.ResetLockout();
    }

    /// <summary>An HttpClient for the server: pinned to its certificate, base address set, and — unless
    /// <paramref name="authenticated"/> is false — sending <c>Authorization: whm USER:TOKEN</c>.</summary>
    public HttpClient CreateHttpClient(bool authenticated = true, TimeSpan? timeout = null)
    {
        var client = new HttpClient(PinnedHttpHandler.Create(CertificateSha256), disposeHandler: true)
        {
            BaseAddress = BaseUri,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };
        if (authenticated)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("whm", $"{User}:{Token}");
        }

        return client;
    }

    public async Task InitializeAsync() => _server = await WhmSimulatorServer.StartAsync(CreateOptions()).ConfigureAwait(false);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The options the server starts with: HTTPS on 127.0.0.1, any port, lockout off.</summary>
    protected virtual SimulatorOptions CreateOptions() => new() { LockoutAfter = 0 };
}

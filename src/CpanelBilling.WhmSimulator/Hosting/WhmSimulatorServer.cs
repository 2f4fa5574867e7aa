using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.WhmSimulator.Api;
using CpanelBilling.WhmSimulator.Hosting;
using CpanelBilling.WhmSimulator.Recording;
using CpanelBilling.WhmSimulator.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CpanelBilling.WhmSimulator;

/// <summary>
/// A running simulated WHM server: real HTTP(S) on loopback (Kestrel), stateful and thread-safe. Start one with
/// <see cref="StartAsync"/>; dispose it to stop.
/// </summary>
public sealed class WhmSimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestJournal _journal;
    private readonly BruteForceGuard _guard;
    private readonly X509Certificate2? _certificate;
    private WhmRequestHandler? _handler;
    private long _latencyTicks;
    private long _newAccountUsageMb;
    private int _resultAsString;
    private int _disposed;

    private WhmSimulatorServer(WebApplication app, RequestJournal journal, BruteForceGuard guard, X509Certificate2? certificate,
        SimulatorOptions options, SimulatorState state, string token)
    {
        _app = app;
        _journal = journal;
        _guard = guard;
        _certificate = certificate;
        CertificateSha256 = certificate is null ? null : SelfSignedCertificate.Sha256Thumbprint(certificate);
        User = options.User;
        Token = token;
        State = state;
        Latency = options.Latency;
        ResultAsString = options.ResultAsString;
        NewAccountUsageMb = options.NewAccountUsageMb;
    }

    /// <summary>The first listen URL with the real port, ending in <c>/</c> (e.g. <c>https://127.0.0.1:41234/</c>).</summary>
    public Uri BaseUri => Urls[0];

    /// <summary>Every bound URL with its real port.</summary>
    public IReadOnlyList<Uri> Urls { get; private set; } = Array.Empty<Uri>();

    /// <summary>Uppercase hex SHA-256 of the served certificate's DER encoding, or null when serving plain HTTP only.</summary>
    public string? CertificateSha256 { get; }

    /// <summary>The served certificate (public part), or null when serving plain HTTP only.</summary>
    public X509Certificate2? Certificate => _certificate;

    public string User { get; }

    public string Token { get; }

    /// <summary>The live server state; tests seed and inspect it directly.</summary>
    public SimulatorState State { get; }

    /// <summary>The armed faults; tests change them while the server runs.</summary>
    public FaultPlan Faults { get; } = new();

    /// <summary>A delay before every reply (changeable while running).</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value < TimeSpan.Zero ? throw new ArgumentOutOfRangeException(nameof(value)) : value.Ticks);
    }

    /// <summary>
    /// Test knob, not WHM behaviour: megabytes of bandwidth usage each account createacct makes starts with, in the
    /// month it is created (changeable while running; see <see cref="SimulatorOptions.NewAccountUsageMb"/>).
    /// </summary>
    public long NewAccountUsageMb
    {
        get => Interlocked.Read(ref _newAccountUsageMb);
        set => Interlocked.Exchange(ref _newAccountUsageMb, CheckUsage(value, nameof(value)));
    }

    /// <summary>Send <c>metadata.result</c> as a JSON string on every reply (changeable while running).</summary>
    public bool ResultAsString
    {
        get => Volatile.Read(ref _resultAsString) == 1;
        set => Volatile.Write(ref _resultAsString, value ? 1 : 0);
    }

    /// <summary>
    /// A snapshot of the requests received so far, rejected ones included, in arrival order: the newest
    /// <see cref="SimulatorOptions.RequestJournalCapacity"/> of them.
    /// </summary>
    public IReadOnlyList<RecordedRequest> Requests => _journal.Snapshot();

    public void ClearRequests() => _journal.Clear();

    /// <summary>Lifts every cPHulk-style lockout and forgets counted failures.</summary>
    public void ResetLockout() => _guard.Reset();

    /// <summary>
    /// Completes once no request is being handled, for tests that must know the server has finished with a call
    /// their client gave up on (e.g. after a timeout) before they inspect <see cref="State"/>.
    /// </summary>
    public async Task WaitUntilIdleAsync(CancellationToken cancellationToken = default)
    {
        while (_handler is { InFlight: > 0 })
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Starts a server and returns once it listens.</summary>
    /// <exception cref="FormatException">A URL or fault rule in <paramref name="options"/> is malformed.</exception>
    public static async Task<WhmSimulatorServer> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RequestJournalCapacity, 1, nameof(options.RequestJournalCapacity));
        CheckUsage(options.NewAccountUsageMb, nameof(options.NewAccountUsageMb));
        var urls = (options.Urls.Count == 0 ? new[] { SimulatorOptions.DefaultUrl } : options.Urls).Select(ListenUrl.Parse).ToArray();
        var state = options.State ?? (options.StateFile is null ? SimulatorState.CreateDefault() : StateFile.Load(options.StateFile));
        if (options.Hostname is not null)
        {
            state.Hostname = options.Hostname;
        }

        var faultRules = options.Faults.Select(FaultPlan.ParseRule).ToArray();
        var token = options.Token ?? RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 32);
        var certificate = urls.Any(u => u.Https) ? SelfSignedCertificate.Create(state.Hostname, options.Clock) : null;

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(WhmSimulatorServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            foreach (var url in urls)
            {
                kestrel.Listen(url.Address, url.Port, listen =>
                {
                    // cpsrvd speaks HTTP/1.1 only.
                    listen.Protocols = HttpProtocols.Http1;
                    if (url.Https)
                    {
                        listen.UseHttps(certificate!);
                    }
                });
            }
        });

        var app = builder.Build();
        var journal = new RequestJournal(options.RequestJournalCapacity);
        var guard = new BruteForceGuard(options.LockoutAfter, options.LockoutDuration, options.Clock);
        var server = new WhmSimulatorServer(app, journal, guard, certificate, options, state, token);
        foreach (var rule in faultRules)
        {
            if (rule.RemainingCalls is { } calls)
            {
                server.Faults.Set(rule.Function, rule.Fault, calls);
            }
            else
            {
                server.Faults.Set(rule.Function, rule.Fault);
            }
        }

        var handler = new WhmRequestHandler(server, new WhmApi(), journal, new TokenAuthenticator(options.User, token), guard,
            options.Clock, options.Log);
        server._handler = handler;
        app.Run(handler.HandleAsync);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        server.Urls = addresses.Select(a => new Uri(a.EndsWith('/') ? a : a + "/")).ToArray();
        return server;
    }

    private static long CheckUsage(long megabytes, string name) =>
        megabytes is < 0 or > SimulatorOptions.MaxNewAccountUsageMb
            ? throw new ArgumentOutOfRangeException(name, megabytes, $"New-account usage must be 0 to {SimulatorOptions.MaxNewAccountUsageMb} MB.")
            : megabytes;

    /// <summary>Stops listening; in-flight requests get a short grace period.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            await _app.StopAsync(grace.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _certificate?.Dispose();
    }
}

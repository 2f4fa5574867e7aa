using System;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CpanelBilling.Core.Whm;
using CpanelBilling.WhmSimulator;

namespace CpanelBilling.Benchmarks.Whm;

/// <summary>
/// <c>version</c> calls through <see cref="WhmClient"/> against the in-process simulator over HTTPS with a pinned
/// certificate: one after another, and four at a time (the default per-server request limit in billing). Op/s is
/// calls per second. At the end each run prints how many TLS connections the client opened for all its calls,
/// counted from .NET's own <c>System.Net.Http</c> metrics (one handshake per connection).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
[Config(typeof(OperationsPerSecondConfig))]
public class WhmRoundTripBenchmarks
{
    private const int CallsPerInvocation = 1_000;
    private const int Concurrency = 4;

    private WhmSimulatorServer _simulator = null!;
    private WhmClientFactory _factory = null!;
    private WhmClient _client = null!;
    private MeterListener _connections = null!;
    private long _connectionsClosed;
    private long _calls;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _connections = ListenForClosedConnections();
        _simulator = await WhmSimulatorServer.StartAsync(new SimulatorOptions { LockoutAfter = 0 });
        _factory = new WhmClientFactory();
        _client = _factory.CreateClient(
            new WhmEndpoint("127.0.0.1", _simulator.BaseUri.Port, _simulator.CertificateSha256),
            new WhmCredential(_simulator.User, _simulator.Token));
        await CallAsync(1);
    }

    /// <summary>The simulator records every request; forgetting them keeps its memory, and so the timings, steady.</summary>
    [IterationCleanup]
    public void ForgetRecordedRequests() => _simulator.ClearRequests();

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        // Closing the pool ends every connection, and .NET records each one's duration as it closes.
        _factory.Dispose();
        await _simulator.DisposeAsync();
        _connections.Dispose();
        Console.WriteLine($"// {Interlocked.Read(ref _calls):N0} version calls were made over {Interlocked.Read(ref _connectionsClosed)} TLS connection(s).");
    }

    [Benchmark(OperationsPerInvoke = CallsPerInvocation, Description = "version, one at a time")]
    public Task Sequential() => CallAsync(CallsPerInvocation);

    [Benchmark(OperationsPerInvoke = CallsPerInvocation, Description = "version, 4 at a time")]
    public Task Concurrent() =>
        Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => CallAsync(CallsPerInvocation / Concurrency)));

    private async Task CallAsync(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            if (await _client.GetVersionAsync() != SimulatorState.DefaultVersion)
            {
                throw new InvalidOperationException("version returned something unexpected.");
            }
        }

        Interlocked.Add(ref _calls, calls);
    }

    private MeterListener ListenForClosedConnections()
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.connection.duration")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _connectionsClosed));
        listener.Start();
        return listener;
    }
}

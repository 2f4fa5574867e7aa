using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CpanelBilling.Core.Whm;
using CpanelBilling.Testing.Simulator;
using CpanelBilling.WhmSimulator;

namespace CpanelBilling.Benchmarks.Whm;

/// <summary>
/// Reading listaccts and showbw replies of 5,000 accounts. The replies are generated once by the simulator (real
/// cPanel shapes, about 6 MB and 2 MB) and then replayed by a server that does no work per request, over pinned HTTPS
/// on loopback. Per reply: the client call (transfer, JSON parse, mapping to WhmAccount / BandwidthReport), the
/// same request made with a plain HttpClient that only reads the bytes (the baseline: what the client adds is the
/// difference), and JsonDocument.Parse alone on the bytes in memory.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
// An operation takes tens of milliseconds and the first ones run while tiered JIT is still optimizing the 5,000-fold loops:
// several operations per iteration and a longer warm-up.
[SimpleJob(launchCount: 1, warmupCount: 8, iterationCount: 12)]
[InvocationCount(4)]
public class WhmReplyParsingBenchmarks
{
    private const int Accounts = 5_000;
    private const string ListAccounts = "listaccts";
    private const string ShowBandwidth = "showbw";

    private readonly Dictionary<string, byte[]> _replies = new();
    private WhmSimulatorServer _simulator = null!;
    private ReplayWhmServer _replay = null!;
    private WhmClientFactory _factory = null!;
    private WhmClient _client = null!;
    private HttpClient _http = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _simulator = await LargeWhmServer.StartAsync(Accounts);
        using (HttpClient simulatorHttp = CreatePooledHttpClient(_simulator.BaseUri))
        {
            _replies[ListAccounts] = await PostAsync(simulatorHttp, ListAccounts);
            _replies[ShowBandwidth] = await PostAsync(simulatorHttp, ShowBandwidth);
        }

        // The replay server presents the simulator's certificate, so the client pins the same thumbprint.
        _replay = await ReplayWhmServer.StartAsync(_simulator.Certificate!, _replies);
        var endpoint = new WhmEndpoint("127.0.0.1", _replay.Port, _simulator.CertificateSha256);
        _factory = new WhmClientFactory();
        _client = _factory.CreateClient(endpoint, new WhmCredential(_simulator.User, _simulator.Token));
        _http = CreatePooledHttpClient(endpoint.BaseUri);

        Expect((await _client.ListAccountsAsync()).Count, "listaccts accounts");
        Expect((await _client.GetBandwidthAsync()).Accounts.Count, "showbw accounts");
        Console.WriteLine($"// listaccts reply: {_replies[ListAccounts].Length:N0} bytes, showbw reply: {_replies[ShowBandwidth].Length:N0} bytes");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _http.Dispose();
        _factory.Dispose();
        await _replay.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [BenchmarkCategory(ListAccounts), Benchmark(Baseline = true, Description = "HttpClient, bytes only")]
    public Task<byte[]> ListAccountsTransfer() => PostAsync(_http, ListAccounts);

    [BenchmarkCategory(ListAccounts), Benchmark(Description = "WhmClient.ListAccountsAsync")]
    public async Task<int> ListAccountsClient() => (await _client.ListAccountsAsync()).Count;

    [BenchmarkCategory(ListAccounts), Benchmark(Description = "JsonDocument.Parse, in memory")]
    public int ListAccountsJsonOnly() => ParseJson(ListAccounts);

    [BenchmarkCategory(ShowBandwidth), Benchmark(Baseline = true, Description = "HttpClient, bytes only")]
    public Task<byte[]> ShowBandwidthTransfer() => PostAsync(_http, ShowBandwidth);

    [BenchmarkCategory(ShowBandwidth), Benchmark(Description = "WhmClient.GetBandwidthAsync")]
    public async Task<int> ShowBandwidthClient() => (await _client.GetBandwidthAsync()).Accounts.Count;

    [BenchmarkCategory(ShowBandwidth), Benchmark(Description = "JsonDocument.Parse, in memory")]
    public int ShowBandwidthJsonOnly() => ParseJson(ShowBandwidth);

    private int ParseJson(string function)
    {
        using JsonDocument document = JsonDocument.Parse(_replies[function]);
        return document.RootElement.GetProperty("data").GetProperty("acct").GetArrayLength();
    }

    /// <summary>The request the client sends (form body <c>api.version=1</c>, token header), reading the reply as bytes.</summary>
    private async Task<byte[]> PostAsync(HttpClient http, string function)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "json-api/" + function)
        {
            Content = new ByteArrayContent(Encoding.ASCII.GetBytes("api.version=1")),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.TryAddWithoutValidation("Authorization", $"whm {_simulator.User}:{_simulator.Token}");
        using HttpResponseMessage response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    // Pooled like the client's own connection, so the baseline does not pay a handshake per request either.
    private HttpClient CreatePooledHttpClient(Uri baseUri)
    {
        var handler = PinnedHttpHandler.Create(_simulator.CertificateSha256!);
        handler.PooledConnectionLifetime = Timeout.InfiniteTimeSpan;
        return new HttpClient(handler) { BaseAddress = baseUri };
    }

    private static void Expect(int count, string what)
    {
        if (count != Accounts)
        {
            throw new InvalidOperationException($"The reply held {count} {what} instead of {Accounts}.");
        }
    }
}

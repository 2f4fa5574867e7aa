using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Benchmarks.Billing;

/// <summary>
/// Recording one bandwidth reading of a server with 10,000 accounts on SQLite: the repository's set-based
/// <see cref="IBillingRepository.RecordBandwidthAsync"/> with all observations in one call (one transaction), against
/// the naive loop a caller might write, one call (one transaction, one commit) per account. Every iteration starts from
/// the same state: one earlier reading is recorded for every account, and the new reading adds a row for each.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class BandwidthRecordingBenchmarks
{
    private const int Accounts = 10_000;
    private const long EarlierTotal = 1_000_000;
    private const long NewTotal = 5_000_000;

    private SeededBilling _billing = null!;
    private BandwidthReading _reading = null!;
    private BandwidthReading[] _perAccountReadings = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _billing = await SeededBilling.CreateAsync(Accounts);
        List<long> ids = await _billing.AccountIdsAsync();
        var month = BillingMonth.Of(DateTime.UtcNow);
        await _billing.Repository.RecordBandwidthAsync(Reading(month, ids.Select(id => new BandwidthObservation(id, EarlierTotal + id))));

        _reading = Reading(month, ids.Select(id => new BandwidthObservation(id, NewTotal + id)));
        _perAccountReadings = _reading.Observations.Select(o => Reading(month, new[] { o })).ToArray();
    }

    /// <summary>Forgets what the previous iteration recorded and checkpoints the WAL, so each iteration does the same work.</summary>
    [IterationSetup]
    public void ResetToEarlierReading()
    {
        _billing.ExecuteAsync($"DELETE FROM bandwidth_records WHERE server_total_bytes >= {NewTotal}").GetAwaiter().GetResult();
        _billing.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)").GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _billing.DisposeAsync();

    [Benchmark(Baseline = true, Description = "RecordBandwidthAsync, 10,000 accounts in one call")]
    public async Task<int> SetBased()
    {
        return Expect(await _billing.Repository.RecordBandwidthAsync(_reading));
    }

    [Benchmark(Description = "RecordBandwidthAsync, 10,000 calls of one account")]
    public async Task<int> PerAccount()
    {
        int recorded = 0;
        foreach (BandwidthReading reading in _perAccountReadings)
        {
            recorded += await _billing.Repository.RecordBandwidthAsync(reading);
        }

        return Expect(recorded);
    }

    private BandwidthReading Reading(BillingMonth month, IEnumerable<BandwidthObservation> observations) => new()
    {
        ServerId = _billing.ServerId,
        Month = month,
        ReadUtc = DateTime.UtcNow,
        Observations = observations.ToList(),
    };

    // A run that recorded nothing would measure nothing.
    private static int Expect(int recorded) =>
        recorded == Accounts ? recorded : throw new InvalidOperationException($"Recorded {recorded} accounts instead of {Accounts}.");
}

using System;
using System.Diagnostics;
using System.Globalization;

namespace CpanelBilling.Benchmarks.Scale;

/// <summary>
/// Time and memory of one listing run. Live managed memory is measured after a full collection (half way and at the
/// end, outside the timed span); the heap samples include garbage not yet collected, so they show what the GC let the
/// heap grow to; the peak working set is the process's.
/// </summary>
internal sealed class ListingMeasurement
{
    private readonly Stopwatch _stopwatch = new();
    private long _allocatedAtStart;
    private int _gen0AtStart;
    private int _gen1AtStart;
    private int _gen2AtStart;
    private long _peakHeap;
    private long _liveAtHalf;
    private long _liveAtEnd;
    private long _allocated;
    private int _gen0;
    private int _gen1;
    private int _gen2;
    private long _peakWorkingSet;
    private int _forcedGen0;
    private int _forcedGen1;
    private int _forcedGen2;

    public void Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        _allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
        _gen0AtStart = GC.CollectionCount(0);
        _gen1AtStart = GC.CollectionCount(1);
        _gen2AtStart = GC.CollectionCount(2);
        _peakHeap = GC.GetTotalMemory(forceFullCollection: false);
        _stopwatch.Start();
    }

    public void SampleHeap() => _peakHeap = Math.Max(_peakHeap, GC.GetTotalMemory(forceFullCollection: false));

    public void TakeHalfWayLiveMemory()
    {
        _stopwatch.Stop();
        SampleHeap();
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        _liveAtHalf = GC.GetTotalMemory(forceFullCollection: true);
        // The forced collections are the measurement's, not the listing's.
        _forcedGen0 += GC.CollectionCount(0) - gen0;
        _forcedGen1 += GC.CollectionCount(1) - gen1;
        _forcedGen2 += GC.CollectionCount(2) - gen2;
        _stopwatch.Start();
    }

    /// <summary>Call while the listed rows (if kept) are still referenced.</summary>
    public void Stop()
    {
        _stopwatch.Stop();
        SampleHeap();
        // Read before the forced collection below adds to the counts.
        _allocated = GC.GetTotalAllocatedBytes(precise: true) - _allocatedAtStart;
        _gen0 = GC.CollectionCount(0) - _gen0AtStart - _forcedGen0;
        _gen1 = GC.CollectionCount(1) - _gen1AtStart - _forcedGen1;
        _gen2 = GC.CollectionCount(2) - _gen2AtStart - _forcedGen2;
        _liveAtEnd = GC.GetTotalMemory(forceFullCollection: true);
        using Process self = Process.GetCurrentProcess();
        _peakWorkingSet = self.PeakWorkingSet64;
    }

    public string ToMarkdownRow(string way, int rows, TimeSpan coldPass)
    {
        double seconds = _stopwatch.Elapsed.TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {way} | {rows:N0} | {seconds:F2} s | {rows / seconds:N0} | {Mb(_liveAtHalf)} / {Mb(_liveAtEnd)} | {Mb(_peakHeap)} | {Mb(_peakWorkingSet)} | {Mb(_allocated)} | {_gen0}/{_gen1}/{_gen2} | {coldPass.TotalSeconds:F2} s |");
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " MB";
}

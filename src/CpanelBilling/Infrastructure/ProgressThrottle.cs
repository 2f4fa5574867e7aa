using System;
using System.Diagnostics;
using System.Management.Automation;

namespace CpanelBilling.Infrastructure;

/// <summary>
/// Decides whether a progress record is worth drawing: at most one update per interval, but a record that
/// completes an activity (or reaches 100 %) always goes through so the bar never sticks.
/// Writing progress for every one of 10,000 accounts would spend more time drawing than working.
/// </summary>
internal sealed class ProgressThrottle
{
    internal static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(250);

    private readonly long intervalTicks;
    private readonly Func<long> clock;
    private long? lastWritten;

    /// <param name="interval">Minimum time between two updates.</param>
    /// <param name="clock">Monotonic time in <see cref="Stopwatch"/> ticks; tests pass their own.</param>
    public ProgressThrottle(TimeSpan interval, Func<long>? clock = null)
    {
        intervalTicks = (long)(interval.TotalSeconds * Stopwatch.Frequency);
        this.clock = clock ?? Stopwatch.GetTimestamp;
    }

    public bool ShouldWrite(ProgressRecord record)
    {
        var now = clock();
        var final = record.RecordType == ProgressRecordType.Completed || record.PercentComplete >= 100;
        if (!final && lastWritten is long last && now - last < intervalTicks)
        {
            return false;
        }

        lastWritten = now;
        return true;
    }
}

using System;
using System.Diagnostics;
using System.Management.Automation;
using CpanelBilling.Infrastructure;
using Xunit;

namespace CpanelBilling.Module.Tests.BaseClass;

public sealed class ProgressThrottleTests
{
    private long now;

    [Fact]
    public void Writes_the_first_record_then_at_most_one_per_interval()
    {
        var throttle = new ProgressThrottle(TimeSpan.FromMilliseconds(250), () => now);
        var record = new ProgressRecord(1, "a", "b") { PercentComplete = 10 };

        Assert.True(throttle.ShouldWrite(record));
        Advance(100);
        Assert.False(throttle.ShouldWrite(record));
        Advance(149);
        Assert.False(throttle.ShouldWrite(record));
        Advance(1);
        Assert.True(throttle.ShouldWrite(record));
        Assert.False(throttle.ShouldWrite(record));
    }

    [Fact]
    public void Completion_and_100_percent_always_go_through()
    {
        var throttle = new ProgressThrottle(TimeSpan.FromSeconds(10), () => now);
        Assert.True(throttle.ShouldWrite(new ProgressRecord(1, "a", "b")));
        Assert.True(throttle.ShouldWrite(new ProgressRecord(1, "a", "b") { PercentComplete = 100 }));
        Assert.True(throttle.ShouldWrite(new ProgressRecord(1, "a", "b") { RecordType = ProgressRecordType.Completed }));
    }

    private void Advance(int milliseconds) => now += milliseconds * Stopwatch.Frequency / 1000;
}

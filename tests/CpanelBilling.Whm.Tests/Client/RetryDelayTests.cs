using System;
using System.Linq;
using CpanelBilling.Core.Whm;
using Xunit;

namespace CpanelBilling.Whm.Tests.Client;

/// <summary>The wait before a retry: doubling from the base delay up to the maximum, jittered within [half, all] of that.</summary>
public sealed class RetryDelayTests
{
    private static readonly TimeSpan Base = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(1, 500)]
    [InlineData(2, 1000)]
    [InlineData(3, 2000)]
    [InlineData(4, 4000)]
    [InlineData(5, 5000)] // 8000 capped
    [InlineData(40, 5000)]
    [InlineData(2000, 5000)] // 2^1999 is no number; the cap still holds
    public void The_ceiling_doubles_per_retry_up_to_the_maximum_and_the_jitter_spans_half_of_it_to_all(int retry, double ceilingMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(ceilingMs / 2), RetryDelay.For(retry, Base, Max, fraction: 0));
        Assert.Equal(TimeSpan.FromMilliseconds(ceilingMs * 0.75), RetryDelay.For(retry, Base, Max, fraction: 0.5));
        Assert.Equal(TimeSpan.FromMilliseconds(ceilingMs), RetryDelay.For(retry, Base, Max, fraction: 1));
    }

    [Fact]
    public void Clients_retrying_together_wait_different_times_never_outside_half_to_all_of_the_ceiling()
    {
        TimeSpan[] waits = Enumerable.Range(0, 200).Select(_ => RetryDelay.For(3, Base, Max)).ToArray();

        Assert.All(waits, wait => Assert.InRange(wait, TimeSpan.FromMilliseconds(1000), TimeSpan.FromMilliseconds(2000)));
        // 200 draws of Random.NextDouble that all land on a handful of values would mean there is no jitter at all.
        Assert.True(waits.Distinct().Count() > 100, $"only {waits.Distinct().Count()} distinct waits in 200");
    }
}

using System;

namespace CpanelBilling.Core.Whm;

/// <summary>Exponential backoff with jitter, so clients that failed together do not retry together.</summary>
internal static class RetryDelay
{
    private static readonly Random Jitter = new();

    /// <param name="retry">1 for the first retry.</param>
    public static TimeSpan For(int retry, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        double ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, retry - 1));
        double fraction;
        lock (Jitter)
        {
            fraction = Jitter.NextDouble();
        }

        // Between half and all of the ceiling: jittered, but never a near-zero wait.
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (fraction / 2)));
    }
}

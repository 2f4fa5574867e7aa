using System;

namespace CpanelBilling.Core.Whm;

/// <summary>Exponential backoff with jitter, so clients that failed together do not retry together.</summary>
internal static class RetryDelay
{
    private static readonly Random Jitter = new();

    /// <param name="retry">1 for the first retry.</param>
    public static TimeSpan For(int retry, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        double fraction;
        lock (Jitter)
        {
            fraction = Jitter.NextDouble();
        }

        return For(retry, baseDelay, maxDelay, fraction);
    }

    /// <param name="retry">1 for the first retry.</param>
    /// <param name="fraction">The jitter, from 0 (half the ceiling) to 1 (all of it).</param>
    internal static TimeSpan For(int retry, TimeSpan baseDelay, TimeSpan maxDelay, double fraction)
    {
        double ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, retry - 1));

        // Between half and all of the ceiling: jittered, but never a near-zero wait.
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (fraction / 2)));
    }
}

using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace CpanelBilling.Core.Billing.Sql;

/// <summary>
/// Runs a unit of database work again when it failed in a way the backend calls transient (a deadlock victim, a
/// database that was briefly busy or unavailable), a bounded number of times with growing, jittered pauses. The
/// unit must be self-contained: it opens its own connection and transaction, and a failure before its commit
/// leaves nothing behind (the transaction rolls back), so running it again is safe. Any other failure, and the last
/// transient one, reaches the caller unchanged.
/// </summary>
internal sealed class TransientRetry
{
    [ThreadStatic]
    private static Random? jitter;

    private readonly Func<TimeSpan, CancellationToken, Task> pause;

    /// <param name="maxAttempts">How often the work runs at most (1 = never again).</param>
    /// <param name="firstPause">The pause before the second attempt; each further one is three times longer (±50 %).</param>
    /// <param name="pause">How to wait; tests pass their own to observe retries without waiting.</param>
    public TransientRetry(int maxAttempts, TimeSpan firstPause, Func<TimeSpan, CancellationToken, Task>? pause = null)
    {
        if (maxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxAttempts), maxAttempts, "At least one attempt is needed.");
        }

        MaxAttempts = maxAttempts;
        FirstPause = firstPause;
        this.pause = pause ?? Task.Delay;
    }

    /// <summary>
    /// Three attempts: a deadlock is usually resolved by the first retry; a database still busy after the backend's
    /// own lock wait (the busy timeout on SQLite) twice more is not going to be free soon.
    /// </summary>
    public static TransientRetry Default { get; } = new TransientRetry(3, TimeSpan.FromMilliseconds(50));

    public int MaxAttempts { get; }

    public TimeSpan FirstPause { get; }

    public async Task<T> RunAsync<T>(Func<Task<T>> attempt, Func<DbException, bool> isTransient, CancellationToken cancellationToken)
    {
        for (int number = 1; ; number++)
        {
            try
            {
                return await attempt().ConfigureAwait(false);
            }
            catch (DbException exception) when (number < MaxAttempts && isTransient(exception))
            {
                // Fall through to the pause: awaiting inside a filter is not possible.
            }

            await pause(PauseBefore(number + 1), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The pause before attempt <paramref name="number"/> (2 or more).</summary>
    internal TimeSpan PauseBefore(int number)
    {
        double baseMilliseconds = FirstPause.TotalMilliseconds * Math.Pow(3, number - 2);

        // Jitter keeps two transactions that deadlocked each other from meeting again at the same moment.
        jitter ??= new Random(Guid.NewGuid().GetHashCode());
        return TimeSpan.FromMilliseconds(baseMilliseconds * (0.5 + jitter.NextDouble()));
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace CpanelBilling.Core.Operations.Fanout;

/// <summary>Runs work for many items with at most a given number in flight (servers read, accounts repaired).</summary>
internal static class BoundedParallel
{
    /// <summary>Runs <paramref name="body"/> for every item, at most <paramref name="maxParallel"/> at once, and waits for all.</summary>
    public static async Task ForEachAsync<T>(IEnumerable<T> items, int maxParallel, Func<T, CancellationToken, Task> body, CancellationToken cancellationToken)
    {
        if (maxParallel < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxParallel), maxParallel, "At least one item must be allowed in flight.");
        }

        using var slots = new SemaphoreSlim(maxParallel);
        await Task.WhenAll(items.Select(async item =>
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await body(item, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        }).ToList()).ConfigureAwait(false);
    }
}

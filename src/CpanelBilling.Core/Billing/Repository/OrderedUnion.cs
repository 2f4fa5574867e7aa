using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace CpanelBilling.Core.Billing;

/// <summary>
/// Merges streams that are each in ascending key order into one stream in that order, listing an item whose key
/// several streams hold once: how the statements of a batched listing read as one listing.
/// </summary>
internal static class OrderedUnion
{
    /// <summary>
    /// Opens every source (each holds its reader open until the union ends) and yields the item with the lowest key
    /// among their current ones, so the first item comes as soon as each source has read its first row.
    /// </summary>
    public static async IAsyncEnumerable<T> MergeAsync<T>(
        IReadOnlyList<IAsyncEnumerable<T>> sources, Func<T, long> key, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var opened = new List<IAsyncEnumerator<T>>(sources.Count);
        try
        {
            var pending = new List<IAsyncEnumerator<T>>(sources.Count);
            foreach (IAsyncEnumerable<T> source in sources)
            {
                IAsyncEnumerator<T> cursor = source.GetAsyncEnumerator(cancellationToken);
                opened.Add(cursor);
                if (await cursor.MoveNextAsync().ConfigureAwait(false))
                {
                    pending.Add(cursor);
                }
            }

            while (pending.Count > 0)
            {
                IAsyncEnumerator<T> lowest = pending[0];
                foreach (IAsyncEnumerator<T> cursor in pending)
                {
                    if (key(cursor.Current) < key(lowest.Current))
                    {
                        lowest = cursor;
                    }
                }

                long yielded = key(lowest.Current);
                yield return lowest.Current;
                for (int i = pending.Count - 1; i >= 0; i--)
                {
                    if (key(pending[i].Current) == yielded && !await pending[i].MoveNextAsync().ConfigureAwait(false))
                    {
                        pending.RemoveAt(i);
                    }
                }
            }
        }
        finally
        {
            await DisposeFromAsync(opened, 0).ConfigureAwait(false);
        }
    }

    // Each source is disposed even when disposing an earlier one fails, so no reader stays open.
    private static async Task DisposeFromAsync<T>(List<IAsyncEnumerator<T>> cursors, int first)
    {
        if (first == cursors.Count)
        {
            return;
        }

        try
        {
            await cursors[first].DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await DisposeFromAsync(cursors, first + 1).ConfigureAwait(false);
        }
    }
}

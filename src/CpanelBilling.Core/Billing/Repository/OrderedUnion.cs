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
    /// How many sources are merged while streaming. Each holds a database connection until the union ends, so a
    /// very long name list must not open one per batch: a SQL Server pool has 100, shared with the work the listing
    /// is piped into (leases, journal, lease renewals).
    /// </summary>
    public const int MaxOpenSources = 4;

    /// <summary>
    /// Yields the items of every source in ascending key order, an item whose key several sources hold once. Up to
    /// <paramref name="maxOpen"/> sources are opened together and streamed (the first item comes as soon as each has
    /// read its first row); more are read one after another into memory and listed once all are read, so no more
    /// than one connection is held at a time.
    /// </summary>
    public static IAsyncEnumerable<T> MergeAsync<T>(
        IReadOnlyList<IAsyncEnumerable<T>> sources, Func<T, long> key, CancellationToken cancellationToken, int maxOpen = MaxOpenSources) =>
        sources.Count <= maxOpen
            ? StreamMergeAsync(sources, key, cancellationToken)
            : BufferedMergeAsync(sources, key, cancellationToken);

    private static async IAsyncEnumerable<T> BufferedMergeAsync<T>(
        IReadOnlyList<IAsyncEnumerable<T>> sources, Func<T, long> key, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var byKey = new SortedDictionary<long, T>();
        foreach (IAsyncEnumerable<T> source in sources)
        {
            await foreach (T item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                long itemKey = key(item);
                if (!byKey.ContainsKey(itemKey))
                {
                    byKey.Add(itemKey, item);
                }
            }
        }

        foreach (T item in byKey.Values)
        {
            yield return item;
        }
    }

    private static async IAsyncEnumerable<T> StreamMergeAsync<T>(
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

using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using Xunit;

namespace CpanelBilling.Billing.Tests;

/// <summary>The statements of a batched listing read as one listing: in id order, each row once, every reader closed.</summary>
public sealed class OrderedUnionTests
{
    [Fact]
    public async Task Streams_in_key_order_are_merged_in_key_order_with_a_key_several_hold_listed_once()
    {
        var sources = new[] { new Source(2, 5, 9), new Source(1, 5, 6), new Source(), new Source(3, 9, 12) };

        List<long> merged = await ReadAsync(OrderedUnion.MergeAsync(sources.Select(s => s.Rows()).ToList(), k => k, CancellationToken.None));

        Assert.Equal(new long[] { 1, 2, 3, 5, 6, 9, 12 }, merged);
        Assert.All(sources, s => Assert.True(s.Disposed));
    }

    [Fact]
    public async Task A_consumer_that_stops_early_closes_every_source()
    {
        var sources = new[] { new Source(1, 4), new Source(2, 3) };

        await foreach (long key in OrderedUnion.MergeAsync(sources.Select(s => s.Rows()).ToList(), k => k, CancellationToken.None))
        {
            Assert.Equal(1, key);
            break;
        }

        Assert.All(sources, s => Assert.True(s.Disposed));
    }

    [Fact]
    public async Task A_source_that_fails_ends_the_union_and_still_closes_every_source()
    {
        var sources = new[] { new Source(1, 2), new Source(3, 7) { FailAt = 1 }, new Source(4) };

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => ReadAsync(OrderedUnion.MergeAsync(sources.Select(s => s.Rows()).ToList(), k => k, CancellationToken.None)));

        Assert.All(sources, s => Assert.True(s.Disposed));
    }

    [Theory]
    [InlineData(4, 4)]
    [InlineData(3, 1)]
    public async Task Up_to_the_limit_sources_stream_side_by_side_and_beyond_it_only_one_is_open_at_a_time(int maxOpen, int mostOpen)
    {
        var tracker = new OpenTracker();
        var sources = new[] { new Source(2, 8), new Source(1, 8), new Source(3), new Source(4, 5) };

        List<long> merged = await ReadAsync(OrderedUnion.MergeAsync(sources.Select(s => s.Rows(tracker)).ToList(), k => k, CancellationToken.None, maxOpen));

        Assert.Equal(new long[] { 1, 2, 3, 4, 5, 8 }, merged);
        Assert.Equal(mostOpen, tracker.MostOpen);
        Assert.All(sources, s => Assert.True(s.Disposed));
    }

    private static async Task<List<long>> ReadAsync(IAsyncEnumerable<long> items)
    {
        var read = new List<long>();
        await foreach (long item in items)
        {
            read.Add(item);
        }

        return read;
    }

    /// <summary>Rows in key order that note when their reader is closed, and can fail on one.</summary>
    private sealed class Source
    {
        private readonly long[] keys;

        public Source(params long[] keys) => this.keys = keys;

        /// <summary>The index of the row whose reading fails, if any.</summary>
        public int? FailAt { get; init; }

        public bool Disposed { get; private set; }

        public async IAsyncEnumerable<long> Rows(OpenTracker? tracker = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            tracker?.Opened();
            try
            {
                for (int i = 0; i < keys.Length; i++)
                {
                    await Task.Yield();
                    if (i == FailAt)
                    {
                        throw new InvalidOperationException("the reader failed");
                    }

                    yield return keys[i];
                }
            }
            finally
            {
                Disposed = true;
                tracker?.Closed();
            }
        }
    }

    /// <summary>How many sources were reading at the same time, at most (each stands for a database connection).</summary>
    private sealed class OpenTracker
    {
        private int open;

        public int MostOpen { get; private set; }

        public void Opened() => MostOpen = Math.Max(MostOpen, Interlocked.Increment(ref open));

        public void Closed() => Interlocked.Decrement(ref open);
    }
}

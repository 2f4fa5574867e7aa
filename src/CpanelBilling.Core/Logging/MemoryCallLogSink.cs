using System;
using System.Collections.Generic;

namespace CpanelBilling.Core.Logging;

/// <summary>Keeps the most recent entries in memory, for tests and for showing calls as verbose output.</summary>
public sealed class MemoryCallLogSink : ICallLogSink
{
    private readonly Queue<CallLogEntry> entries = new();
    private readonly int capacity;

    /// <param name="capacity">How many entries to keep; the oldest are dropped first.</param>
    public MemoryCallLogSink(int capacity = 10_000)
    {
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The capacity must be at least 1.");
        }

        this.capacity = capacity;
    }

    /// <summary>A snapshot of the kept entries, oldest first.</summary>
    public IReadOnlyList<CallLogEntry> Entries
    {
        get
        {
            lock (entries)
            {
                return entries.ToArray();
            }
        }
    }

    public void Write(CallLogEntry entry)
    {
        lock (entries)
        {
            if (entries.Count == capacity)
            {
                entries.Dequeue();
            }

            entries.Enqueue(entry);
        }
    }

    public void Clear()
    {
        lock (entries)
        {
            entries.Clear();
        }
    }
}

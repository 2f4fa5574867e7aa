using System;
using System.Collections.Generic;

namespace CpanelBilling.WhmSimulator.Recording;

/// <summary>
/// The thread-safe record of the newest requests the server received, oldest first. It keeps at most a fixed number,
/// so a simulator left running (a demo, a long script) does not grow without end; the oldest are dropped first.
/// </summary>
internal sealed class RequestJournal
{
    private readonly object _gate = new();
    private readonly Queue<RecordedRequest> _requests = new();
    private readonly int _capacity;

    public RequestJournal(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public void Add(RecordedRequest request)
    {
        lock (_gate)
        {
            if (_requests.Count == _capacity)
            {
                _requests.Dequeue();
            }

            _requests.Enqueue(request);
        }
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return _requests.ToArray();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }
}

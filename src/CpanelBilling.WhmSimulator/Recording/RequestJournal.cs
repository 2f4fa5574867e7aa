using System.Collections.Generic;

namespace CpanelBilling.WhmSimulator.Recording;

/// <summary>The thread-safe list of every request the server received.</summary>
internal sealed class RequestJournal
{
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = new();

    public void Add(RecordedRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
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

using System.Collections.Concurrent;
using System.Threading;
using CpanelBilling.Core.Logging;

namespace CpanelBilling.Session;

/// <summary>
/// Hands WHM call log entries (already masked) to the command that is running, so it can show them with
/// -Verbose. Workers write here from any thread; the command drains the queue on its pipeline thread, the only
/// thread where PowerShell allows WriteVerbose. Only one listener at a time: the command that asked for verbose.
/// </summary>
internal sealed class CallRelay : ICallLogSink
{
    private ConcurrentQueue<CallLogEntry>? listener;

    public ConcurrentQueue<CallLogEntry> Listen()
    {
        var queue = new ConcurrentQueue<CallLogEntry>();
        Volatile.Write(ref listener, queue);
        return queue;
    }

    public void Stop(ConcurrentQueue<CallLogEntry> queue) => Interlocked.CompareExchange(ref listener, null, queue);

    public void Write(CallLogEntry entry) => Volatile.Read(ref listener)?.Enqueue(entry);
}

using CpanelBilling.Core.Logging;

namespace CpanelBilling.Testing.Operations;

/// <summary>Writes every call log entry to two sinks (memory for assertions, file for secret searches).</summary>
public sealed class TeeCallLogSink : ICallLogSink
{
    private readonly ICallLogSink first;
    private readonly ICallLogSink second;

    public TeeCallLogSink(ICallLogSink first, ICallLogSink second)
    {
        this.first = first;
        this.second = second;
    }

    public void Write(CallLogEntry entry)
    {
        first.Write(entry);
        second.Write(entry);
    }
}

namespace CpanelBilling.Core.Logging;

/// <summary>
/// Receives one entry per WHM request (retries are separate entries). Entries are already masked. A sink should
/// not throw: the client ignores a sink's failure, because losing a log line must not turn a call that reached the
/// server into an error.
/// </summary>
public interface ICallLogSink
{
    void Write(CallLogEntry entry);
}

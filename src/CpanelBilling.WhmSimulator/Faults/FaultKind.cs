namespace CpanelBilling.WhmSimulator;

/// <summary>What a <see cref="Fault"/> does to a call.</summary>
public enum FaultKind
{
    /// <summary>Waits, then handles the call normally. If the client gives up during the wait, the work is not done.</summary>
    Latency,

    /// <summary>Does the work at once, then answers only after the delay, or not before the client gives up (the
    /// client times out although the server finished the job, e.g. a slow createacct).</summary>
    LateReply,

    /// <summary>Waits without doing the work (for the delay, or until the client gives up), then drops the
    /// connection without an answer.</summary>
    Hang,

    /// <summary>Answers with an HTTP error status and a realistic error page; the work is not done unless
    /// <see cref="Fault.AfterWork"/> is set.</summary>
    HttpStatus,

    /// <summary>Aborts the connection (TCP reset) without an answer; the work is not done.</summary>
    ConnectionReset,

    /// <summary>Does the work but sends only the first half of the JSON reply.</summary>
    MalformedJson,

    /// <summary>Answers HTTP 200 with <c>metadata.result</c> 0 and the given reason; the work is not done.</summary>
    Failure,

    /// <summary>Does the work and sends <c>metadata.result</c> as a JSON string (<c>"1"</c>/<c>"0"</c>).</summary>
    StringResult,
}

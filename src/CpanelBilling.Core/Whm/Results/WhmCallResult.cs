using System.Collections.Generic;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// The outcome of a function that returns no data (suspendacct, removeacct, killpkg …): the server's reason and
/// its process output. The raw output matters: suspending an already suspended account succeeds with "OK" and
/// says so only there.
/// </summary>
public sealed class WhmCallResult
{
    internal WhmCallResult(string function, WhmEnvelope envelope)
    {
        Function = function;
        Reason = envelope.Reason;
        RawOutput = envelope.RawOutput;
        Messages = envelope.Messages;
        Warnings = envelope.Warnings;
    }

    public string Function { get; }

    /// <summary>The server's reason, e.g. "OK" or "bob account removed".</summary>
    public string Reason { get; }

    /// <summary>metadata.output.raw, secrets masked; null when the server sent none.</summary>
    public string? RawOutput { get; }

    public IReadOnlyList<string> Messages { get; }

    public IReadOnlyList<string> Warnings { get; }
}

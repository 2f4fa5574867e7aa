namespace CpanelBilling.Core.Whm;

/// <summary>
/// The server answered and reported failure (<c>metadata.result</c> 0). <see cref="Reason"/> is the server's text;
/// <see cref="CpanelBillingException.Kind"/> is what that text means (not found, already exists, no free IP …).
/// The server did not make the change, so retrying the same call gives the same answer.
/// </summary>
public sealed class WhmCallFailedException : WhmApiException
{
    internal WhmCallFailedException(WhmCallInfo call, string reason, FailureKind kind)
        : base("WhmCallFailed", kind, $"WHM {call.Function} on {call.Server} failed: {reason}", call, mayHaveExecuted: false)
    {
        Reason = reason;
    }

    /// <summary>The server's reason, as sent (with secrets of the call masked).</summary>
    public string Reason { get; }
}

using System;
using System.Globalization;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// The server did not answer within the function's timeout. Not the caller's cancellation, which surfaces as
/// <see cref="OperationCanceledException"/>. For a changing call, <see cref="CpanelBillingException.Kind"/> is
/// <see cref="FailureKind.Ambiguous"/>: the server may still be working on it.
/// </summary>
public sealed class WhmTimeoutException : WhmApiException
{
    internal WhmTimeoutException(WhmCallInfo call, TimeSpan timeout, bool mayHaveExecuted)
        : base(
            "WhmTimeout",
            mayHaveExecuted ? FailureKind.Ambiguous : FailureKind.Timeout,
            $"WHM {call.Function} on {call.Server} did not answer within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s.{AmbiguitySuffix(mayHaveExecuted)}",
            call,
            mayHaveExecuted)
    {
        Timeout = timeout;
    }

    public TimeSpan Timeout { get; }
}

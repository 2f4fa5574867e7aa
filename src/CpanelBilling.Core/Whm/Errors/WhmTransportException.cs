using System;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// The call did not produce a usable WHM reply: the server could not be reached, answered with a 5xx or 524,
/// reset the connection, or sent something that is not a WHM API 1 response. For a changing call that may have
/// reached the server, <see cref="CpanelBillingException.Kind"/> is <see cref="FailureKind.Ambiguous"/>.
/// </summary>
public sealed class WhmTransportException : WhmApiException
{
    internal WhmTransportException(WhmCallInfo call, string detail, int? httpStatus, bool mayHaveExecuted, Exception? inner = null)
        : base(
            "WhmTransportFailed",
            mayHaveExecuted ? FailureKind.Ambiguous : FailureKind.Transport,
            $"WHM {call.Function} on {call.Server}: {detail}{AmbiguitySuffix(mayHaveExecuted)}",
            call,
            mayHaveExecuted,
            inner)
    {
        HttpStatus = httpStatus;
    }

    /// <summary>The HTTP status when the server answered, otherwise null.</summary>
    public int? HttpStatus { get; }
}

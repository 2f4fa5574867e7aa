using System;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// Base of every failure of a WHM API call. The concrete type says what went wrong (the server said no, the
/// credentials were refused, the certificate was refused, the transport failed, the call timed out);
/// <see cref="CpanelBillingException.Kind"/> says what a caller should do about it.
/// </summary>
public abstract class WhmApiException : CpanelBillingException
{
    private protected WhmApiException(
        string errorId,
        FailureKind kind,
        string message,
        WhmCallInfo call,
        bool mayHaveExecuted,
        Exception? inner = null)
        : base(errorId, kind, message, call.Target, inner)
    {
        Server = call.Server;
        Function = call.Function;
        Attempts = call.Attempt;
        MayHaveExecuted = mayHaveExecuted;
    }

    /// <summary>The server as <c>host:port</c>.</summary>
    public string Server { get; }

    /// <summary>The WHM API 1 function, e.g. <c>createacct</c>.</summary>
    public string Function { get; }

    /// <summary>How many HTTP requests were made, retries included.</summary>
    public int Attempts { get; }

    /// <summary>
    /// True when a changing call failed after its request may have reached the server, so the change may or may
    /// not have been made. The caller must look at the server's state instead of assuming either outcome.
    /// Always false for read-only calls and for failures the server reported itself.
    /// </summary>
    public bool MayHaveExecuted { get; }

    private protected static string AmbiguitySuffix(bool mayHaveExecuted) => mayHaveExecuted
        ? " The request may have reached the server, so the change may or may not have been made; check the server before trying again."
        : string.Empty;
}

/// <summary>Who was called and how often: the context every WHM failure carries.</summary>
internal readonly struct WhmCallInfo
{
    public WhmCallInfo(string server, string function, string? target, int attempt)
    {
        Server = server;
        Function = function;
        Target = target;
        Attempt = attempt;
    }

    public string Server { get; }

    public string Function { get; }

    /// <summary>The account, package or server the call is about.</summary>
    public string? Target { get; }

    public int Attempt { get; }
}

using System;

namespace CpanelBilling.Core;

/// <summary>
/// What kind of failure an error is, in the terms a caller acts on. The cmdlet layer maps each kind to a
/// PowerShell ErrorCategory; the core never references PowerShell.
/// </summary>
public enum FailureKind
{
    Other = 0,
    NotFound,
    AlreadyExists,
    InvalidArgument,
    /// <summary>Another writer changed the row first (optimistic concurrency).</summary>
    Conflict,
    /// <summary>Another actor holds the account's lease; try again later.</summary>
    Busy,
    AuthenticationFailed,
    PermissionDenied,
    /// <summary>No free (dedicated) IP address is available.</summary>
    NoFreeIp,
    /// <summary>The server could not be reached, answered with a 5xx/524, reset the connection or sent garbage.</summary>
    Transport,
    Timeout,
    /// <summary>The outcome of a changing call is unknown (e.g. a timeout after the request was sent).</summary>
    Ambiguous,
    /// <summary>The billing database failed.</summary>
    Database,
}

/// <summary>
/// Base of every error the module raises on purpose. <see cref="ErrorId"/> is stable (it becomes part of the
/// PowerShell FullyQualifiedErrorId); <see cref="Target"/> names what the error is about (a user, a server, a
/// package). Messages say what happened and what to do, and never contain a secret.
/// </summary>
public abstract class CpanelBillingException : Exception
{
    protected CpanelBillingException(string errorId, FailureKind kind, string message, string? target = null, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Kind = kind;
        Target = target;
    }

    public string ErrorId { get; }
    public FailureKind Kind { get; }
    public string? Target { get; }
}

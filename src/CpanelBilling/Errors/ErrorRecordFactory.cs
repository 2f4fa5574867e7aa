using System;
using System.Collections.Generic;
using System.Management.Automation;
using CpanelBilling.Core;

namespace CpanelBilling.Errors;

/// <summary>
/// Shapes ErrorRecords: the one place where a core <see cref="FailureKind"/> becomes a PowerShell ErrorCategory.
/// </summary>
internal static class ErrorRecordFactory
{
    internal static readonly IReadOnlyDictionary<FailureKind, ErrorCategory> Categories = new Dictionary<FailureKind, ErrorCategory>
    {
        [FailureKind.Other] = ErrorCategory.NotSpecified,
        [FailureKind.NotFound] = ErrorCategory.ObjectNotFound,
        [FailureKind.AlreadyExists] = ErrorCategory.ResourceExists,
        [FailureKind.InvalidArgument] = ErrorCategory.InvalidArgument,
        // The current state forbids the action: a server or package still in use, an account changed meanwhile
        // (re-read and retry), someone else's account of that name on the server.
        [FailureKind.Conflict] = ErrorCategory.InvalidOperation,
        [FailureKind.Busy] = ErrorCategory.ResourceBusy,
        [FailureKind.AuthenticationFailed] = ErrorCategory.AuthenticationError,
        [FailureKind.PermissionDenied] = ErrorCategory.PermissionDenied,
        [FailureKind.NoFreeIp] = ErrorCategory.ResourceUnavailable,
        [FailureKind.Transport] = ErrorCategory.ConnectionError,
        [FailureKind.Timeout] = ErrorCategory.OperationTimeout,
        // The server's answer did not tell whether the change happened; Repair settles it from the server's state.
        [FailureKind.Ambiguous] = ErrorCategory.InvalidResult,
        [FailureKind.Database] = ErrorCategory.ResourceUnavailable,
    };

    public static ErrorCategory CategoryOf(FailureKind kind) =>
        Categories.TryGetValue(kind, out var category) ? category : ErrorCategory.NotSpecified;

    public static ErrorRecord Create(string errorId, ErrorCategory category, object? target, string message, Exception? inner = null)
    {
        var exception = inner is null ? new CpanelBillingCmdletException(message) : new CpanelBillingCmdletException(message, inner);
        return new ErrorRecord(exception, errorId, category, target);
    }

    /// <summary>
    /// A core error keeps its own id, category and target (unless the cmdlet names a better target, e.g. the
    /// account object the user piped in); anything else is reported as unexpected, with the exception kept.
    /// </summary>
    public static ErrorRecord FromException(Exception exception, object? target)
    {
        if (exception is CpanelBillingException known)
        {
            return new ErrorRecord(known, known.ErrorId, CategoryOf(known.Kind), target ?? known.Target);
        }

        return new ErrorRecord(exception, ErrorIds.Unexpected, ErrorCategory.NotSpecified, target);
    }
}

/// <summary>An error the cmdlet layer detects itself (bad input, missing session state).</summary>
public sealed class CpanelBillingCmdletException : Exception
{
    public CpanelBillingCmdletException(string message) : base(message)
    {
    }

    public CpanelBillingCmdletException(string message, Exception inner) : base(message, inner)
    {
    }
}

using System;

namespace CpanelBilling.Core.Operations.Reconcile;

/// <summary>
/// Stable error ids of Compare and Repair. They become part of PowerShell's FullyQualifiedErrorId, so scripts may
/// match on them: never rename one.
/// </summary>
public static class ReconcileErrorIds
{
    /// <summary>No billing plan is mapped to the server's package, so billing cannot record the account on it.</summary>
    public const string NoPlanForPackage = "ReconcileNoPlanForPackage";

    /// <summary>The customer named for imported accounts does not exist in billing.</summary>
    public const string ImportCustomerNotFound = "ReconcileImportCustomerNotFound";

    /// <summary>A journal entry's change cannot be read back from the server (a password); it is marked Failed with why.</summary>
    public const string ChangeUnreadable = "ReconcileChangeUnreadable";
}

/// <summary>A repair action that cannot be carried out as things stand; the message says what to do first.</summary>
public sealed class ReconcileException : CpanelBillingException
{
    internal ReconcileException(string errorId, FailureKind kind, string message, string? target, Exception? inner = null)
        : base(errorId, kind, message, target, inner)
    {
    }
}

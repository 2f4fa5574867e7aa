using System;

namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>
/// A deliberate failure of an account operation. <see cref="CpanelBillingException.ErrorId"/> is one of
/// <see cref="AccountErrorIds"/> (or a billing id where billing's rule is the one broken);
/// <see cref="CpanelBillingException.Target"/> is the user name, domain or name the error is about. When a server or
/// billing failure caused it, that failure is the inner exception and usually decides the kind.
/// </summary>
public sealed class AccountOperationException : CpanelBillingException
{
    internal AccountOperationException(string errorId, FailureKind kind, string message, string? target, Exception? inner = null)
        : base(errorId, kind, message, target, inner)
    {
    }

    internal static AccountOperationException Invalid(string errorId, string message, string? target) =>
        new(errorId, FailureKind.InvalidArgument, message, target);
}

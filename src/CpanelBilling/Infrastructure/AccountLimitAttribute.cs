using System;
using CpanelBilling.Core.Operations.Accounts;

namespace CpanelBilling.Infrastructure;

/// <summary>
/// An account's own limit (New-CpAccount, Set-CpAccountLimit): a number (MB for bandwidth and disk), <c>unlimited</c>,
/// or <c>package</c>, checked by the account operations' own rules (AccountLimitsChange).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class AccountLimitAttribute : LimitTransformationAttribute
{
    /// <param name="kind">The AccountLimitKind, by name (a string, so PowerShell can read the attribute before the core loads).</param>
    public AccountLimitAttribute(string kind) => Kind = kind;

    public string Kind { get; }

    protected override void Check(string text)
    {
        var change = new AccountLimitsChange();
        change.SetFromText((AccountLimitKind)Enum.Parse(typeof(AccountLimitKind), Kind), text);
        change.Validate();
    }
}

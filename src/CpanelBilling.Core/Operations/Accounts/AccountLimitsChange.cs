using System.Collections.Generic;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>
/// A change to an account's limit overrides: the limits in <see cref="Set"/> that have a value get that value;
/// the kinds in <see cref="ResetToPackage"/> go back to what the package says (the package's value is applied on
/// the server again). Limits named in neither stay as they are.
/// </summary>
public sealed class AccountLimitsChange
{
    /// <summary>New values; a null property leaves that limit alone.</summary>
    public AccountLimits Set { get; set; } = new AccountLimits();

    /// <summary>Limits to take from the package again.</summary>
    public ISet<AccountLimitKind> ResetToPackage { get; } = new HashSet<AccountLimitKind>();

    /// <summary>A change that makes the overrides exactly <paramref name="limits"/>: its null limits go back to the package.</summary>
    public static AccountLimitsChange ReplaceWith(AccountLimits limits)
    {
        var change = new AccountLimitsChange { Set = limits };
        foreach (AccountLimitKind kind in AccountLimitValues.Kinds)
        {
            if (!AccountLimitValues.Has(limits, kind))
            {
                change.ResetToPackage.Add(kind);
            }
        }

        return change;
    }
}

using System.Collections.Generic;
using System.Linq;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts.Validation;

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

    /// <summary>
    /// A change from the five limits as text (see <see cref="SetFromText"/>); a null text leaves that limit alone.
    /// Values are read, not yet range-checked (<see cref="Validate"/> does that).
    /// </summary>
    public static AccountLimitsChange FromText(string? bandwidth, string? disk, string? emailAccounts, string? databases, string? addonDomains)
    {
        var change = new AccountLimitsChange();
        foreach ((AccountLimitKind kind, string? text) in new[]
        {
            (AccountLimitKind.Bandwidth, bandwidth), (AccountLimitKind.Disk, disk), (AccountLimitKind.EmailAccounts, emailAccounts),
            (AccountLimitKind.Databases, databases), (AccountLimitKind.AddonDomains, addonDomains),
        })
        {
            if (text != null)
            {
                change.SetFromText(kind, text);
            }
        }

        return change;
    }

    /// <summary>The word that sends a limit back to the package (see <see cref="SetFromText"/>).</summary>
    public const string PackageWord = "package";

    /// <summary>
    /// Sets one limit from text as an admin types it: a number (megabytes for bandwidth and disk, where 0 means
    /// unlimited as in cPanel), <c>unlimited</c>, or <c>package</c> to go back to the package's value.
    /// </summary>
    public void SetFromText(AccountLimitKind kind, string text)
    {
        string value = (text ?? "").Trim();
        AccountLimitValues.Copy(new AccountLimits(), Set, kind);
        ResetToPackage.Remove(kind);
        if (string.Equals(value, PackageWord, System.StringComparison.OrdinalIgnoreCase))
        {
            ResetToPackage.Add(kind);
            return;
        }

        var parsed = new AccountLimits();
        bool valid = kind is AccountLimitKind.Bandwidth or AccountLimitKind.Disk
            ? TryParseSize(value, kind, parsed)
            : TryParseCount(value, kind, parsed);
        if (!valid)
        {
            string unit = kind is AccountLimitKind.Bandwidth or AccountLimitKind.Disk ? "a number of megabytes" : "a number";
            throw AccountOperationException.Invalid(
                AccountErrorIds.InvalidLimit,
                $"'{value}' is not a {kind.Describe()} limit: give {unit}, 'unlimited', or '{PackageWord}'.",
                kind.ToString());
        }

        AccountLimitValues.Copy(parsed, Set, kind);
    }

    /// <summary>
    /// Checks the change before anything is sent: values in range (counts 0–999, sizes up to 1 PiB), no limit both
    /// set and reset, at least one limit named. Throws an InvalidArgument <see cref="AccountOperationException"/>.
    /// </summary>
    public void Validate()
    {
        AccountLimits set = AccountInput.Limits(Set);
        AccountLimitKind[] both = AccountLimitValues.Kinds.Where(kind => AccountLimitValues.Has(set, kind) && ResetToPackage.Contains(kind)).ToArray();
        if (both.Length > 0)
        {
            throw AccountOperationException.Invalid(
                AccountErrorIds.InvalidLimit,
                $"The {both[0].Describe()} limit is both set and reset to the package; give one or the other.",
                both[0].ToString());
        }

        if (!AccountLimitValues.Kinds.Any(kind => AccountLimitValues.Has(set, kind)) && ResetToPackage.Count == 0)
        {
            throw AccountOperationException.Invalid(AccountErrorIds.InvalidLimit, "No limit to change was given.", null);
        }
    }

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

    private static bool TryParseSize(string text, AccountLimitKind kind, AccountLimits into)
    {
        if (!MegabyteLimit.TryParse(text, out MegabyteLimit limit))
        {
            return false;
        }

        if (kind == AccountLimitKind.Bandwidth)
        {
            into.Bandwidth = limit;
        }
        else
        {
            into.Disk = limit;
        }

        return true;
    }

    private static bool TryParseCount(string text, AccountLimitKind kind, AccountLimits into)
    {
        if (!CountLimit.TryParse(text, out CountLimit limit))
        {
            return false;
        }

        switch (kind)
        {
            case AccountLimitKind.EmailAccounts: into.EmailAccounts = limit; break;
            case AccountLimitKind.Databases: into.Databases = limit; break;
            default: into.AddonDomains = limit; break;
        }

        return true;
    }
}

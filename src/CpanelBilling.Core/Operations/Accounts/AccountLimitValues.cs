using System.Collections.Generic;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>Works on the five overridable limits of an <see cref="AccountLimits"/> one kind at a time.</summary>
internal static class AccountLimitValues
{
    public static readonly AccountLimitKind[] Kinds =
    {
        AccountLimitKind.Bandwidth, AccountLimitKind.Disk, AccountLimitKind.EmailAccounts, AccountLimitKind.Databases, AccountLimitKind.AddonDomains,
    };

    public static bool Has(AccountLimits limits, AccountLimitKind kind) => Text(limits, kind) != null;

    /// <summary>The limit as cPanel writes it ("unlimited" or the number), or null when not set.</summary>
    public static string? Text(AccountLimits limits, AccountLimitKind kind) => kind switch
    {
        AccountLimitKind.Bandwidth => limits.Bandwidth?.ToString(),
        AccountLimitKind.Disk => limits.Disk?.ToString(),
        AccountLimitKind.EmailAccounts => limits.EmailAccounts?.ToString(),
        AccountLimitKind.Databases => limits.Databases?.ToString(),
        _ => limits.AddonDomains?.ToString(),
    };

    /// <summary>Sets one limit of <paramref name="target"/> to that of <paramref name="source"/> (null included).</summary>
    public static void Copy(AccountLimits source, AccountLimits target, AccountLimitKind kind)
    {
        switch (kind)
        {
            case AccountLimitKind.Bandwidth: target.Bandwidth = source.Bandwidth; break;
            case AccountLimitKind.Disk: target.Disk = source.Disk; break;
            case AccountLimitKind.EmailAccounts: target.EmailAccounts = source.EmailAccounts; break;
            case AccountLimitKind.Databases: target.Databases = source.Databases; break;
            default: target.AddonDomains = source.AddonDomains; break;
        }
    }

    public static AccountLimits Clone(AccountLimits limits) => new()
    {
        Bandwidth = limits.Bandwidth,
        Disk = limits.Disk,
        EmailAccounts = limits.EmailAccounts,
        Databases = limits.Databases,
        AddonDomains = limits.AddonDomains,
    };

    /// <summary>The package's values of the overridable limits (null where the package file does not say).</summary>
    public static AccountLimits FromPackage(PackageSettings? package) => package == null ? new AccountLimits() : new AccountLimits
    {
        Bandwidth = package.BandwidthLimit,
        Disk = package.Quota,
        EmailAccounts = package.MaxPop,
        Databases = package.MaxSql,
        AddonDomains = package.MaxAddons,
    };

    /// <summary>What the account should have on the server: its override where it has one, else the package's value.</summary>
    public static AccountLimits Effective(AccountLimits overrides, AccountLimits package)
    {
        AccountLimits effective = Clone(package);
        foreach (AccountLimitKind kind in Kinds)
        {
            if (Has(overrides, kind))
            {
                Copy(overrides, effective, kind);
            }
        }

        return effective;
    }

    /// <summary>The limits both sides know that differ.</summary>
    public static IReadOnlyList<LimitDifference> Differences(AccountLimits expected, AccountLimits onServer)
    {
        var differences = new List<LimitDifference>();
        foreach (AccountLimitKind kind in Kinds)
        {
            string? want = Text(expected, kind);
            string? have = Text(onServer, kind);
            if (want != null && have != null && want != have)
            {
                differences.Add(new LimitDifference(kind, want, have));
            }
        }

        return differences;
    }
}

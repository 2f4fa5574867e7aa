using System;
using System.Collections.Generic;

namespace CpanelBilling.WhmSimulator;

/// <summary>
/// The per-account limits WHM keeps in the cpuser file. Values are strings exactly as cPanel stores them:
/// a number or <c>"unlimited"</c>. <see cref="Quota"/>, <see cref="BwLimit"/> and <see cref="MaxEmailAcctQuota"/>
/// are in megabytes.
/// </summary>
public sealed record AccountLimits
{
    public const string Unlimited = "unlimited";

    /// <summary>The cPanel package keys these limits correspond to, in listpkgs order.</summary>
    public static IReadOnlyList<string> PackageKeys { get; } = new[]
    {
        "QUOTA", "BWLIMIT", "MAXPOP", "MAXSQL", "MAXFTP", "MAXLST", "MAXSUB", "MAXPARK", "MAXADDON",
        "MAX_EMAIL_PER_HOUR", "MAX_DEFER_FAIL_PERCENTAGE", "MAX_EMAILACCT_QUOTA",
    };

    public string Quota { get; init; } = Unlimited;
    public string BwLimit { get; init; } = Unlimited;
    public string MaxPop { get; init; } = Unlimited;
    public string MaxSql { get; init; } = Unlimited;
    public string MaxFtp { get; init; } = Unlimited;
    public string MaxLst { get; init; } = Unlimited;
    public string MaxSub { get; init; } = Unlimited;
    public string MaxPark { get; init; } = Unlimited;
    public string MaxAddon { get; init; } = Unlimited;
    public string MaxEmailPerHour { get; init; } = Unlimited;
    public string MaxDeferFailPercentage { get; init; } = Unlimited;
    public string MaxEmailAcctQuota { get; init; } = Unlimited;

    /// <summary>Reads one limit by its cPanel key (QUOTA, MAXFTP, …; case-insensitive).</summary>
    public string Get(string packageKey) => packageKey.ToUpperInvariant() switch
    {
        "QUOTA" => Quota,
        "BWLIMIT" => BwLimit,
        "MAXPOP" => MaxPop,
        "MAXSQL" => MaxSql,
        "MAXFTP" => MaxFtp,
        "MAXLST" => MaxLst,
        "MAXSUB" => MaxSub,
        "MAXPARK" => MaxPark,
        "MAXADDON" => MaxAddon,
        "MAX_EMAIL_PER_HOUR" => MaxEmailPerHour,
        "MAX_DEFER_FAIL_PERCENTAGE" => MaxDeferFailPercentage,
        "MAX_EMAILACCT_QUOTA" => MaxEmailAcctQuota,
        _ => throw new ArgumentException($"'{packageKey}' is not an account limit key.", nameof(packageKey)),
    };

    /// <summary>Returns a copy with one limit changed, addressed by its cPanel key (case-insensitive).</summary>
    public AccountLimits With(string packageKey, string value) => packageKey.ToUpperInvariant() switch
    {
        "QUOTA" => this with { Quota = value },
        "BWLIMIT" => this with { BwLimit = value },
        "MAXPOP" => this with { MaxPop = value },
        "MAXSQL" => this with { MaxSql = value },
        "MAXFTP" => this with { MaxFtp = value },
        "MAXLST" => this with { MaxLst = value },
        "MAXSUB" => this with { MaxSub = value },
        "MAXPARK" => this with { MaxPark = value },
        "MAXADDON" => this with { MaxAddon = value },
        "MAX_EMAIL_PER_HOUR" => this with { MaxEmailPerHour = value },
        "MAX_DEFER_FAIL_PERCENTAGE" => this with { MaxDeferFailPercentage = value },
        "MAX_EMAILACCT_QUOTA" => this with { MaxEmailAcctQuota = value },
        _ => throw new ArgumentException($"'{packageKey}' is not an account limit key.", nameof(packageKey)),
    };

    internal static bool IsLimitKey(string key)
    {
        foreach (var known in PackageKeys)
        {
            if (string.Equals(known, key, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

using System;
using System.Collections.Generic;

namespace CpanelBilling.Core.Billing;

/// <summary>
/// The settings of a cPanel package (hosting plan) as <c>listpkgs</c> reports them, typed. A null limit means the
/// server did not list that key. Keys this type has no property for (MAXPASSENGERAPPS, MAX_TEAM_USERS,
/// _PACKAGE_EXTENSIONS, and whatever else the package file holds) are kept in <see cref="OtherAttributes"/>, as are
/// values that could not be read, so a sync never loses what the server said.
/// </summary>
public sealed class PackageSettings
{
    /// <summary>Disk quota in MB (QUOTA).</summary>
    public LimitValue? QuotaMb { get; set; }

    /// <summary>Monthly bandwidth in MB (BWLIMIT).</summary>
    public LimitValue? BandwidthMb { get; set; }

    /// <summary>Email accounts (MAXPOP).</summary>
    public LimitValue? MaxPop { get; set; }

    /// <summary>Databases (MAXSQL).</summary>
    public LimitValue? MaxSql { get; set; }

    /// <summary>FTP accounts (MAXFTP).</summary>
    public LimitValue? MaxFtp { get; set; }

    /// <summary>Mailing lists (MAXLST).</summary>
    public LimitValue? MaxLst { get; set; }

    /// <summary>Subdomains (MAXSUB).</summary>
    public LimitValue? MaxSub { get; set; }

    /// <summary>Parked domains / aliases (MAXPARK).</summary>
    public LimitValue? MaxPark { get; set; }

    /// <summary>Addon domains (MAXADDON).</summary>
    public LimitValue? MaxAddon { get; set; }

    public LimitValue? MaxEmailPerHour { get; set; }

    public LimitValue? MaxDeferFailPercentage { get; set; }

    /// <summary>Largest quota of one email account, in MB (MAX_EMAILACCT_QUOTA).</summary>
    public LimitValue? MaxEmailAccountQuotaMb { get; set; }

    /// <summary>Whether accounts on the package get a dedicated IP (IP=y).</summary>
    public bool DedicatedIp { get; set; }

    public bool? Cgi { get; set; }

    public bool? HasShell { get; set; }

    public bool? DigestAuth { get; set; }

    public string? FeatureList { get; set; }

    /// <summary>The cPanel theme (CPMOD).</summary>
    public string? CpMod { get; set; }

    public string? Language { get; set; }

    /// <summary>Every other key the server listed, with its value as the server wrote it.</summary>
    public IDictionary<string, string> OtherAttributes { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Reads one <c>listpkgs</c> element (every key but <c>name</c>; keys are matched without regard to case).
    /// </summary>
    public static PackageSettings FromListPkgs(IEnumerable<KeyValuePair<string, string?>> attributes)
    {
        if (attributes == null)
        {
            throw new ArgumentNullException(nameof(attributes));
        }

        var settings = new PackageSettings();
        foreach (KeyValuePair<string, string?> pair in attributes)
        {
            if (pair.Value == null || string.Equals(pair.Key, "name", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!settings.TryApply(pair.Key.ToUpperInvariant(), pair.Value))
            {
                settings.OtherAttributes[pair.Key] = pair.Value;
            }
        }

        return settings;
    }

    private bool TryApply(string key, string value)
    {
        switch (key)
        {
            case "QUOTA": return TryLimit(value, v => QuotaMb = v);
            case "BWLIMIT": return TryLimit(value, v => BandwidthMb = v);
            case "MAXPOP": return TryLimit(value, v => MaxPop = v);
            case "MAXSQL": return TryLimit(value, v => MaxSql = v);
            case "MAXFTP": return TryLimit(value, v => MaxFtp = v);
            case "MAXLST": return TryLimit(value, v => MaxLst = v);
            case "MAXSUB": return TryLimit(value, v => MaxSub = v);
            case "MAXPARK": return TryLimit(value, v => MaxPark = v);
            case "MAXADDON": return TryLimit(value, v => MaxAddon = v);
            case "MAX_EMAIL_PER_HOUR": return TryLimit(value, v => MaxEmailPerHour = v);
            case "MAX_DEFER_FAIL_PERCENTAGE": return TryLimit(value, v => MaxDeferFailPercentage = v);
            case "MAX_EMAILACCT_QUOTA": return TryLimit(value, v => MaxEmailAccountQuotaMb = v);
            case "IP": return TryFlag(value, v => DedicatedIp = v);
            case "CGI": return TryFlag(value, v => Cgi = v);
            case "HASSHELL": return TryFlag(value, v => HasShell = v);
            case "DIGESTAUTH": return TryFlag(value, v => DigestAuth = v);
            case "FEATURELIST": FeatureList = value; return true;
            case "CPMOD": CpMod = value; return true;
            case "LANG": Language = value; return true;
            default: return false;
        }
    }

    private static bool TryLimit(string text, Action<LimitValue> set)
    {
        if (!LimitValue.TryParse(text, out LimitValue value))
        {
            return false;
        }

        set(value);
        return true;
    }

    // Package files store flags as y/n; some older files and the add/edit parameters use 1/0.
    private static bool TryFlag(string text, Action<bool> set)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "y":
            case "1":
                set(true);
                return true;
            case "n":
            case "0":
                set(false);
                return true;
            default:
                return false;
        }
    }
}

using System;
using System.Collections.Generic;

namespace CpanelBilling.Core;

/// <summary>
/// The settings of a cPanel package (hosting plan): what <c>listpkgs</c> reports, what <c>addpkg</c> and
/// <c>editpkg</c> take (named, as a <see cref="Whm.WhmPackage"/>), and what billing keeps of each server package.
/// A null setting was not said: listpkgs did not list it, addpkg leaves it to cPanel's default, editpkg keeps the
/// current value. Keys without a property here, and values that could not be read, are kept in
/// <see cref="OtherSettings"/> exactly as the server wrote them, so nothing the server said is lost.
/// </summary>
public sealed class PackageSettings
{
    /// <summary>Disk quota (QUOTA).</summary>
    public MegabyteLimit? Quota { get; set; }

    /// <summary>Monthly bandwidth (BWLIMIT).</summary>
    public MegabyteLimit? BandwidthLimit { get; set; }

    /// <summary>FTP accounts (MAXFTP).</summary>
    public CountLimit? MaxFtp { get; set; }

    /// <summary>Databases (MAXSQL).</summary>
    public CountLimit? MaxSql { get; set; }

    /// <summary>E-mail accounts (MAXPOP).</summary>
    public CountLimit? MaxPop { get; set; }

    /// <summary>Mailing lists (MAXLST).</summary>
    public CountLimit? MaxLists { get; set; }

    /// <summary>Subdomains (MAXSUB).</summary>
    public CountLimit? MaxSubdomains { get; set; }

    /// <summary>Parked domains / aliases (MAXPARK). cPanel's default for a new package is 0.</summary>
    public CountLimit? MaxParked { get; set; }

    /// <summary>Addon domains (MAXADDON). cPanel's default for a new package is 0.</summary>
    public CountLimit? MaxAddons { get; set; }

    /// <summary>Passenger applications (MAXPASSENGERAPPS).</summary>
    public CountLimit? MaxPassengerApps { get; set; }

    /// <summary>MAX_EMAIL_PER_HOUR.</summary>
    public CountLimit? MaxEmailPerHour { get; set; }

    /// <summary>MAX_DEFER_FAIL_PERCENTAGE.</summary>
    public CountLimit? MaxDeferFailPercentage { get; set; }

    /// <summary>Largest quota of one e-mail account (MAX_EMAILACCT_QUOTA).</summary>
    public MegabyteLimit? MaxEmailAccountQuota { get; set; }

    /// <summary>Team users (MAX_TEAM_USERS).</summary>
    public int? MaxTeamUsers { get; set; }

    /// <summary>FEATURELIST.</summary>
    public string? FeatureList { get; set; }

    /// <summary>The cPanel theme (CPMOD; addpkg's <c>cpmod</c>).</summary>
    public string? Theme { get; set; }

    /// <summary>The locale (LANG; addpkg's <c>language</c>).</summary>
    public string? Language { get; set; }

    /// <summary>Accounts on the package get a dedicated IP address (IP=y).</summary>
    public bool? DedicatedIp { get; set; }

    /// <summary>CGI.</summary>
    public bool? Cgi { get; set; }

    /// <summary>HASSHELL.</summary>
    public bool? HasShell { get; set; }

    /// <summary>DIGESTAUTH.</summary>
    public bool? DigestAuth { get; set; }

    /// <summary>FRONTPAGE: accepted for compatibility; cPanel ignores it.</summary>
    public bool? FrontPage { get; set; }

    /// <summary>_PACKAGE_EXTENSIONS: space-separated package extension names.</summary>
    public string? PackageExtensions { get; set; }

    /// <summary>
    /// Every other key the server listed, and every listed value that could not be read, as the server wrote it.
    /// Keys compare without regard to case.
    /// </summary>
    public IDictionary<string, string> OtherSettings { get; } = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Reads the keys of one <c>listpkgs</c> element (KEY → value as text). The <c>name</c> key and null values are
    /// skipped; keys match without regard to case.
    /// </summary>
    public static PackageSettings FromListPkgs(IEnumerable<KeyValuePair<string, string?>> keys)
    {
        if (keys is null)
        {
            throw new ArgumentNullException(nameof(keys));
        }

        var settings = new PackageSettings();
        foreach (KeyValuePair<string, string?> pair in keys)
        {
            if (pair.Value is null || string.Equals(pair.Key, "name", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!PackageSettingKey.ByName.TryGetValue(pair.Key, out PackageSettingKey? key) || !key.TryRead(settings, pair.Value))
            {
                settings.OtherSettings[pair.Key] = pair.Value;
            }
        }

        return settings;
    }

    /// <summary>
    /// The settings as listpkgs keys, the inverse of <see cref="FromListPkgs"/>: every set property in the form the
    /// package file uses, then <see cref="OtherSettings"/> (a set property wins over a kept value of its key).
    /// </summary>
    internal IEnumerable<KeyValuePair<string, string>> ToListPkgs()
    {
        var written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (PackageSettingKey key in PackageSettingKey.All)
        {
            if (key.Format(this) is { } text)
            {
                written.Add(key.Name);
                yield return new KeyValuePair<string, string>(key.Name, text);
            }
        }

        foreach (KeyValuePair<string, string> other in OtherSettings)
        {
            if (!written.Contains(other.Key))
            {
                yield return other;
            }
        }
    }
}

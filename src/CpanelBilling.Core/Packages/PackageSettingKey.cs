using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CpanelBilling.Core;

/// <summary>
/// One listpkgs key and the <see cref="PackageSettings"/> property it fills: how its text is read and written back.
/// The single table of package keys, so reading and writing cannot drift apart.
/// </summary>
internal sealed class PackageSettingKey
{
    private readonly Func<PackageSettings, string, bool> tryRead;
    private readonly Func<PackageSettings, string?> format;

    private PackageSettingKey(string name, Func<PackageSettings, string, bool> tryRead, Func<PackageSettings, string?> format)
    {
        Name = name;
        this.tryRead = tryRead;
        this.format = format;
    }

    public static IReadOnlyList<PackageSettingKey> All { get; } = new[]
    {
        Megabytes("QUOTA", s => s.Quota, (s, v) => s.Quota = v),
        Megabytes("BWLIMIT", s => s.BandwidthLimit, (s, v) => s.BandwidthLimit = v),
        Count("MAXFTP", s => s.MaxFtp, (s, v) => s.MaxFtp = v),
        Count("MAXSQL", s => s.MaxSql, (s, v) => s.MaxSql = v),
        Count("MAXPOP", s => s.MaxPop, (s, v) => s.MaxPop = v),
        Count("MAXLST", s => s.MaxLists, (s, v) => s.MaxLists = v),
        Count("MAXSUB", s => s.MaxSubdomains, (s, v) => s.MaxSubdomains = v),
        Count("MAXPARK", s => s.MaxParked, (s, v) => s.MaxParked = v),
        Count("MAXADDON", s => s.MaxAddons, (s, v) => s.MaxAddons = v),
        Count("MAXPASSENGERAPPS", s => s.MaxPassengerApps, (s, v) => s.MaxPassengerApps = v),
        Count("MAX_EMAIL_PER_HOUR", s => s.MaxEmailPerHour, (s, v) => s.MaxEmailPerHour = v),
        Count("MAX_DEFER_FAIL_PERCENTAGE", s => s.MaxDeferFailPercentage, (s, v) => s.MaxDeferFailPercentage = v),
        Megabytes("MAX_EMAILACCT_QUOTA", s => s.MaxEmailAccountQuota, (s, v) => s.MaxEmailAccountQuota = v),
        Number("MAX_TEAM_USERS", s => s.MaxTeamUsers, (s, v) => s.MaxTeamUsers = v),
        Text("FEATURELIST", s => s.FeatureList, (s, v) => s.FeatureList = v),
        Text("CPMOD", s => s.Theme, (s, v) => s.Theme = v),
        Text("LANG", s => s.Language, (s, v) => s.Language = v),
        Flag("IP", s => s.DedicatedIp, (s, v) => s.DedicatedIp = v),
        Flag("CGI", s => s.Cgi, (s, v) => s.Cgi = v),
        Flag("HASSHELL", s => s.HasShell, (s, v) => s.HasShell = v),
        Flag("DIGESTAUTH", s => s.DigestAuth, (s, v) => s.DigestAuth = v),
        Flag("FRONTPAGE", s => s.FrontPage, (s, v) => s.FrontPage = v),
        Text("_PACKAGE_EXTENSIONS", s => s.PackageExtensions, (s, v) => s.PackageExtensions = v),
    };

    public static IReadOnlyDictionary<string, PackageSettingKey> ByName { get; } =
        All.ToDictionary(k => k.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The key as listpkgs writes it.</summary>
    public string Name { get; }

    /// <summary>Sets the property from the key's text; false (property untouched) when the text is not a valid value.</summary>
    public bool TryRead(PackageSettings settings, string text) => tryRead(settings, text);

    /// <summary>The property as the package file writes it; null when it is not set.</summary>
    public string? Format(PackageSettings settings) => format(settings);

    private static PackageSettingKey Megabytes(string name, Func<PackageSettings, MegabyteLimit?> get, Action<PackageSettings, MegabyteLimit> set) =>
        new(name, (s, text) => MegabyteLimit.TryParse(text, out MegabyteLimit value) && Apply(s, value, set), s => get(s)?.ToString());

    private static PackageSettingKey Count(string name, Func<PackageSettings, CountLimit?> get, Action<PackageSettings, CountLimit> set) =>
        new(name, (s, text) => CountLimit.TryParse(text, out CountLimit value) && Apply(s, value, set), s => get(s)?.ToString());

    private static PackageSettingKey Number(string name, Func<PackageSettings, int?> get, Action<PackageSettings, int> set) =>
        new(
            name,
            (s, text) => int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int value) && Apply(s, value, set),
            s => get(s)?.ToString(CultureInfo.InvariantCulture));

    // Package files store flags as y/n; older files and the add/edit parameters use 1/0.
    private static PackageSettingKey Flag(string name, Func<PackageSettings, bool?> get, Action<PackageSettings, bool> set) =>
        new(name, (s, text) => WhmFlag.TryParse(text, out bool value) && Apply(s, value, set), s => get(s) is { } flag ? (flag ? "y" : "n") : null);

    private static PackageSettingKey Text(string name, Func<PackageSettings, string?> get, Action<PackageSettings, string> set) =>
        new(name, (s, text) => Apply(s, text, set), get);

    private static bool Apply<T>(PackageSettings settings, T value, Action<PackageSettings, T> set)
    {
        set(settings, value);
        return true;
    }
}

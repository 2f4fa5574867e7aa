using System;
using System.Collections.Generic;
using System.Linq;

namespace CpanelBilling.WhmSimulator;

/// <summary>
/// The mapping between <see cref="SimulatedPackage"/> and cPanel's package file keys, in the order WHM writes them.
/// Used by listpkgs, addpkg/editpkg and the state file.
/// </summary>
internal static class PackageFile
{
    private static readonly (string Key, Func<SimulatedPackage, string?> Get, Func<SimulatedPackage, string?, SimulatedPackage> Set)[] Fields =
    {
        ("QUOTA", p => p.Quota, (p, v) => p with { Quota = v }),
        ("BWLIMIT", p => p.BwLimit, (p, v) => p with { BwLimit = v }),
        ("MAXPOP", p => p.MaxPop, (p, v) => p with { MaxPop = v }),
        ("MAXSQL", p => p.MaxSql, (p, v) => p with { MaxSql = v }),
        ("MAXFTP", p => p.MaxFtp, (p, v) => p with { MaxFtp = v }),
        ("MAXLST", p => p.MaxLst, (p, v) => p with { MaxLst = v }),
        ("MAXSUB", p => p.MaxSub, (p, v) => p with { MaxSub = v }),
        ("MAXPARK", p => p.MaxPark, (p, v) => p with { MaxPark = v }),
        ("MAXADDON", p => p.MaxAddon, (p, v) => p with { MaxAddon = v }),
        ("MAXPASSENGERAPPS", p => p.MaxPassengerApps, (p, v) => p with { MaxPassengerApps = v }),
        ("MAX_EMAIL_PER_HOUR", p => p.MaxEmailPerHour, (p, v) => p with { MaxEmailPerHour = v }),
        ("MAX_DEFER_FAIL_PERCENTAGE", p => p.MaxDeferFailPercentage, (p, v) => p with { MaxDeferFailPercentage = v }),
        ("MAX_EMAILACCT_QUOTA", p => p.MaxEmailAcctQuota, (p, v) => p with { MaxEmailAcctQuota = v }),
        ("MAX_TEAM_USERS", p => p.MaxTeamUsers, (p, v) => p with { MaxTeamUsers = v }),
        ("FEATURELIST", p => p.FeatureList, (p, v) => p with { FeatureList = v }),
        ("CPMOD", p => p.CpMod, (p, v) => p with { CpMod = v }),
        ("LANG", p => p.Lang, (p, v) => p with { Lang = v }),
        ("IP", p => p.Ip, (p, v) => p with { Ip = v }),
        ("CGI", p => p.Cgi, (p, v) => p with { Cgi = v }),
        ("HASSHELL", p => p.HasShell, (p, v) => p with { HasShell = v }),
        ("DIGESTAUTH", p => p.DigestAuth, (p, v) => p with { DigestAuth = v }),
        ("_PACKAGE_EXTENSIONS", p => p.PackageExtensions, (p, v) => p with { PackageExtensions = v }),
    };

    public static IEnumerable<string> Keys => Fields.Select(f => f.Key);

    public static bool IsKey(string key) => Fields.Any(f => f.Key == key);

    public static string? Get(SimulatedPackage package, string key) => Field(key).Get(package);

    public static SimulatedPackage Set(SimulatedPackage package, string key, string? value) => Field(key).Set(package, value);

    /// <summary>The keys present in the package file with their values, in file order.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Present(SimulatedPackage package) =>
        Fields.Select(f => (f.Key, Value: f.Get(package)))
            .Where(f => f.Value is not null)
            .Select(f => new KeyValuePair<string, string>(f.Key, f.Value!));

    /// <summary>
    /// The package as WHM loads it: keys missing from the file get their load-time defaults (IP n, FEATURELIST
    /// default, LANG en, DIGESTAUTH n, CPMOD the server theme), and MAX_DEFER_FAIL_PERCENTAGE is capped at 100.
    /// </summary>
    public static SimulatedPackage WithLoadDefaults(SimulatedPackage package)
    {
        var loaded = package with
        {
            Ip = package.Ip ?? "n",
            FeatureList = package.FeatureList ?? "default",
            Lang = package.Lang ?? "en",
            DigestAuth = package.DigestAuth ?? "n",
            CpMod = package.CpMod ?? "jupiter",
        };
        if (int.TryParse(loaded.MaxDeferFailPercentage, out var percent) && percent > 100)
        {
            loaded = loaded with { MaxDeferFailPercentage = "100" };
        }

        return loaded;
    }

    private static (string Key, Func<SimulatedPackage, string?> Get, Func<SimulatedPackage, string?, SimulatedPackage> Set) Field(string key) =>
        Fields.FirstOrDefault(f => f.Key == key) is { Key: not null } field
            ? field
            : throw new ArgumentException($"'{key}' is not a package key.", nameof(key));
}

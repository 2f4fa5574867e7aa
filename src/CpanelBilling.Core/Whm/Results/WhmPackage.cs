using System.Collections.Generic;
using System.Text.Json;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// A package as listpkgs reports it. cPanel stores packages as KEY=value files and returns every key; the typed
/// properties cover the documented ones, <see cref="Settings"/> holds them all as sent.
/// </summary>
public sealed class WhmPackage
{
    private WhmPackage(string name, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        Settings = settings;
    }

    public string Name { get; }

    public MegabyteLimit? Quota { get; private set; }

    public MegabyteLimit? BandwidthLimit { get; private set; }

    public CountLimit? MaxFtp { get; private set; }

    public CountLimit? MaxSql { get; private set; }

    public CountLimit? MaxPop { get; private set; }

    public CountLimit? MaxLists { get; private set; }

    public CountLimit? MaxSubdomains { get; private set; }

    public CountLimit? MaxParked { get; private set; }

    public CountLimit? MaxAddons { get; private set; }

    public CountLimit? MaxPassengerApps { get; private set; }

    public CountLimit? MaxEmailPerHour { get; private set; }

    public CountLimit? MaxDeferFailPercentage { get; private set; }

    public MegabyteLimit? MaxEmailAccountQuota { get; private set; }

    public int? MaxTeamUsers { get; private set; }

    public string? FeatureList { get; private set; }

    public string? Theme { get; private set; }

    public string? Language { get; private set; }

    /// <summary>Null when the package file does not say.</summary>
    public bool? DedicatedIp { get; private set; }

    public bool? Cgi { get; private set; }

    public bool? HasShell { get; private set; }

    public bool? DigestAuth { get; private set; }

    public string? PackageExtensions { get; private set; }

    /// <summary>Every key the server sent (QUOTA, BWLIMIT, CGI, …), case-insensitive, values as sent.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public override string ToString() => Name;

    internal static WhmPackage FromJson(JsonElement pkg)
    {
        long? maxTeamUsers = JsonValues.GetInt64(pkg, "MAX_TEAM_USERS");
        return new WhmPackage(JsonValues.GetRequiredString(pkg, "name"), JsonValues.GetStringMap(pkg))
        {
            Quota = JsonValues.GetMegabyteLimit(pkg, "QUOTA"),
            BandwidthLimit = JsonValues.GetMegabyteLimit(pkg, "BWLIMIT"),
            MaxFtp = JsonValues.GetCountLimit(pkg, "MAXFTP"),
            MaxSql = JsonValues.GetCountLimit(pkg, "MAXSQL"),
            MaxPop = JsonValues.GetCountLimit(pkg, "MAXPOP"),
            MaxLists = JsonValues.GetCountLimit(pkg, "MAXLST"),
            MaxSubdomains = JsonValues.GetCountLimit(pkg, "MAXSUB"),
            MaxParked = JsonValues.GetCountLimit(pkg, "MAXPARK"),
            MaxAddons = JsonValues.GetCountLimit(pkg, "MAXADDON"),
            MaxPassengerApps = JsonValues.GetCountLimit(pkg, "MAXPASSENGERAPPS"),
            MaxEmailPerHour = JsonValues.GetCountLimit(pkg, "MAX_EMAIL_PER_HOUR"),
            MaxDeferFailPercentage = JsonValues.GetCountLimit(pkg, "MAX_DEFER_FAIL_PERCENTAGE"),
            MaxEmailAccountQuota = JsonValues.GetMegabyteLimit(pkg, "MAX_EMAILACCT_QUOTA"),
            MaxTeamUsers = maxTeamUsers is null ? null : (int)maxTeamUsers.Value,
            FeatureList = JsonValues.GetString(pkg, "FEATURELIST"),
            Theme = JsonValues.GetString(pkg, "CPMOD"),
            Language = JsonValues.GetString(pkg, "LANG"),
            DedicatedIp = JsonValues.GetOptionalFlag(pkg, "IP"),
            Cgi = JsonValues.GetOptionalFlag(pkg, "CGI"),
            HasShell = JsonValues.GetOptionalFlag(pkg, "HASSHELL"),
            DigestAuth = JsonValues.GetOptionalFlag(pkg, "DIGESTAUTH"),
            PackageExtensions = JsonValues.GetString(pkg, "_PACKAGE_EXTENSIONS"),
        };
    }
}

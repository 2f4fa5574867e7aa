using System;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// A package (hosting plan) as addpkg and editpkg take it. A null setting is not sent: addpkg then uses cPanel's
/// default, editpkg keeps the current value.
/// </summary>
public sealed class PackageSettings
{
    public PackageSettings(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("The package name must not be empty.", nameof(name));
        }

        Name = name;
    }

    /// <summary>The package name. For a reseller, cPanel stores it as <c>reseller_name</c>.</summary>
    public string Name { get; }

    public string? FeatureList { get; set; }

    public MegabyteLimit? Quota { get; set; }

    public MegabyteLimit? BandwidthLimit { get; set; }

    /// <summary>ip (y/n): accounts on the package get a dedicated IP address.</summary>
    public bool? DedicatedIp { get; set; }

    public bool? Cgi { get; set; }

    public bool? HasShell { get; set; }

    public bool? DigestAuth { get; set; }

    /// <summary>frontpage: accepted for compatibility; cPanel ignores it.</summary>
    public bool? FrontPage { get; set; }

    /// <summary>cpmod: the cPanel theme.</summary>
    public string? Theme { get; set; }

    public string? Language { get; set; }

    public CountLimit? MaxFtp { get; set; }

    public CountLimit? MaxSql { get; set; }

    public CountLimit? MaxPop { get; set; }

    /// <summary>maxlst: mailing lists.</summary>
    public CountLimit? MaxLists { get; set; }

    public CountLimit? MaxSubdomains { get; set; }

    /// <summary>maxpark: parked domains. cPanel's default for a new package is 0.</summary>
    public CountLimit? MaxParked { get; set; }

    /// <summary>maxaddon: addon domains. cPanel's default for a new package is 0.</summary>
    public CountLimit? MaxAddons { get; set; }

    public CountLimit? MaxPassengerApps { get; set; }

    public CountLimit? MaxEmailPerHour { get; set; }

    public CountLimit? MaxDeferFailPercentage { get; set; }

    public MegabyteLimit? MaxEmailAccountQuota { get; set; }

    public int? MaxTeamUsers { get; set; }

    /// <summary>_PACKAGE_EXTENSIONS: space-separated package extension names.</summary>
    public string? PackageExtensions { get; set; }

    internal WhmParameters ToParameters() => new WhmParameters()
        .Add("name", Name)
        .Add("featurelist", FeatureList)
        .Add("quota", Quota)
        .Add("bwlimit", BandwidthLimit)
        .AddYesNo("ip", DedicatedIp)
        .Add("cgi", Cgi)
        .Add("hasshell", HasShell)
        .Add("digestauth", DigestAuth)
        .Add("frontpage", FrontPage)
        .Add("cpmod", Theme)
        .Add("language", Language)
        .Add("maxftp", MaxFtp)
        .Add("maxsql", MaxSql)
        .Add("maxpop", MaxPop)
        .Add("maxlst", MaxLists)
        .Add("maxsub", MaxSubdomains)
        .Add("maxpark", MaxParked)
        .Add("maxaddon", MaxAddons)
        .Add("maxpassengerapps", MaxPassengerApps)
        .Add("MAX_EMAIL_PER_HOUR", MaxEmailPerHour)
        .Add("MAX_DEFER_FAIL_PERCENTAGE", MaxDeferFailPercentage)
        .Add("max_emailacct_quota", MaxEmailAccountQuota)
        .Add("max_team_users", MaxTeamUsers)
        .Add("_PACKAGE_EXTENSIONS", PackageExtensions);
}

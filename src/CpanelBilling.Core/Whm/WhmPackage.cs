using System;
using System.Text.Json;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// A cPanel package by name: one element of what listpkgs lists, and what addpkg and editpkg take. For addpkg and
/// editpkg a null setting is not sent (addpkg then uses cPanel's default, editpkg keeps the current value), and
/// <see cref="PackageSettings.OtherSettings"/> is not sent at all.
/// </summary>
public sealed class WhmPackage
{
    public WhmPackage(string name, PackageSettings? settings = null)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("The package name must not be empty.", nameof(name));
        }

        Name = name;
        Settings = settings ?? new PackageSettings();
    }

    /// <summary>The package name. For a reseller, cPanel stores it as <c>reseller_name</c>.</summary>
    public string Name { get; }

    public PackageSettings Settings { get; }

    public override string ToString() => Name;

    internal static WhmPackage FromJson(JsonElement pkg) =>
        new(JsonValues.GetRequiredString(pkg, "name"), PackageSettings.FromListPkgs(JsonValues.GetFields(pkg)));

    // addpkg's parameter names are mostly the lower-cased listpkgs keys; LANG is "language", and ip takes y/n.
    internal WhmParameters ToParameters() => new WhmParameters()
        .Add("name", Name)
        .Add("featurelist", Settings.FeatureList)
        .Add("quota", Settings.Quota)
        .Add("bwlimit", Settings.BandwidthLimit)
        .AddYesNo("ip", Settings.DedicatedIp)
        .Add("cgi", Settings.Cgi)
        .Add("hasshell", Settings.HasShell)
        .Add("digestauth", Settings.DigestAuth)
        .Add("frontpage", Settings.FrontPage)
        .Add("cpmod", Settings.Theme)
        .Add("language", Settings.Language)
        .Add("maxftp", Settings.MaxFtp)
        .Add("maxsql", Settings.MaxSql)
        .Add("maxpop", Settings.MaxPop)
        .Add("maxlst", Settings.MaxLists)
        .Add("maxsub", Settings.MaxSubdomains)
        .Add("maxpark", Settings.MaxParked)
        .Add("maxaddon", Settings.MaxAddons)
        .Add("maxpassengerapps", Settings.MaxPassengerApps)
        .Add("MAX_EMAIL_PER_HOUR", Settings.MaxEmailPerHour)
        .Add("MAX_DEFER_FAIL_PERCENTAGE", Settings.MaxDeferFailPercentage)
        .Add("max_emailacct_quota", Settings.MaxEmailAccountQuota)
        .Add("max_team_users", Settings.MaxTeamUsers)
        .Add("_PACKAGE_EXTENSIONS", Settings.PackageExtensions);
}

using System;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Types;

/// <summary>
/// A cPanel package of a server, as billing last read it. Limits read as text: a number, or 'unlimited' (sizes in
/// megabytes); empty when the server did not list the setting. Pipes into Set-/Remove-CpPackage by Server and Name.
/// </summary>
public sealed class CpServerPackage
{
    public string Server { get; set; } = "";

    public string Name { get; set; } = "";

    public string Quota { get; set; } = "";

    public string BandwidthLimit { get; set; } = "";

    public string MaxFtp { get; set; } = "";

    public string MaxSql { get; set; } = "";

    public string MaxPop { get; set; } = "";

    public string MaxLists { get; set; } = "";

    public string MaxSubdomains { get; set; } = "";

    public string MaxParked { get; set; } = "";

    public string MaxAddons { get; set; } = "";

    public string MaxPassengerApps { get; set; } = "";

    public string MaxEmailPerHour { get; set; } = "";

    public string MaxDeferFailPercentage { get; set; } = "";

    public string MaxEmailAccountQuota { get; set; } = "";

    public int? MaxTeamUsers { get; set; }

    public string FeatureList { get; set; } = "";

    public string Theme { get; set; } = "";

    public string Language { get; set; } = "";

    public string PackageExtensions { get; set; } = "";

    public bool DedicatedIp { get; set; }

    public bool? Cgi { get; set; }

    public bool? Shell { get; set; }

    public bool? DigestAuth { get; set; }

    public DateTime FirstSeen { get; set; }

    public DateTime LastSeen { get; set; }

    /// <summary>When a sync first missed the package on the server; null while the server has it.</summary>
    public DateTime? Removed { get; set; }

    public bool IsRemoved => Removed.HasValue;

    public override string ToString() => Server + ":" + Name;

    internal static CpServerPackage From(string serverName, ServerPackage package)
    {
        Core.PackageSettings s = package.Settings;
        return new CpServerPackage
        {
            Server = serverName,
            Name = package.Name,
            Quota = s.Quota?.ToString() ?? "",
            BandwidthLimit = s.BandwidthLimit?.ToString() ?? "",
            MaxFtp = s.MaxFtp?.ToString() ?? "",
            MaxSql = s.MaxSql?.ToString() ?? "",
            MaxPop = s.MaxPop?.ToString() ?? "",
            MaxLists = s.MaxLists?.ToString() ?? "",
            MaxSubdomains = s.MaxSubdomains?.ToString() ?? "",
            MaxParked = s.MaxParked?.ToString() ?? "",
            MaxAddons = s.MaxAddons?.ToString() ?? "",
            MaxPassengerApps = s.MaxPassengerApps?.ToString() ?? "",
            MaxEmailPerHour = s.MaxEmailPerHour?.ToString() ?? "",
            MaxDeferFailPercentage = s.MaxDeferFailPercentage?.ToString() ?? "",
            MaxEmailAccountQuota = s.MaxEmailAccountQuota?.ToString() ?? "",
            MaxTeamUsers = s.MaxTeamUsers,
            FeatureList = s.FeatureList ?? "",
            Theme = s.Theme ?? "",
            Language = s.Language ?? "",
            PackageExtensions = s.PackageExtensions ?? "",
            DedicatedIp = s.DedicatedIp ?? false,
            Cgi = s.Cgi,
            Shell = s.HasShell,
            DigestAuth = s.DigestAuth,
            FirstSeen = package.FirstSeenUtc,
            LastSeen = package.LastSeenUtc,
            Removed = package.RemovedUtc,
        };
    }
}

using System.Management.Automation;
using CpanelBilling.Core.Operations.Packages;

namespace CpanelBilling.Commands;

/// <summary>
/// The parameters New-CpPackage and Set-CpPackage share: the server, the package name and every package setting.
/// Limits are text as admins type them (a number or 'unlimited'); the core checks them all before any call. A
/// setting not given is not sent (New: cPanel's default; Set: the package keeps its value). A switch given as
/// -Switch:$false is sent as off.
/// </summary>
public abstract class CpPackageCmdlet : CpSessionCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.ServerNameCompleter))]
    public string Server { get; set; } = "";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.PackageNameCompleter))]
    public string Name { get; set; } = "";

    [Parameter] public string? Quota { get; set; }

    [Parameter] public string? BandwidthLimit { get; set; }

    [Parameter] public string? MaxEmailAccountQuota { get; set; }

    [Parameter] public string? MaxFtp { get; set; }

    [Parameter] public string? MaxSql { get; set; }

    [Parameter] public string? MaxPop { get; set; }

    [Parameter] public string? MaxLists { get; set; }

    [Parameter] public string? MaxSubdomains { get; set; }

    [Parameter] public string? MaxParked { get; set; }

    [Parameter] public string? MaxAddons { get; set; }

    [Parameter] public string? MaxPassengerApps { get; set; }

    [Parameter] public string? MaxEmailPerHour { get; set; }

    [Parameter] public string? MaxDeferFailPercentage { get; set; }

    [Parameter] public int? MaxTeamUsers { get; set; }

    [Parameter] public string? FeatureList { get; set; }

    [Parameter] public string? Theme { get; set; }

    [Parameter] public string? Language { get; set; }

    [Parameter] [AllowEmptyString] public string? PackageExtensions { get; set; }

    [Parameter] public SwitchParameter DedicatedIp { get; set; }

    [Parameter] public SwitchParameter Cgi { get; set; }

    [Parameter] [Alias("HasShell")] public SwitchParameter Shell { get; set; }

    [Parameter] public SwitchParameter DigestAuth { get; set; }

    [Parameter] public SwitchParameter FrontPage { get; set; }

    internal PackageRequest BuildRequest() => new()
    {
        Name = Name,
        Quota = Quota,
        BandwidthLimit = BandwidthLimit,
        MaxEmailAccountQuota = MaxEmailAccountQuota,
        MaxFtp = MaxFtp,
        MaxSql = MaxSql,
        MaxPop = MaxPop,
        MaxLists = MaxLists,
        MaxSubdomains = MaxSubdomains,
        MaxParked = MaxParked,
        MaxAddons = MaxAddons,
        MaxPassengerApps = MaxPassengerApps,
        MaxEmailPerHour = MaxEmailPerHour,
        MaxDeferFailPercentage = MaxDeferFailPercentage,
        MaxTeamUsers = MaxTeamUsers,
        FeatureList = FeatureList,
        Theme = Theme,
        Language = Language,
        PackageExtensions = PackageExtensions,
        DedicatedIp = Flag(nameof(DedicatedIp), DedicatedIp),
        Cgi = Flag(nameof(Cgi), Cgi),
        HasShell = Flag(nameof(Shell), Shell),
        DigestAuth = Flag(nameof(DigestAuth), DigestAuth),
        FrontPage = Flag(nameof(FrontPage), FrontPage),
    };

    /// <summary>Writes the server's notes on the change (settings stored otherwise than asked, plans on a removed package …).</summary>
    internal void WriteWarnings(PackageChangeResult result)
    {
        foreach (string warning in result.Warnings)
        {
            WriteWarning(warning);
        }
    }

    private bool? Flag(string parameter, SwitchParameter value) =>
        MyInvocation.BoundParameters.ContainsKey(parameter) ? value.IsPresent : null;
}

using System.Management.Automation;
using CpanelBilling.Core.Operations.Packages;
using CpanelBilling.Infrastructure;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>
/// The parameters New-CpPackage and Set-CpPackage share: the server, the package name and every package setting.
/// Limits are numbers or 'unlimited', checked by the core's package rules while PowerShell binds them (so a bad one
/// fails before anything runs, -WhatIf included); the core checks the whole package again before any call. A
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

    [Parameter]
    [PackageLimit(nameof(PackageRequest.Quota))]
    [ArgumentCompleter(typeof(Completers.PackageLimitCompleter))]
    public CpLimit? Quota { get; set; }

    [Parameter]
    [PackageLimit(nameof(PackageRequest.BandwidthLimit))]
    [ArgumentCompleter(typeof(Completers.PackageLimitCompleter))]
    public CpLimit? BandwidthLimit { get; set; }

    [Parameter]
    [PackageLimit(nameof(PackageRequest.MaxEmailAccountQuota))]
    [ArgumentCompleter(typeof(Completers.PackageLimitCompleter))]
    public CpLimit? MaxEmailAccountQuota { get; set; }

    [Parameter]
    [PackageLimit(nameof(PackageRequest.MaxFtp))]
    [ArgumentCompleter(typeof(Completers.PackageLimitCompleter))]
    public CpLimit? MaxFtp { get; set; }

    [Parameter]
    [PackageLimit(nameof(PackageRequest.MaxSql))]
    [ArgumentCompleter(typeof(Completers.PackageLimitCompleter))]
    public CpLimit? MaxSql { get; set; }

    [Parameter]
    [PackageLimit(nameof(PackageRequest.MaxPop))]
    [ArgumentCompleter(typeof(Completers.PackageLimitCompleter))]
    public CpLimit? MaxPop { get; set; }

    [Parameter]
    [PackageLimit(nameof(PackageRequest.MaxLists))]
    [ArgumentCompleter(typeof(Completers.PackageLimitCompleter))]
    public CpLimit? MaxLists { get; set; }

    [Parameter]
    [PackageLimit(nameof(PackageRequest.MaxSubdomains))]
    [ArgumentCompleter(typeof(Completers.PackageLimitCompleter))]
    public CpLimit? MaxSubdomains { get; set; }

    [Parameter]
    [PackageLimit(nameof(PackageRequest.MaxParked))]
    [ArgumentCompleter(typeof(Completers.PackageLimitCompleter))]
    public CpLimit? MaxParked { get; set; }

    [Parameter]
    [PackageLimit(nameof(PackageRequest.MaxAddons))]
    [ArgumentCompleter(typeof(Completers.PackageLimitCompleter))]
    public CpLimit? MaxAddons { get; set; }

    [Parameter]
    [PackageLimit(nameof(PackageRequest.MaxPassengerApps))]
    [ArgumentCompleter(typeof(Completers.PackageLimitCompleter))]
    public CpLimit? MaxPassengerApps { get; set; }

    [Parameter]
    [PackageLimit(nameof(PackageRequest.MaxEmailPerHour))]
    [ArgumentCompleter(typeof(Completers.PackageLimitCompleter))]
    public CpLimit? MaxEmailPerHour { get; set; }

    [Parameter]
    [PackageLimit(nameof(PackageRequest.MaxDeferFailPercentage))]
    [ArgumentCompleter(typeof(Completers.PackageLimitCompleter))]
    public CpLimit? MaxDeferFailPercentage { get; set; }

    /// <summary>A number only: cPanel's team users have no 'unlimited'.</summary>
    [Parameter]
    [PackageLimit(nameof(PackageRequest.MaxTeamUsers))]
    public CpLimit? MaxTeamUsers { get; set; }

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
        Quota = Quota?.Value,
        BandwidthLimit = BandwidthLimit?.Value,
        MaxEmailAccountQuota = MaxEmailAccountQuota?.Value,
        MaxFtp = MaxFtp?.Value,
        MaxSql = MaxSql?.Value,
        MaxPop = MaxPop?.Value,
        MaxLists = MaxLists?.Value,
        MaxSubdomains = MaxSubdomains?.Value,
        MaxParked = MaxParked?.Value,
        MaxAddons = MaxAddons?.Value,
        MaxPassengerApps = MaxPassengerApps?.Value,
        MaxEmailPerHour = MaxEmailPerHour?.Value,
        MaxDeferFailPercentage = MaxDeferFailPercentage?.Value,
        MaxTeamUsers = MaxTeamUsers?.ToInt32(),
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

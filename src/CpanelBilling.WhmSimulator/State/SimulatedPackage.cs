namespace CpanelBilling.WhmSimulator;

/// <summary>
/// A hosting package as cPanel stores it: a file of <c>KEY=value</c> strings. A null property means the key is absent
/// from the file (listpkgs then omits it, except for the keys WHM fills in at load time).
/// Limits are numbers as strings or <c>"unlimited"</c>; QUOTA, BWLIMIT and MAX_EMAILACCT_QUOTA are in megabytes;
/// booleans (IP, CGI, HASSHELL, DIGESTAUTH) are <c>"y"</c>/<c>"n"</c>.
/// </summary>
public sealed record SimulatedPackage
{
    public required string Name { get; init; }
    public string? Quota { get; init; }
    public string? BwLimit { get; init; }
    public string? MaxPop { get; init; }
    public string? MaxSql { get; init; }
    public string? MaxFtp { get; init; }
    public string? MaxLst { get; init; }
    public string? MaxSub { get; init; }
    public string? MaxPark { get; init; }
    public string? MaxAddon { get; init; }
    public string? MaxPassengerApps { get; init; }
    public string? MaxEmailPerHour { get; init; }
    public string? MaxDeferFailPercentage { get; init; }
    public string? MaxEmailAcctQuota { get; init; }
    public string? MaxTeamUsers { get; init; }
    public string? FeatureList { get; init; }
    public string? CpMod { get; init; }
    public string? Lang { get; init; }
    public string? Ip { get; init; }
    public string? Cgi { get; init; }
    public string? HasShell { get; init; }
    public string? DigestAuth { get; init; }
    public string? PackageExtensions { get; init; }

    /// <summary>True when accounts on this package get a dedicated IP (<c>IP=y</c>).</summary>
    public bool WantsDedicatedIp => Ip == "y";

    /// <summary>The limits an account on this package gets; keys absent from the package mean unlimited.</summary>
    public AccountLimits ToAccountLimits() => new()
    {
        Quota = Quota ?? AccountLimits.Unlimited,
        BwLimit = BwLimit ?? AccountLimits.Unlimited,
        MaxPop = MaxPop ?? AccountLimits.Unlimited,
        MaxSql = MaxSql ?? AccountLimits.Unlimited,
        MaxFtp = MaxFtp ?? AccountLimits.Unlimited,
        MaxLst = MaxLst ?? AccountLimits.Unlimited,
        MaxSub = MaxSub ?? AccountLimits.Unlimited,
        MaxPark = MaxPark ?? AccountLimits.Unlimited,
        MaxAddon = MaxAddon ?? AccountLimits.Unlimited,
        MaxEmailPerHour = MaxEmailPerHour ?? AccountLimits.Unlimited,
        MaxDeferFailPercentage = MaxDeferFailPercentage ?? AccountLimits.Unlimited,
        MaxEmailAcctQuota = MaxEmailAcctQuota ?? AccountLimits.Unlimited,
    };
}

namespace CpanelBilling.Core.Operations.Packages;

/// <summary>
/// A package to add, or the changes to make to one. A null value is not sent: addpkg then uses cPanel's default,
/// editpkg keeps the current value. Limits are given as text, as admins type them: a number or <c>unlimited</c>.
/// Every value is checked before any call (<see cref="PackageRules"/>).
/// </summary>
public sealed class PackageRequest
{
    /// <summary>The package name. A reseller's token stores it as <c>reseller_name</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Disk quota (QUOTA): megabytes (at least 1) or <c>unlimited</c>. cPanel refuses 0.</summary>
    public string? Quota { get; set; }

    /// <summary>Monthly bandwidth (BWLIMIT): megabytes (at least 1) or <c>unlimited</c>. cPanel refuses 0.</summary>
    public string? BandwidthLimit { get; set; }

    /// <summary>Largest quota of one e-mail account (MAX_EMAILACCT_QUOTA): megabytes (at least 1) or <c>unlimited</c>.</summary>
    public string? MaxEmailAccountQuota { get; set; }

    /// <summary>FTP accounts (MAXFTP): 0–999 or <c>unlimited</c>.</summary>
    public string? MaxFtp { get; set; }

    /// <summary>Databases (MAXSQL): 0–999 or <c>unlimited</c>.</summary>
    public string? MaxSql { get; set; }

    /// <summary>E-mail accounts (MAXPOP): 0–999 or <c>unlimited</c>.</summary>
    public string? MaxPop { get; set; }

    /// <summary>Mailing lists (MAXLST): 0–999 or <c>unlimited</c>.</summary>
    public string? MaxLists { get; set; }

    /// <summary>Subdomains (MAXSUB): 0–999 or <c>unlimited</c>.</summary>
    public string? MaxSubdomains { get; set; }

    /// <summary>Parked domains (MAXPARK): 0–999 or <c>unlimited</c>.</summary>
    public string? MaxParked { get; set; }

    /// <summary>Addon domains (MAXADDON): 0–999 or <c>unlimited</c>.</summary>
    public string? MaxAddons { get; set; }

    /// <summary>Passenger applications (MAXPASSENGERAPPS): 0–999 or <c>unlimited</c>.</summary>
    public string? MaxPassengerApps { get; set; }

    /// <summary>Messages a domain may relay per hour (MAX_EMAIL_PER_HOUR): a rate of 0 or more, or <c>unlimited</c>.</summary>
    public string? MaxEmailPerHour { get; set; }

    /// <summary>Failed or deferred messages a domain may send per hour, in percent (MAX_DEFER_FAIL_PERCENTAGE): 1–100 or <c>unlimited</c>.</summary>
    public string? MaxDeferFailPercentage { get; set; }

    /// <summary>Team users with roles (MAX_TEAM_USERS): 0 or more.</summary>
    public int? MaxTeamUsers { get; set; }

    /// <summary>The feature list (FEATURELIST), e.g. <c>default</c>; it must exist on the server.</summary>
    public string? FeatureList { get; set; }

    /// <summary>The cPanel theme (CPMOD, addpkg's <c>cpmod</c>), e.g. <c>jupiter</c>.</summary>
    public string? Theme { get; set; }

    /// <summary>The locale (LANG, addpkg's <c>language</c>), e.g. <c>en</c> or <c>pt_br</c>.</summary>
    public string? Language { get; set; }

    /// <summary>Package extensions (_PACKAGE_EXTENSIONS): names separated by spaces; empty for none.</summary>
    public string? PackageExtensions { get; set; }

    /// <summary>Accounts on the package get a dedicated IP address (IP).</summary>
    public bool? DedicatedIp { get; set; }

    /// <summary>CGI access (CGI).</summary>
    public bool? Cgi { get; set; }

    /// <summary>Shell access (HASSHELL).</summary>
    public bool? HasShell { get; set; }

    /// <summary>Digest authentication (DIGESTAUTH).</summary>
    public bool? DigestAuth { get; set; }

    /// <summary>FrontPage extensions (FRONTPAGE): accepted for compatibility; cPanel ignores it.</summary>
    public bool? FrontPage { get; set; }
}

namespace CpanelBilling.Core.Billing;

/// <summary>
/// Per-account overrides of the package's limits. A null property means "as the package says"; a value (a count,
/// megabytes, or <see cref="LimitValue.Unlimited"/>) replaces the package's value for this one account.
/// </summary>
public sealed class AccountLimits
{
    /// <summary>Monthly bandwidth in MB.</summary>
    public LimitValue? BandwidthMb { get; set; }

    /// <summary>Disk quota in MB.</summary>
    public LimitValue? DiskMb { get; set; }

    public LimitValue? EmailAccounts { get; set; }

    public LimitValue? Databases { get; set; }

    /// <summary>Addon (web) domains.</summary>
    public LimitValue? AddonDomains { get; set; }

    /// <summary>True when at least one limit differs from the package.</summary>
    public bool HasOverrides =>
        BandwidthMb.HasValue || DiskMb.HasValue || EmailAccounts.HasValue || Databases.HasValue || AddonDomains.HasValue;
}

namespace CpanelBilling.Core.Billing;

/// <summary>
/// Per-account overrides of the package's limits. A null property means "as the package says"; a value (a count,
/// megabytes, or unlimited) replaces the package's value for this one account.
/// </summary>
public sealed class AccountLimits
{
    /// <summary>Monthly bandwidth.</summary>
    public MegabyteLimit? Bandwidth { get; set; }

    /// <summary>Disk quota.</summary>
    public MegabyteLimit? Disk { get; set; }

    public CountLimit? EmailAccounts { get; set; }

    public CountLimit? Databases { get; set; }

    /// <summary>Addon (web) domains.</summary>
    public CountLimit? AddonDomains { get; set; }

    /// <summary>True when at least one limit differs from the package.</summary>
    public bool HasOverrides =>
        Bandwidth.HasValue || Disk.HasValue || EmailAccounts.HasValue || Databases.HasValue || AddonDomains.HasValue;
}

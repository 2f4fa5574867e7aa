using System;

namespace CpanelBilling.Core.Billing;

/// <summary>How <see cref="BillingDatabase.OpenAsync"/> opens the billing database.</summary>
public sealed class BillingRepositoryOptions
{
    /// <summary>
    /// Create the schema or upgrade an older one in place on open (default). When false, a database that is not at
    /// the module's schema version is refused with a Database error instead.
    /// </summary>
    public bool Migrate { get; set; } = true;

    /// <summary>How long a statement may run and how long a locked database or lock is waited for.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The clock for every stored time and lease expiry (UTC); the system clock when null. On SQL Server the
    /// database's own clock stamps the journal and the servers' created/changed times and times leases instead (see
    /// <see cref="IBillingRepository.GetDatabaseUtcNowAsync"/>); accounts, IPs and bandwidth records keep this clock.
    /// </summary>
    public Func<DateTime>? UtcNow { get; set; }
}

using System;

namespace CpanelBilling.Core.Billing;

/// <summary>
/// The right of one actor to work on one account until <see cref="ExpiresUtc"/>. An expired lease may be taken
/// over by anyone, so a crashed runbook does not block an account for ever.
/// </summary>
public sealed class AccountLease
{
    internal AccountLease(long accountId, string owner, DateTime acquiredUtc, DateTime expiresUtc)
    {
        AccountId = accountId;
        Owner = owner;
        AcquiredUtc = acquiredUtc;
        ExpiresUtc = expiresUtc;
    }

    public long AccountId { get; }

    /// <summary>Who holds the lease (an id the actor chose, e.g. runbook job id plus host).</summary>
    public string Owner { get; }

    public DateTime AcquiredUtc { get; }

    public DateTime ExpiresUtc { get; }
}

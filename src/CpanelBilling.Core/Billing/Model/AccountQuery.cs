using System.Collections.Generic;

namespace CpanelBilling.Core.Billing;

/// <summary>Which accounts to list. Every filter that is set must match; none set lists every live account.</summary>
public sealed class AccountQuery
{
    public long? ServerId { get; set; }

    public long? CustomerId { get; set; }

    public long? PlanId { get; set; }

    public AccountStatus? Status { get; set; }

    /// <summary>Also list deleted accounts (ignored when <see cref="Status"/> is set).</summary>
    public bool IncludeDeleted { get; set; }

    /// <summary>
    /// cPanel user names, any of which may match; each exact or a PowerShell wildcard pattern (<c>*</c>, <c>?</c>,
    /// <c>[a-c]</c>, a backtick escapes), without regard to case. Null or empty: any user name. Any number.
    /// </summary>
    public IReadOnlyCollection<string>? UserNames { get; set; }

    /// <summary>Main domains, any of which may match; exact or wildcard patterns as <see cref="UserNames"/>.</summary>
    public IReadOnlyCollection<string>? DomainNames { get; set; }
}

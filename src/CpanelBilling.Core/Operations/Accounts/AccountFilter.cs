using System.Collections.Generic;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>Which accounts to list, by names as admins use them. Every filter that is set must match.</summary>
public sealed class AccountFilter
{
    public string? ServerName { get; set; }

    public string? CustomerLogin { get; set; }

    public string? PlanName { get; set; }

    public AccountStatus? Status { get; set; }

    /// <summary>Also list deleted accounts (when no <see cref="Status"/> is given).</summary>
    public bool IncludeDeleted { get; set; }

    /// <summary>
    /// User names, any of which may match: exact, or wildcard patterns as PowerShell writes them (<c>*</c>, <c>?</c>,
    /// <c>[a-c]</c>, a backtick escapes), without regard to case; any number of them. Narrowed by the database;
    /// wildcard character sets are decided after reading.
    /// </summary>
    public IReadOnlyCollection<string>? UserNames { get; set; }

    /// <summary>Main domains, any of which may match; exact or wildcard patterns as <see cref="UserNames"/>.</summary>
    public IReadOnlyCollection<string>? DomainNames { get; set; }
}

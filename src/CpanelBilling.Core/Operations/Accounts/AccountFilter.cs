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
}

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
}

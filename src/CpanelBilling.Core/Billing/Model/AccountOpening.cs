namespace CpanelBilling.Core.Billing;

/// <summary>What is needed to record a new account in billing (before or after it is created on the server).</summary>
public sealed class AccountOpening
{
    public long CustomerId { get; set; }

    public long ServerId { get; set; }

    /// <summary>The plan; it must be mapped to a package on the server.</summary>
    public long PlanId { get; set; }

    /// <summary>The main domain. It is added to the customer when new; a domain of another customer is refused.</summary>
    public string DomainName { get; set; } = "";

    public string UserName { get; set; } = "";

    /// <summary>Take a dedicated IP even if the plan does not include one.</summary>
    public bool WantsDedicatedIp { get; set; }

    public AccountStatus Status { get; set; } = AccountStatus.New;

    /// <summary>Limit overrides from the start; null for none.</summary>
    public AccountLimits? Limits { get; set; }
}

namespace CpanelBilling.Core.Billing;

/// <summary>
/// Where an account is in its life. The numbers are stored in the billing database and must not change.
/// </summary>
public enum AccountStatus
{
    /// <summary>Ordered in billing; not (yet) created on the server.</summary>
    New = 1,

    Active = 2,

    /// <summary>Suspended (disabled) on the server; the reason is kept with the account.</summary>
    Suspended = 3,

    /// <summary>Removed from the server. The row stays for history; its user name may be used again.</summary>
    Deleted = 4,
}

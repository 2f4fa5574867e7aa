namespace CpanelBilling.Types;

/// <summary>Where an account is in its life, as billing records it (the same numbers as billing's status).</summary>
public enum CpAccountStatus
{
    /// <summary>Ordered in billing, not (yet) created on the server.</summary>
    New = 1,

    Active = 2,

    Suspended = 3,

    /// <summary>Removed from the server; billing keeps the row for history.</summary>
    Deleted = 4,
}

using CpanelBilling.Core.Operations.Accounts;

namespace CpanelBilling.Core.Operations.Reconcile;

/// <summary>
/// One difference between billing and a server: what differs, about which account, the value on each side, and
/// whose truth Repair takes. Values are as an admin reads them (<c>Suspended</c>, <c>basic</c>, <c>192.0.2.11</c>,
/// <c>unlimited</c>); null where a side has nothing.
/// </summary>
public sealed class AccountDifference
{
    internal AccountDifference(
        DifferenceKind kind,
        string serverName,
        string? userName,
        long? accountId,
        string? item,
        string? billingValue,
        string? serverValue,
        RepairSide side,
        string description,
        long? journalEntryId = null,
        AccountLimitKind? limit = null)
    {
        Kind = kind;
        ServerName = serverName;
        UserName = userName;
        AccountId = accountId;
        Item = item;
        BillingValue = billingValue;
        ServerValue = serverValue;
        Side = side;
        Description = description;
        JournalEntryId = journalEntryId;
        Limit = limit;
    }

    public DifferenceKind Kind { get; }

    public string ServerName { get; }

    /// <summary>The cPanel user; null for a journal entry about the server itself (a package change).</summary>
    public string? UserName { get; }

    /// <summary>Billing's account, when billing has one.</summary>
    public long? AccountId { get; }

    /// <summary>What exactly differs, when the kind alone does not say: the limit (<c>Disk</c>), the journal entry (<c>#12 suspendacct</c>).</summary>
    public string? Item { get; }

    public string? BillingValue { get; }

    public string? ServerValue { get; }

    public RepairSide Side { get; }

    /// <summary>One sentence: what differs and what Repair does about it.</summary>
    public string Description { get; }

    public long? JournalEntryId { get; }

    public AccountLimitKind? Limit { get; }

    public override string ToString() => Description;
}

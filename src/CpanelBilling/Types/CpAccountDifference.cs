using CpanelBilling.Core.Operations.Reconcile;

namespace CpanelBilling.Types;

/// <summary>
/// One difference between billing and a server (Compare-CpAccount): what differs, the value on each side, and
/// whose truth Repair-CpAccount takes. Pipes into Repair-CpAccount and Get-CpAccount by Server and UserName.
/// </summary>
public sealed class CpAccountDifference
{
    /// <summary>The billing server name; binds -Server.</summary>
    public string Server { get; set; } = "";

    /// <summary>The cPanel user name; binds -UserName. Empty for a package change in the journal.</summary>
    public string? UserName { get; set; }

    /// <summary>NotInBilling, NotOnServer, NotRecordedAsOpen, OtherAccountOnServer, Status, Package, IpAddress, Limit or OpenJournalEntry.</summary>
    public string Kind { get; set; } = "";

    /// <summary>What exactly differs when the kind alone does not say: the limit (Disk), the journal entry (#12 suspendacct).</summary>
    public string? Item { get; set; }

    public string? BillingValue { get; set; }

    public string? ServerValue { get; set; }

    /// <summary>Billing (the server is changed), Server (billing is changed), ServerWhenAsked (only with -ImportUnknown or -MarkMissingDeleted) or None (a person decides).</summary>
    public string RepairSide { get; set; } = "";

    /// <summary>Billing's account id, when billing has the account.</summary>
    public long? AccountId { get; set; }

    /// <summary>The journal entry, for an open one (see Get-CpOperation -Id).</summary>
    public long? JournalEntryId { get; set; }

    /// <summary>What differs and what Repair-CpAccount does about it, in one sentence.</summary>
    public string Description { get; set; } = "";

    public override string ToString() => Description;

    internal static CpAccountDifference From(AccountDifference difference) => new()
    {
        Server = difference.ServerName,
        UserName = difference.UserName,
        Kind = difference.Kind.ToString(),
        Item = difference.Item,
        BillingValue = difference.BillingValue,
        ServerValue = difference.ServerValue,
        RepairSide = difference.Side.ToString(),
        AccountId = difference.AccountId,
        JournalEntryId = difference.JournalEntryId,
        Description = difference.Description,
    };
}

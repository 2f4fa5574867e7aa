namespace CpanelBilling.Core.Operations.Reconcile;

/// <summary>What differs between billing and a server for one account (or one journal entry).</summary>
public enum DifferenceKind
{
    /// <summary>The server has an account billing does not know (no live account of that user name on that server).</summary>
    NotInBilling,

    /// <summary>Billing holds the account as Active or Suspended, but the server has no account of that user name.</summary>
    NotOnServer,

    /// <summary>Billing holds the account as New (not opened), but the server has it with the same domain: an opening whose end billing missed.</summary>
    NotRecordedAsOpen,

    /// <summary>The server's account of that user name has another main domain: it is not billing's account.</summary>
    OtherAccountOnServer,

    /// <summary>Suspended in billing (status 3) but active on the server, or the other way round.</summary>
    Status,

    /// <summary>The server has the account on another package than billing's plan maps to.</summary>
    Package,

    /// <summary>The account's address in billing (its dedicated IP, else the shared IP recorded in itemip) is not the server's.</summary>
    IpAddress,

    /// <summary>An own limit billing holds for the account (an override of the package) is not what the server has.</summary>
    Limit,

    /// <summary>A journal entry still Pending or Unknown: a server change whose end billing never recorded.</summary>
    OpenJournalEntry,
}

/// <summary>Whose truth Repair takes for a difference.</summary>
public enum RepairSide
{
    /// <summary>Repair changes the server to what billing holds (status, package, own limits, dedicated IP).</summary>
    Billing,

    /// <summary>Repair changes billing to what the server shows (a change the journal shows was made, an opening billing missed, an address).</summary>
    Server,

    /// <summary>Repair changes billing to the server's state only when asked to (importing an unknown account, marking a missing one Deleted).</summary>
    ServerWhenAsked,

    /// <summary>Repair only reports it; a person decides.</summary>
    None,
}

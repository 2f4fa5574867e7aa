using System;
using System.Collections.Generic;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Reconcile;

/// <summary>What a repair action does.</summary>
public enum RepairActionKind
{
    /// <summary>A journal entry is settled from the server's state: billing finishes the change the server shows made, or the entry is marked Failed.</summary>
    SettleJournalEntry,

    /// <summary>Billing holds the account as New but the server has it: the opening is continued (adopted, IP recorded, own limits applied, Active).</summary>
    FinishOpening,

    /// <summary>suspendacct, because billing holds the account as Suspended.</summary>
    Suspend,

    /// <summary>unsuspendacct, because billing holds the account as Active.</summary>
    Resume,

    /// <summary>changepackage to billing's plan's package, then the account's own limits and dedicated IP again.</summary>
    ChangePackage,

    /// <summary>The account's own limits from billing are sent to the server again.</summary>
    ReapplyLimits,

    /// <summary>setsiteip to the dedicated IP billing holds for the account.</summary>
    MoveToDedicatedIp,

    /// <summary>The address the server shows for the account is recorded in billing (itemip).</summary>
    RecordServerIp,

    /// <summary>Billing's account, gone from the server, is marked Deleted (only when asked).</summary>
    MarkDeleted,

    /// <summary>The server's account billing does not know is recorded in billing (only when asked).</summary>
    Import,
}

/// <summary>
/// One step of a repair plan: what it does, to which account, and which differences it resolves. Applying it
/// goes through the account operations (journal, lease, throttle) and first checks that billing still holds what
/// the plan saw; if not, the action is skipped rather than acting on a stale picture.
/// </summary>
public sealed class RepairAction
{
    private readonly List<long> journalEntryIds = new();
    private readonly List<AccountDifference> resolves = new();

    internal RepairAction(RepairActionKind kind, string serverName, string? userName, Account? account, string description)
    {
        Kind = kind;
        ServerName = serverName;
        UserName = userName;
        PlannedAccount = account;
        Description = description;
    }

    public RepairActionKind Kind { get; }

    public string ServerName { get; }

    public string? UserName { get; }

    public long? AccountId => PlannedAccount?.Id;

    /// <summary>The journal entries the action settles.</summary>
    public IReadOnlyList<long> JournalEntryIds => journalEntryIds;

    /// <summary>What the action does, in one sentence (what -WhatIf shows).</summary>
    public string Description { get; }

    /// <summary>The differences this action resolves.</summary>
    public IReadOnlyList<AccountDifference> Resolves => resolves;

    /// <summary>Where the action applies: <c>server/user</c>, or the server for a package entry.</summary>
    public string Target => UserName == null ? ServerName : ServerName + "/" + UserName;

    /// <summary>Billing's account as the plan saw it.</summary>
    internal Account? PlannedAccount { get; }

    /// <summary>The server's account as the plan saw it (for an import).</summary>
    internal WhmAccount? PlannedServerAccount { get; set; }

    /// <summary>The limits a <see cref="RepairActionKind.ReapplyLimits"/> sends again.</summary>
    internal IReadOnlyList<AccountLimitKind> LimitKinds { get; set; } = Array.Empty<AccountLimitKind>();

    /// <summary>A later open entry of the same account that changes the same thing, for a superseded entry.</summary>
    internal long? SupersededBy { get; set; }

    internal RepairOptions Options { get; set; } = new();

    internal RepairAction WithEntry(long entryId)
    {
        journalEntryIds.Add(entryId);
        return this;
    }

    internal void Resolve(AccountDifference difference) => resolves.Add(difference);

    public override string ToString() => Kind + " " + Target + ": " + Description;
}

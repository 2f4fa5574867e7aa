using System.Linq;
using CpanelBilling.Core.Operations.Reconcile;

namespace CpanelBilling.Types;

/// <summary>What one action of Repair-CpAccount did (Done) or why it did nothing (Skipped); failures are errors.</summary>
public sealed class CpRepairResult
{
    /// <summary>The billing server name; binds -Server.</summary>
    public string Server { get; set; } = "";

    /// <summary>The cPanel user name; binds -UserName. Empty for a package change in the journal.</summary>
    public string? UserName { get; set; }

    /// <summary>SettleJournalEntry, FinishOpening, Suspend, Resume, ChangePackage, ReapplyLimits, MoveToDedicatedIp, RecordServerIp, MarkDeleted or Import.</summary>
    public string Action { get; set; } = "";

    /// <summary>Done or Skipped.</summary>
    public string Status { get; set; } = "";

    /// <summary>What happened.</summary>
    public string Message { get; set; } = "";

    /// <summary>What the action was to do (what -WhatIf shows).</summary>
    public string Description { get; set; } = "";

    /// <summary>The kinds of difference it resolves (see Compare-CpAccount).</summary>
    public string[] Resolves { get; set; } = new string[0];

    /// <summary>The journal entries it settled.</summary>
    public long[] JournalEntryIds { get; set; } = new long[0];

    /// <summary>The server-changing calls it made, each journaled, e.g. "suspendacct (journal 12)".</summary>
    public string[] ServerCalls { get; set; } = new string[0];

    /// <summary>The account afterwards, when the action is about one billing has.</summary>
    public CpAccount? Account { get; set; }

    public override string ToString() => Action + " " + Server + (UserName == null ? "" : "/" + UserName) + ": " + Status;

    internal static CpRepairResult From(RepairOutcome outcome) => new()
    {
        Server = outcome.Action.ServerName,
        UserName = outcome.Action.UserName,
        Action = outcome.Action.Kind.ToString(),
        Status = outcome.Status.ToString(),
        Message = outcome.Message,
        Description = outcome.Action.Description,
        Resolves = outcome.Action.Resolves.Select(d => d.Kind.ToString()).Distinct().ToArray(),
        JournalEntryIds = outcome.Action.JournalEntryIds.ToArray(),
        ServerCalls = outcome.Calls.Select(c => c.ToString()).ToArray(),
        Account = outcome.Account == null ? null : CpAccount.From(outcome.Account),
    };
}

using System.Collections.Generic;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;

namespace CpanelBilling.Core.Operations.Reconcile;

/// <summary>What Repair would do: the comparison it starts from, the actions in order, and what it leaves to a person.</summary>
public sealed class RepairPlan
{
    internal RepairPlan(AccountComparison comparison, IReadOnlyList<RepairAction> actions, IReadOnlyList<AccountDifference> unrepaired)
    {
        Comparison = comparison;
        Actions = actions;
        Unrepaired = unrepaired;
    }

    public AccountComparison Comparison { get; }

    /// <summary>In the order they are applied: per server, per account, journal entries first.</summary>
    public IReadOnlyList<RepairAction> Actions { get; }

    /// <summary>Differences no action resolves: for a person, or for an option not given (import, mark deleted).</summary>
    public IReadOnlyList<AccountDifference> Unrepaired { get; }
}

/// <summary>How applying one action ended.</summary>
public enum RepairStatus
{
    Done,

    /// <summary>Nothing was done: billing or the server no longer is as the plan saw it (or the action was done meanwhile).</summary>
    Skipped,

    Failed,
}

/// <summary>What applying one repair action did.</summary>
public sealed class RepairOutcome
{
    internal RepairOutcome(RepairAction action, RepairStatus status, string message, Account? account, IReadOnlyList<ServerCallRecord> calls, IReadOnlyList<string> warnings, CpanelBillingException? error)
    {
        Action = action;
        Status = status;
        Message = message;
        Account = account;
        Calls = calls;
        Warnings = warnings;
        Error = error;
    }

    internal static RepairOutcome Done(RepairAction action, string message, AccountChangeResult result) =>
        new(action, RepairStatus.Done, message, result.Account, result.Calls, result.Warnings, null);

    internal static RepairOutcome Done(RepairAction action, string message, Account? account = null) =>
        new(action, RepairStatus.Done, message, account, System.Array.Empty<ServerCallRecord>(), System.Array.Empty<string>(), null);

    internal static RepairOutcome Skipped(RepairAction action, string message, Account? account = null) =>
        new(action, RepairStatus.Skipped, message, account, System.Array.Empty<ServerCallRecord>(), System.Array.Empty<string>(), null);

    internal static RepairOutcome Failed(RepairAction action, CpanelBillingException error) =>
        new(action, RepairStatus.Failed, error.Message, null, System.Array.Empty<ServerCallRecord>(), System.Array.Empty<string>(), error);

    public RepairAction Action { get; }

    public RepairStatus Status { get; }

    /// <summary>What happened, in one sentence.</summary>
    public string Message { get; }

    /// <summary>Billing's account afterwards, when the action is about one.</summary>
    public Account? Account { get; }

    /// <summary>The server-changing calls made (each journaled).</summary>
    public IReadOnlyList<ServerCallRecord> Calls { get; }

    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Why the action failed; null unless <see cref="Status"/> is Failed.</summary>
    public CpanelBillingException? Error { get; }

    public override string ToString() => Status + ": " + Message;
}

/// <summary>A whole repair: the plan and how each action ended.</summary>
public sealed class RepairReport
{
    internal RepairReport(RepairPlan plan, IReadOnlyList<RepairOutcome> outcomes)
    {
        Plan = plan;
        Outcomes = outcomes;
    }

    public RepairPlan Plan { get; }

    public IReadOnlyList<RepairOutcome> Outcomes { get; }
}

using System;
using System.Collections;
using System.Linq;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Types;

/// <summary>
/// One entry of the operation journal (Get-CpOperation): a server-changing WHM call, written before it was sent,
/// with how it ended. Pending or Unknown means billing never recorded the end; Repair-CpAccount settles it.
/// </summary>
public sealed class CpOperation
{
    public long Id { get; set; }

    /// <summary>The billing server name; binds -Server.</summary>
    public string Server { get; set; } = "";

    /// <summary>The cPanel user the call was about; binds -UserName.</summary>
    public string? UserName { get; set; }

    public long? AccountId { get; set; }

    /// <summary>The WHM function, e.g. suspendacct.</summary>
    public string Function { get; set; } = "";

    public CpOperationStatus Status { get; set; }

    /// <summary>The parameters as sent; secrets are stored masked.</summary>
    public Hashtable Parameters { get; set; } = new Hashtable();

    /// <summary>Who made the call (user@host:pid, or the actor a runbook named).</summary>
    public string? Actor { get; set; }

    public int Attempts { get; set; }

    public DateTime Created { get; set; }

    public DateTime Changed { get; set; }

    public DateTime? Completed { get; set; }

    /// <summary>Why it failed, or how repair settled it.</summary>
    public string? Error { get; set; }

    public override string ToString() => "#" + Id + " " + Function + " " + Status;

    internal static CpOperation From(OperationJournalEntry entry, string serverName) => new()
    {
        Id = entry.Id,
        Server = serverName,
        UserName = entry.UserName,
        AccountId = entry.AccountId,
        Function = entry.Function,
        Status = (CpOperationStatus)(int)entry.Status,
        Parameters = new Hashtable(entry.Parameters.ToDictionary(p => p.Key, p => (object?)p.Value), StringComparer.OrdinalIgnoreCase),
        Actor = entry.Actor,
        Attempts = entry.Attempts,
        Created = entry.CreatedUtc,
        Changed = entry.ChangedUtc,
        Completed = entry.CompletedUtc,
        Error = entry.Error,
    };
}

/// <summary>How a journaled call ended (the same numbers as billing's journal).</summary>
public enum CpOperationStatus
{
    /// <summary>Written before the call; the end was never recorded (still running, or the process stopped).</summary>
    Pending = 0,

    Succeeded = 1,

    Failed = 2,

    /// <summary>The call may or may not have taken effect and the server could not be read to tell.</summary>
    Unknown = 3,
}

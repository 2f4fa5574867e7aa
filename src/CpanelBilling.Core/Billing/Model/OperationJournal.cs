using System;
using System.Collections.Generic;

namespace CpanelBilling.Core.Billing;

/// <summary>The state of a journaled server call. The numbers are stored and must not change.</summary>
public enum OperationStatus
{
    /// <summary>The intent is written; the call has not finished (or the process died during it).</summary>
    Pending = 0,

    Succeeded = 1,

    Failed = 2,

    /// <summary>The call may or may not have changed the server (e.g. a timeout after sending); repair decides.</summary>
    Unknown = 3,
}

/// <summary>A server-changing call about to be made, written to the journal before the call.</summary>
public sealed class OperationIntent
{
    public long ServerId { get; set; }

    /// <summary>The billing account the call is about, when there is one.</summary>
    public long? AccountId { get; set; }

    /// <summary>The cPanel user the call is about, when there is one.</summary>
    public string? UserName { get; set; }

    /// <summary>The WHM function, e.g. <c>createacct</c>.</summary>
    public string Function { get; set; } = "";

    /// <summary>The call's parameters. Values of secret parameters (names per <see cref="SecretMasking.IsSecretName"/>) are never stored.</summary>
    public IReadOnlyDictionary<string, string?> Parameters { get; set; } = new Dictionary<string, string?>();

    /// <summary>Who makes the call (a runbook, host or user name), for whoever reads the journal later.</summary>
    public string? Actor { get; set; }
}

/// <summary>A journal entry: a server-changing call with its intent, attempts and outcome.</summary>
public sealed class OperationJournalEntry
{
    public long Id { get; internal set; }

    public long ServerId { get; internal set; }

    public long? AccountId { get; internal set; }

    public string? UserName { get; internal set; }

    public string Function { get; internal set; } = "";

    /// <summary>The parameters as stored, secrets replaced by <see cref="SecretMasking.Mask"/>.</summary>
    public IReadOnlyDictionary<string, string?> Parameters { get; internal set; } = new Dictionary<string, string?>();

    public string? Actor { get; internal set; }

    public OperationStatus Status { get; internal set; }

    /// <summary>How many times the call was sent (1 after the intent is written).</summary>
    public int Attempts { get; internal set; }

    public DateTime CreatedUtc { get; internal set; }

    /// <summary>
    /// When the entry last changed (intent, attempt or outcome), by the database's clock: compare it with
    /// <see cref="IBillingRepository.GetDatabaseUtcNowAsync"/>, not with this host's clock.
    /// </summary>
    public DateTime ChangedUtc { get; internal set; }

    public DateTime? CompletedUtc { get; internal set; }

    public string? Error { get; internal set; }
}

/// <summary>
/// Which journal entries to list. Every filter that is set must match; entries come oldest first, or newest first
/// with <see cref="NewestFirst"/>.
/// </summary>
public sealed class OperationJournalQuery
{
    public long? ServerId { get; set; }

    public long? AccountId { get; set; }

    public OperationStatus? Status { get; set; }

    /// <summary>The cPanel user the calls were about, compared without regard to case.</summary>
    public string? UserName { get; set; }

    /// <summary>The most entries to return; null for all.</summary>
    public int? Limit { get; set; }

    /// <summary>Newest entries first, so that with <see cref="Limit"/> the newest ones are returned.</summary>
    public bool NewestFirst { get; set; }
}

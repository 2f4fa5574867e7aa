using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Journal;

/// <summary>
/// One server-changing WHM call described for the journal: what is sent, and how to tell from the server's state
/// whether the change is in effect. The check is what turns an ambiguous outcome (a timeout after the request was
/// sent, a reset, a 5xx, an "already exists") into a known one instead of a guess.
/// </summary>
public sealed class ServerChange<T>
{
    public ServerChange(
        string function,
        IReadOnlyDictionary<string, string?> parameters,
        Func<IWhmClient, CancellationToken, Task<T>> send,
        Func<IWhmClient, CancellationToken, Task<bool>> isInEffect)
    {
        Function = function ?? throw new ArgumentNullException(nameof(function));
        Parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        Send = send ?? throw new ArgumentNullException(nameof(send));
        IsInEffect = isInEffect ?? throw new ArgumentNullException(nameof(isInEffect));
    }

    /// <summary>The WHM function, e.g. <c>suspendacct</c>.</summary>
    public string Function { get; }

    /// <summary>The parameters as the journal stores them (secrets are masked by the journal).</summary>
    public IReadOnlyDictionary<string, string?> Parameters { get; }

    public Func<IWhmClient, CancellationToken, Task<T>> Send { get; }

    /// <summary>Reads the server: is the intended change in effect now?</summary>
    public Func<IWhmClient, CancellationToken, Task<bool>> IsInEffect { get; }

    /// <summary>
    /// Server refusals that may mean the change is already in effect and are worth a look at the server (e.g.
    /// "already exists" for createacct, "no such user" for removeacct). Ambiguous failures are always checked.
    /// </summary>
    public Func<WhmApiException, bool>? CheckServerWhen { get; set; }
}

/// <summary>How a journaled change ended on the server.</summary>
public sealed class ServerChangeOutcome<T>
{
    internal ServerChangeOutcome(long journalEntryId, T? response, bool adopted, WhmApiException? resolvedFailure)
    {
        JournalEntryId = journalEntryId;
        Response = response;
        Adopted = adopted;
        ResolvedFailure = resolvedFailure;
    }

    public long JournalEntryId { get; }

    /// <summary>The server's answer; default when the answer was lost and the change was confirmed by reading the server.</summary>
    public T? Response { get; }

    /// <summary>True when the call's answer was lost or a refusal, but the server shows the change in effect.</summary>
    public bool Adopted { get; }

    /// <summary>The failure that was resolved by reading the server, when <see cref="Adopted"/>.</summary>
    public WhmApiException? ResolvedFailure { get; }
}

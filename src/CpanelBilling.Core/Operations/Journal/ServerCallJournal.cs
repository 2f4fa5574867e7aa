using System;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Journal;

/// <summary>
/// Makes server-changing calls under the operation journal, so nothing is lost and nothing is done twice:
/// <list type="number">
/// <item>the intent is written (Pending) before the call;</item>
/// <item>the call is sent once (changing calls are never retried blindly);</item>
/// <item>an ambiguous failure (timeout after sending, reset, 5xx, 524, garbage) or a refusal the change declares
/// worth checking is resolved by reading the server: in effect → adopted. Otherwise only a refusal is Failed (the
/// server answered, so the change was not made); after an ambiguous failure the change may still be in progress on
/// the server (it can finish a request its client gave up on), so the entry is Unknown, as when the read fails
/// too, and <see cref="ServerOutcomeUnknownException"/> is raised: Repair settles the entry later from the
/// server's state;</item>
/// <item>a call cancelled by the caller while it was being sent is Unknown too (it may have reached the server);</item>
/// <item>a plain refusal is recorded as Failed and rethrown.</item>
/// </list>
/// A successful call leaves the entry Pending: the caller updates billing and then calls
/// <see cref="CompleteAsync"/>. If the process stops or the database fails in between, the entry stays Pending and
/// repair finishes it from the server's state. Outcome writes ignore the caller's cancellation: once the server has
/// answered, recording the answer must not be skipped because Ctrl+C arrived.
/// </summary>
public sealed class ServerCallJournal
{
    private readonly IBillingRepository billing;
    private readonly string actor;

    public ServerCallJournal(IBillingRepository billing, string actor)
    {
        this.billing = billing ?? throw new ArgumentNullException(nameof(billing));
        this.actor = actor ?? throw new ArgumentNullException(nameof(actor));
    }

    public async Task<ServerChangeOutcome<T>> RunAsync<T>(
        IWhmClient client,
        BillingServer server,
        Account? account,
        string? userName,
        ServerChange<T> change,
        CancellationToken cancellationToken)
    {
        OperationJournalEntry entry = await billing.BeginOperationAsync(
            new OperationIntent
            {
                ServerId = server.Id,
                AccountId = account?.Id,
                UserName = userName ?? account?.UserName,
                Function = change.Function,
                Parameters = change.Parameters,
                Actor = actor,
            },
            cancellationToken).ConfigureAwait(false);

        T response;
        try
        {
            response = await change.Send(client, cancellationToken).ConfigureAwait(false);
        }
        catch (WhmApiException failure) when (failure.MayHaveExecuted || change.CheckServerWhen?.Invoke(failure) == true)
        {
            return await ResolveFromServerAsync(client, entry, change, failure, userName ?? account?.UserName, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C while the call was under way: it may have reached the server and may still finish there, so the
            // entry is Unknown (its grace keeps a second createacct and Repair's verdict away), not Pending, which
            // Repair would judge from the server at once.
            await RecordUnknownAsync(entry.Id, $"{change.Function} was cancelled by the caller while it was being sent; it may have reached the server.").ConfigureAwait(false);
            throw;
        }
        catch (CpanelBillingException failure)
        {
            await billing.CompleteOperationAsync(entry.Id, OperationStatus.Failed, failure.Message, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return new ServerChangeOutcome<T>(entry.Id, response, adopted: false, resolvedFailure: null);
    }

    /// <summary>Marks the change done, after billing has been brought in line with it.</summary>
    public Task CompleteAsync(long journalEntryId) =>
        billing.CompleteOperationAsync(journalEntryId, OperationStatus.Succeeded, error: null, CancellationToken.None);

    /// <summary>Marks a change failed after its server call succeeded (e.g. a follow-up step failed), with why.</summary>
    public Task FailAsync(long journalEntryId, string error) =>
        billing.CompleteOperationAsync(journalEntryId, OperationStatus.Failed, error, CancellationToken.None);

    private async Task<ServerChangeOutcome<T>> ResolveFromServerAsync<T>(
        IWhmClient client,
        OperationJournalEntry entry,
        ServerChange<T> change,
        WhmApiException failure,
        string? target,
        CancellationToken cancellationToken)
    {
        bool inEffect;
        try
        {
            inEffect = await change.IsInEffect(client, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception checkFailure) when (checkFailure is CpanelBillingException)
        {
            await RecordUnknownAsync(entry.Id, failure.Message).ConfigureAwait(false);
            throw new ServerOutcomeUnknownException(change.Function, target, entry.Id, failure, checkFailure);
        }

        if (inEffect)
        {
            return new ServerChangeOutcome<T>(entry.Id, default, adopted: true, resolvedFailure: failure);
        }

        if (failure.MayHaveExecuted)
        {
            // "Not in effect yet" is not "not made": the request may still be running on the server.
            await RecordUnknownAsync(entry.Id, failure.Message + " (the server did not show the change yet)").ConfigureAwait(false);
            throw new ServerOutcomeUnknownException(change.Function, target, entry.Id, failure);
        }

        await billing.CompleteOperationAsync(entry.Id, OperationStatus.Failed, failure.Message + " (the server shows the change not made)", CancellationToken.None).ConfigureAwait(false);
        throw failure;
    }

    /// <summary>
    /// Records that the outcome is not known. If billing fails to take it, the entry stays Pending (Repair settles that
    /// too) and the caller still learns the truth: the change may have been made. A database error in its place would
    /// read as a refusal, and an opening would then be undone while createacct may still finish.
    /// </summary>
    private async Task RecordUnknownAsync(long entryId, string error)
    {
        try
        {
            await billing.CompleteOperationAsync(entryId, OperationStatus.Unknown, error, CancellationToken.None).ConfigureAwait(false);
        }
        catch (CpanelBillingException)
        {
        }
    }
}

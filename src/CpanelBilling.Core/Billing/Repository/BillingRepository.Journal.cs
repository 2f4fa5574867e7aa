using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing.Sql;

namespace CpanelBilling.Core.Billing;

internal sealed partial class BillingRepository
{
    public Task<OperationJournalEntry> BeginOperationAsync(OperationIntent intent, CancellationToken cancellationToken = default)
    {
        if (intent == null)
        {
            throw new ArgumentNullException(nameof(intent));
        }

        string function = ColumnLimits.Required(intent.Function, "WHM function", ColumnLimits.JournalFunction);
        string? userName = ColumnLimits.Optional(intent.UserName, "user name", ColumnLimits.JournalUserName);
        string? actor = ColumnLimits.Optional(intent.Actor, "actor", ColumnLimits.Actor);
        string? parameters = JsonText.WriteMap(SecretMasking.MaskParameters(intent.Parameters ?? new Dictionary<string, string?>()));
        return WriteAsync(async session =>
        {
            await RequireServerAsync(session, intent.ServerId, cancellationToken).ConfigureAwait(false);
            if (intent.AccountId.HasValue)
            {
                await RequireAccountExistsAsync(session, intent.AccountId.Value, cancellationToken).ConfigureAwait(false);
            }

            long id = (await session.Sql(Statements.InsertJournalEntry)
                .With("@server_id", intent.ServerId)
                .With("@account_id", intent.AccountId)
                .With("@user_name", userName)
                .With("@function_name", function)
                .With("@parameters", parameters)
                .With("@actor", actor)
                .With("@now", Now())
                .ScalarInt64Async(cancellationToken).ConfigureAwait(false))!.Value;
            return await RequireJournalEntryAsync(session, id, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<OperationJournalEntry> RecordOperationAttemptAsync(long entryId, CancellationToken cancellationToken = default) =>
        WriteAsync(async session =>
        {
            int changed = await session.Sql(Statements.UpdateJournalAttempt).With("@entry_id", entryId).With("@now", Now())
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return await RequireOpenJournalChangeAsync(session, changed, entryId, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<OperationJournalEntry> CompleteOperationAsync(long entryId, OperationStatus outcome, string? error = null, CancellationToken cancellationToken = default)
    {
        if (outcome == OperationStatus.Pending || !Enum.IsDefined(typeof(OperationStatus), outcome))
        {
            throw new BillingInvalidValueException($"'{outcome}' is not an outcome; use Succeeded, Failed or Unknown.", "outcome");
        }

        return WriteAsync(async session =>
        {
            int changed = await session.Sql(Statements.UpdateJournalOutcome)
                .With("@status", (int)outcome)
                .With("@error", string.IsNullOrWhiteSpace(error) ? null : error)
                .With("@now", Now())
                .With("@entry_id", entryId)
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return await RequireOpenJournalChangeAsync(session, changed, entryId, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    // On SQLite the statement hands back @now, the repository's clock, so both backends take one path.
    public Task<DateTime> GetDatabaseUtcNowAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(
            async session => (await session.Sql(Statements.SelectCurrentUtc).With("@now", Now())
                .ListAsync(row => row.Utc("current_utc"), cancellationToken).ConfigureAwait(false)).Single(),
            cancellationToken);

    public Task<OperationJournalEntry> GetOperationAsync(long entryId, CancellationToken cancellationToken = default) =>
        ReadAsync(session => RequireJournalEntryAsync(session, entryId, cancellationToken), cancellationToken);

    public IAsyncEnumerable<OperationJournalEntry> ListOperationsAsync(OperationJournalQuery query, CancellationToken cancellationToken = default)
    {
        if (query == null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        if (query.Limit < 1)
        {
            throw new BillingInvalidValueException("The journal limit must be at least 1.", "limit");
        }

        var shape = new JournalListShape(
            query.ServerId.HasValue, query.AccountId.HasValue, query.Status.HasValue, query.UserName != null, query.Limit.HasValue, query.NewestFirst);
        return StreamAsync(
            Statements.SelectJournalEntries(shape),
            command =>
            {
                BindIfSet(command, "@server_id", query.ServerId);
                BindIfSet(command, "@account_id", query.AccountId);
                BindIfSet(command, "@status", query.Status.HasValue ? (int)query.Status.Value : null);
                if (query.UserName != null)
                {
                    command.With("@user_name", query.UserName);
                }

                BindIfSet(command, "@limit", query.Limit);
            },
            RowMappers.JournalEntry,
            cancellationToken);
    }

    private async Task<OperationJournalEntry> RequireJournalEntryAsync(BillingSession session, long entryId, CancellationToken cancellationToken) =>
        await session.Sql(Statements.SelectJournalEntry).With("@entry_id", entryId)
            .SingleOrDefaultAsync(RowMappers.JournalEntry, cancellationToken).ConfigureAwait(false)
        ?? throw new BillingNotFoundException(BillingErrorIds.JournalEntryNotFound, $"The journal has no entry {entryId}.", Id(entryId));

    /// <summary>The entry after a change that only an open (pending or unknown) entry accepts.</summary>
    private async Task<OperationJournalEntry> RequireOpenJournalChangeAsync(BillingSession session, int changedRows, long entryId, CancellationToken cancellationToken)
    {
        OperationJournalEntry entry = await RequireJournalEntryAsync(session, entryId, cancellationToken).ConfigureAwait(false);
        if (changedRows == 0)
        {
            throw new BillingConflictException(
                BillingErrorIds.JournalEntryAlreadyCompleted,
                $"Journal entry {entryId} ({entry.Function}) already ended as {entry.Status}; it takes no more attempts or outcomes.",
                Id(entryId));
        }

        return entry;
    }
}

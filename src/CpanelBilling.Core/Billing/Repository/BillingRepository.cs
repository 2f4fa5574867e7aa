using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing.Sql;

namespace CpanelBilling.Core.Billing;

/// <summary>
/// The repository, written once for both backends: every statement comes from the dialect's
/// <see cref="BillingStatements"/>, every backend difference from <see cref="SqlDialect"/>. The partial files hold
/// one area each (servers, plans, accounts …). Each call opens its own pooled connection; each change runs in one
/// write transaction. A unit that fails transiently (a deadlock victim, a briefly busy database) before its commit
/// runs again from the start (<see cref="TransientRetry"/>), so every unit of work must be self-contained.
/// </summary>
internal sealed partial class BillingRepository : IBillingRepository
{
    private readonly SqlDialect _dialect;
    private readonly Func<DateTime> _utcNow;
    private readonly TransientRetry _retry;

    internal BillingRepository(SqlDialect dialect, Func<DateTime> utcNow, TransientRetry? retry = null)
    {
        _dialect = dialect;
        _utcNow = utcNow;
        _retry = retry ?? TransientRetry.Default;
    }

    public BillingBackend Backend => _dialect.Backend;

    public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default) =>
        Guard(() => SchemaMigrator.GetVersionAsync(_dialect, cancellationToken));

    private BillingStatements Statements => _dialect.Statements;

    private DateTime Now()
    {
        DateTime now = _utcNow();
        return now.Kind == DateTimeKind.Local ? now.ToUniversalTime() : DateTime.SpecifyKind(now, DateTimeKind.Utc);
    }

    private Task<T> ReadAsync<T>(Func<BillingSession, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(writeTransaction: false, work, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction, committed when it returns. The work may run more than
    /// once (see the class summary): it must not change anything outside its session.
    /// </summary>
    private Task<T> WriteAsync<T>(Func<BillingSession, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(writeTransaction: true, work, cancellationToken);

    private Task<T> RunAsync<T>(bool writeTransaction, Func<BillingSession, Task<T>> work, CancellationToken cancellationToken) =>
        Guard(() => _retry.RunAsync(
            async () =>
            {
                using BillingSession session = await _dialect.OpenSessionAsync(writeTransaction, cancellationToken).ConfigureAwait(false);
                T result = await work(session).ConfigureAwait(false);
                if (writeTransaction)
                {
                    await CommitAsync(session, cancellationToken).ConfigureAwait(false);
                }

                return result;
            },
            _dialect.IsTransient,
            cancellationToken));

    private async Task CommitAsync(BillingSession session, CancellationToken cancellationToken)
    {
        try
        {
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException exception)
        {
            // Never retried, whatever the error: the commit may have reached the database before the failure did.
            throw new BillingDatabaseException(
                $"The {_dialect.DisplayName} failed while committing, so the change may or may not have been saved: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// Streams rows as the caller consumes them; the connection stays open until the enumeration ends. Opening and
    /// the first row are retried like any read; once a row has reached the caller, a failure ends the stream.
    /// </summary>
    private async IAsyncEnumerable<T> StreamAsync<T>(string sql, Action<BillingCommand> bind, Func<RowReader, T> map, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        OpenReader open = await Guard(() => _retry.RunAsync(() => OpenReaderAsync(sql, bind, cancellationToken), _dialect.IsTransient, cancellationToken))
            .ConfigureAwait(false);
        using (open)
        {
            var row = new RowReader(open.Reader);
            bool hasRow = open.HasFirstRow;
            while (hasRow)
            {
                yield return map(row);
                hasRow = await Guard(() => open.Reader.ReadAsync(cancellationToken)).ConfigureAwait(false);
            }
        }
    }

    private async Task<OpenReader> OpenReaderAsync(string sql, Action<BillingCommand> bind, CancellationToken cancellationToken)
    {
        BillingSession session = await _dialect.OpenSessionAsync(writeTransaction: false, cancellationToken).ConfigureAwait(false);
        BillingCommand? command = null;
        DbDataReader? reader = null;
        try
        {
            command = session.Sql(sql);
            bind(command);
            reader = await command.Command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            bool hasFirstRow = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new OpenReader(session, command, reader, hasFirstRow);
        }
        catch
        {
            reader?.Dispose();
            command?.Dispose();
            session.Dispose();
            throw;
        }
    }

    /// <summary>Binds a filter's parameter only when the listing shape uses it (an unset filter has no parameter).</summary>
    private static void BindIfSet(BillingCommand command, string name, long? value)
    {
        if (value.HasValue)
        {
            command.With(name, value.Value);
        }
    }

    private static void BindIfSet(BillingCommand command, string name, int? value)
    {
        if (value.HasValue)
        {
            command.With(name, value.Value);
        }
    }

    private static async IAsyncEnumerable<T> WhereAsync<T>(IAsyncEnumerable<T> items, Func<T, bool> keep, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (T item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (keep(item))
            {
                yield return item;
            }
        }
    }

    /// <summary>Turns a provider failure that no caller handled into the typed Database error.</summary>
    private async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (DbException exception)
        {
            throw new BillingDatabaseException($"The {_dialect.DisplayName} failed: {exception.Message}", exception);
        }
    }

    private bool IsUniqueViolation(DbException exception) => _dialect.IsUniqueViolation(exception);

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A reader positioned on its first row (when there is one), with the command and session it holds open.</summary>
    private sealed class OpenReader : IDisposable
    {
        private readonly BillingSession _session;
        private readonly BillingCommand _command;

        public OpenReader(BillingSession session, BillingCommand command, DbDataReader reader, bool hasFirstRow)
        {
            _session = session;
            _command = command;
            Reader = reader;
            HasFirstRow = hasFirstRow;
        }

        public DbDataReader Reader { get; }

        public bool HasFirstRow { get; }

        public void Dispose()
        {
            Reader.Dispose();
            _command.Dispose();
            _session.Dispose();
        }
    }
}

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
/// write transaction.
/// </summary>
internal sealed partial class BillingRepository : IBillingRepository
{
    private readonly SqlDialect _dialect;
    private readonly Func<DateTime> _utcNow;

    internal BillingRepository(SqlDialect dialect, Func<DateTime> utcNow)
    {
        _dialect = dialect;
        _utcNow = utcNow;
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

    /// <summary>Runs <paramref name="work"/> in one write transaction, committed when it returns.</summary>
    private Task<T> WriteAsync<T>(Func<BillingSession, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(writeTransaction: true, work, cancellationToken);

    private Task<T> RunAsync<T>(bool writeTransaction, Func<BillingSession, Task<T>> work, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            using BillingSession session = await _dialect.OpenSessionAsync(writeTransaction, cancellationToken).ConfigureAwait(false);
            T result = await work(session).ConfigureAwait(false);
            if (writeTransaction)
            {
                await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return result;
        });

    /// <summary>Streams rows as the caller consumes them; the connection stays open until the enumeration ends.</summary>
    private async IAsyncEnumerable<T> StreamAsync<T>(string sql, Action<BillingCommand> bind, Func<RowReader, T> map, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using BillingSession session = await Guard(() => _dialect.OpenSessionAsync(writeTransaction: false, cancellationToken)).ConfigureAwait(false);
        using BillingCommand command = session.Sql(sql);
        bind(command);
        using DbDataReader reader = await Guard(() => command.Command.ExecuteReaderAsync(cancellationToken)).ConfigureAwait(false);
        var row = new RowReader(reader);
        while (await Guard(() => reader.ReadAsync(cancellationToken)).ConfigureAwait(false))
        {
            yield return map(row);
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
}

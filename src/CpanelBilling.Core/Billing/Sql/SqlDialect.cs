using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace CpanelBilling.Core.Billing.Sql;

/// <summary>
/// Everything that differs between the backends, in one class per backend: connections and their setup,
/// transactions, statement texts, migrations, error numbers, locks and the set-based bandwidth insert. The
/// repository itself is written once against this class.
/// </summary>
internal abstract class SqlDialect
{
    protected SqlDialect(string connectionString, TimeSpan timeout)
    {
        ConnectionString = connectionString;
        Timeout = timeout;
    }

    public abstract BillingBackend Backend { get; }

    public abstract BillingStatements Statements { get; }

    public abstract IReadOnlyList<Migration> Migrations { get; }

    /// <summary>The connection string; it may hold a password, so it is never logged or put in a message.</summary>
    public string ConnectionString { get; }

    /// <summary>How long a statement, a lock or a busy database is waited for.</summary>
    public TimeSpan Timeout { get; }

    public int TimeoutSeconds => Math.Max(1, (int)Math.Ceiling(Timeout.TotalSeconds));

    /// <summary>A human description of the database for messages (never with credentials).</summary>
    public abstract string DisplayName { get; }

    /// <summary>Opens a connection (and, when asked, a write transaction on it).</summary>
    public async Task<BillingSession> OpenSessionAsync(bool writeTransaction, CancellationToken cancellationToken)
    {
        DbConnection connection = CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await PrepareConnectionAsync(connection, cancellationToken).ConfigureAwait(false);
            DbTransaction? transaction = writeTransaction ? BeginWriteTransaction(connection) : null;
            return new BillingSession(this, connection, transaction);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Once per process and database, before migrations (e.g. journal mode, which no transaction may hold).</summary>
    public virtual Task PrepareDatabaseAsync(BillingSession session, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Fills in a parameter the way the backend wants it (sizes, types).</summary>
    public virtual void ConfigureParameter(DbParameter parameter)
    {
    }

    /// <summary>The error is a violated unique index or key (a duplicate the caller may report as AlreadyExists).</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>
    /// The error says the statement lost a race or found the database briefly unavailable (a deadlock victim, a busy
    /// or locked database, a dropped connection), not that the work itself is wrong: the same work may succeed if it
    /// runs again from the start (see <see cref="TransientRetry"/>).
    /// </summary>
    public abstract bool IsTransient(DbException exception);

    /// <summary>
    /// Serializes writers that use the same <paramref name="resource"/> until the session's transaction ends.
    /// A backend whose write transactions already exclude each other does nothing.
    /// </summary>
    public abstract Task AcquireLockAsync(BillingSession session, string resource, CancellationToken cancellationToken);

    /// <summary>
    /// Records one reading's differences set-based inside the session's transaction (see
    /// <see cref="IBillingRepository.RecordBandwidthAsync"/>); returns how many accounts got a row.
    /// </summary>
    public abstract Task<int> RecordBandwidthAsync(BillingSession session, BandwidthReading reading, IReadOnlyCollection<BandwidthObservation> observations, DateTime now, CancellationToken cancellationToken);

    protected abstract DbConnection CreateConnection();

    protected virtual Task PrepareConnectionAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    protected abstract DbTransaction BeginWriteTransaction(DbConnection connection);
}

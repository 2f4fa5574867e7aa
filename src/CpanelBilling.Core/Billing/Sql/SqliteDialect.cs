using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace CpanelBilling.Core.Billing.Sql;

/// <summary>
/// SQLite: one file, WAL journal (readers never block the writer), foreign keys enforced on every connection,
/// and a busy timeout so concurrent writers wait for each other instead of failing. Write transactions begin
/// IMMEDIATE, which makes every write transaction exclusive among writers from its first statement.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    // SQLite allows 32766 host parameters per statement; 500 rows of two keep each statement small.
    private const int BandwidthBatchRows = 500;

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    public SqliteDialect(string connectionString, TimeSpan timeout)
        : base(Normalize(connectionString, timeout), timeout)
    {
        DisplayName = "SQLite database '" + new SqliteConnectionStringBuilder(ConnectionString).DataSource + "'";
    }

    public override BillingBackend Backend => BillingBackend.Sqlite;

    public override BillingStatements Statements => SqliteStatements.Instance;

    public override IReadOnlyList<Migration> Migrations => SqliteMigrations.All;

    public override string DisplayName { get; }

    public override async Task PrepareDatabaseAsync(BillingSession session, CancellationToken cancellationToken)
    {
        // WAL persists in the file; setting it again is a no-op. (An in-memory database answers "memory".)
        await session.Sql("PRAGMA journal_mode = WAL").ScalarStringAsync(cancellationToken).ConfigureAwait(false);
    }

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException sqlite
        && sqlite.SqliteErrorCode == SqliteConstraint
        && (sqlite.SqliteExtendedErrorCode == SqliteConstraintUnique || sqlite.SqliteExtendedErrorCode == SqliteConstraintPrimaryKey);

    // Microsoft.Data.Sqlite reports primary result codes, but an extended one (e.g. SQLITE_BUSY_SNAPSHOT, 517)
    // carries its primary code in the low byte, so both are read the same way.
    public override bool IsTransient(DbException exception) =>
        exception is SqliteException sqlite && (sqlite.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked;

    // A write transaction already excludes every other writer of the file.
    public override Task AcquireLockAsync(BillingSession session, string resource, CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task<int> RecordBandwidthAsync(BillingSession session, BandwidthReading reading, IReadOnlyCollection<BandwidthObservation> observations, DateTime now, CancellationToken cancellationToken)
    {
        int recorded = 0;
        foreach (BandwidthObservation[] batch in Batches(observations, BandwidthBatchRows))
        {
            BillingCommand command = session.Sql(SqliteStatements.RecordBandwidthBatch(batch.Length))
                .With("@period", reading.Month.Period)
                .With("@server_id", reading.ServerId)
                .With("@read_utc", reading.ReadUtc)
                .With("@now", now);
            for (int n = 0; n < batch.Length; n++)
            {
                command.With("@a" + n.ToString(CultureInfo.InvariantCulture), batch[n].AccountId)
                    .With("@t" + n.ToString(CultureInfo.InvariantCulture), batch[n].TotalBytes);
            }

            recorded += await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        return recorded;
    }

    protected override DbConnection CreateConnection() => new SqliteConnection(ConnectionString);

    protected override async Task PrepareConnectionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // SQLite's own busy handler waits for a lock (including BEGIN IMMEDIATE) without polling from managed code.
        using DbCommand command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = " + ((long)Timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // Microsoft.Data.Sqlite begins a non-deferred transaction as BEGIN IMMEDIATE.
    protected override DbTransaction BeginWriteTransaction(DbConnection connection) =>
        ((SqliteConnection)connection).BeginTransaction(deferred: false);

    private static string Normalize(string connectionString, TimeSpan timeout)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)),
        };
        return builder.ToString();
    }

    private static IEnumerable<BandwidthObservation[]> Batches(IReadOnlyCollection<BandwidthObservation> items, int size)
    {
        BandwidthObservation[] all = items.ToArray();
        for (int start = 0; start < all.Length; start += size)
        {
            var batch = new BandwidthObservation[Math.Min(size, all.Length - start)];
            Array.Copy(all, start, batch, 0, batch.Length);
            yield return batch;
        }
    }
}

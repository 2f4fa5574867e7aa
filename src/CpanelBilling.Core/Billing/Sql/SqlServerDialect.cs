using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.SqlClient;

namespace CpanelBilling.Core.Billing.Sql;

/// <summary>
/// SQL Server: several runbooks may share one database, so writers coordinate through the statements' lock hints,
/// MERGE … WITH (HOLDLOCK), rowversion checks and application locks (sp_getapplock) held to the end of the
/// transaction. Only API that Microsoft.Data.SqlClient 2.1 and 6.x share is used.
/// </summary>
internal sealed class SqlServerDialect : SqlDialect
{
    private const int UniqueIndexViolation = 2601;
    private const int UniqueConstraintViolation = 2627;

    // The transient errors of Microsoft.Data.SqlClient's own retry logic (SqlConfigurableRetryFactory), less the
    // catch-all 0: a deadlock victim (1205), no lock resources (1204), a lock timeout (1222), an Azure SQL database
    // that is busy, moving or out of resources, and connections refused or dropped by the network. Each means the
    // transaction rolled back whole; the repository never retries a failed commit, whose outcome is unknown.
    private static readonly HashSet<int> TransientErrorNumbers = new()
    {
        20, 64, 233, 997, 1204, 1205, 1222, 4060, 4221, 10053, 10054, 10060, 10928, 10929,
        40143, 40197, 40501, 40540, 40613, 49918, 49919, 49920,
    };

    // Strings are sent as nvarchar(4000) (or max when longer) so one statement keeps one cached plan.
    private const int StringParameterSize = 4000;

    public SqlServerDialect(string connectionString, TimeSpan timeout)
        : base(connectionString, timeout)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        DisplayName = $"SQL Server database '{builder.InitialCatalog}' on '{builder.DataSource}'";
    }

    public override BillingBackend Backend => BillingBackend.SqlServer;

    public override BillingStatements Statements => SqlServerStatements.Instance;

    public override IReadOnlyList<Migration> Migrations => SqlServerMigrations.All;

    public override string DisplayName { get; }

    public override void ConfigureParameter(DbParameter parameter)
    {
        if (parameter.DbType == DbType.String)
        {
            parameter.Size = parameter.Value is string text && text.Length > StringParameterSize ? -1 : StringParameterSize;
        }
    }

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqlException sql && (sql.Number == UniqueIndexViolation || sql.Number == UniqueConstraintViolation);

    public override bool IsTransient(DbException exception)
    {
        if (exception is SqlException sql)
        {
            foreach (SqlError error in sql.Errors)
            {
                if (IsTransientErrorNumber(error.Number))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The SQL Server error number is one that a retry of the whole transaction may get past.</summary>
    internal static bool IsTransientErrorNumber(int number) => TransientErrorNumbers.Contains(number);

    public override async Task AcquireLockAsync(BillingSession session, string resource, CancellationToken cancellationToken)
    {
        long? result = await session.Sql(SqlServerStatements.Instance.AcquireAppLock)
            .With("@resource", resource)
            .With("@timeout_ms", (int)Math.Min(int.MaxValue, Timeout.TotalMilliseconds))
            .ScalarInt64Async(cancellationToken)
            .ConfigureAwait(false);
        if (result is null || result < 0)
        {
            throw new BillingDatabaseException(
                $"Another writer held the billing lock '{resource}' for longer than {Timeout.TotalSeconds:0} s (sp_getapplock returned {result?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}). Try again.");
        }
    }

    public override Task<int> RecordBandwidthAsync(BillingSession session, BandwidthReading reading, IReadOnlyCollection<BandwidthObservation> observations, DateTime now, CancellationToken cancellationToken)
    {
        var table = new DataTable();
        table.Columns.Add("account_id", typeof(long));
        table.Columns.Add("total_bytes", typeof(long));
        foreach (BandwidthObservation observation in observations)
        {
            table.Rows.Add(observation.AccountId, observation.TotalBytes);
        }

        var rows = new SqlParameter("@observations", SqlDbType.Structured)
        {
            TypeName = SqlServerStatements.ObservationListType,
            Value = table,
        };

        return session.Sql(SqlServerStatements.Instance.RecordBandwidth)
            .WithParameter(rows)
            .With("@period", reading.Month.Period)
            .With("@server_id", reading.ServerId)
            .With("@read_utc", reading.ReadUtc)
            .With("@now", now)
            .ExecuteAsync(cancellationToken);
    }

    protected override DbConnection CreateConnection() => new SqlConnection(ConnectionString);

    protected override DbTransaction BeginWriteTransaction(DbConnection connection) =>
        connection.BeginTransaction(IsolationLevel.ReadCommitted);
}

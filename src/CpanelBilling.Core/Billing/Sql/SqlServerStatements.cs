using System.Collections.Generic;
using System.Linq;

namespace CpanelBilling.Core.Billing.Sql;

/// <summary>The statements as SQL Server runs them (T-SQL; checked by a test against the migrations' schema).</summary>
internal sealed class SqlServerStatements : BillingStatements
{
    /// <summary>The table type of the <c>@observations</c> parameter of <see cref="RecordBandwidth"/>.</summary>
    public const string ObservationListType = "bandwidth_observation_list";

    public static SqlServerStatements Instance { get; } = new SqlServerStatements();

    private SqlServerStatements()
        : base(new Fragments())
    {
    }

    /// <summary>Table-valued parameters used by the statements, by parameter name, with their table type.</summary>
    public static IReadOnlyDictionary<string, string> TableValuedParameters { get; } =
        new Dictionary<string, string> { ["@observations"] = ObservationListType };

    public override string CreateSchemaVersionTable =>
        "IF OBJECT_ID(N'schema_version', N'U') IS NULL " +
        "CREATE TABLE schema_version (version INT NOT NULL CONSTRAINT pk_schema_version PRIMARY KEY, " +
        "description NVARCHAR(200) NOT NULL, applied_utc DATETIME2(7) NOT NULL);";

    public override string SelectSchemaVersionTableExists =>
        "SELECT CASE WHEN OBJECT_ID(N'schema_version', N'U') IS NULL THEN 0 ELSE 1 END;";

    // UPDLOCK+READPAST: a worker skips an address another worker is taking right now instead of waiting for it and
    // then failing; the filtered unique index on itemip stays the last guard.
    public override string TakeFreeDedicatedIp =>
        "INSERT INTO itemip (account_id, server_ip_id, is_dedicated, assigned_utc) OUTPUT inserted.server_ip_id " +
        "SELECT TOP (1) @account_id, ip.id, 1, @now FROM server_ips ip WITH (UPDLOCK, READPAST, ROWLOCK) " +
        "WHERE ip.server_id = @server_id AND ip.is_dedicated = 1 AND ip.is_main = 0 AND ip.used_on_server = 0 " +
        "AND ip.removed_utc IS NULL AND NOT EXISTS (SELECT 1 FROM itemip i WHERE i.server_ip_id = ip.id) " +
        "ORDER BY ip.id;";

    // The database's clock decides when a lease starts and expires: runbooks on several hosts share this database,
    // and a host whose clock runs ahead must not see a live lease as expired. MERGE … WITH (HOLDLOCK) keeps the key
    // range locked between the match and the write, so two actors cannot both see "no lease" and both insert.
    // Returns the account id when the lease was taken or renewed, no row when another owner holds it.
    public override string AcquireLease =>
        "DECLARE @db_now DATETIME2(7) = SYSUTCDATETIME(); " +
        "DECLARE @db_expires DATETIME2(7) = DATEADD(millisecond, @duration_milliseconds, DATEADD(second, @duration_seconds, @db_now)); " +
        "MERGE account_leases WITH (HOLDLOCK) AS target " +
        "USING (SELECT @account_id AS account_id) AS source ON target.account_id = source.account_id " +
        "WHEN MATCHED AND (target.owner = @owner OR target.expires_utc <= @db_now) THEN UPDATE SET " +
        "acquired_utc = CASE WHEN target.owner = @owner THEN target.acquired_utc ELSE @db_now END, " +
        "owner = @owner, expires_utc = @db_expires " +
        "WHEN NOT MATCHED THEN INSERT (account_id, owner, acquired_utc, expires_utc) VALUES (@account_id, @owner, @db_now, @db_expires) " +
        "OUTPUT inserted.account_id;";

    /// <summary>
    /// Takes an exclusive application lock for the rest of the transaction; returns sp_getapplock's result
    /// (0 or 1 granted, negative not granted).
    /// </summary>
    public string AcquireAppLock =>
        "DECLARE @lock_result INT; " +
        "EXEC @lock_result = sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = @timeout_ms; " +
        "SELECT @lock_result;";

    /// <summary>
    /// Records a whole bandwidth reading in one statement from the <c>@observations</c> table-valued parameter: for
    /// each account on the server whose total exceeds what is recorded for the month, the difference. The caller
    /// holds the server's bandwidth application lock, so the sums read cannot change before the insert.
    /// </summary>
    public string RecordBandwidth =>
        "INSERT INTO bandwidth_records (account_id, period, server_id, server_total_bytes, delta_bytes, read_utc, recorded_utc) " +
        "SELECT x.account_id, @period, @server_id, x.total_bytes, x.total_bytes - x.recorded_bytes, @read_utc, @now FROM " +
        "(SELECT o.account_id, o.total_bytes, (SELECT COALESCE(SUM(b.delta_bytes), 0) FROM bandwidth_records b " +
        "WHERE b.account_id = o.account_id AND b.period = @period) AS recorded_bytes " +
        "FROM @observations o JOIN accounts a ON a.id = o.account_id AND a.server_id = @server_id) AS x " +
        "WHERE x.total_bytes > x.recorded_bytes;";

    private sealed class Fragments : DialectFragments
    {
        public override string InsertReturningId(string table, string columns, string values) =>
            $"INSERT INTO {table} ({columns}) OUTPUT inserted.id VALUES ({values});";

        public override string Upsert(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> valueColumns, IReadOnlyList<string> insertOnlyColumns)
        {
            var all = keyColumns.Concat(valueColumns).Concat(insertOnlyColumns).ToList();
            return $"MERGE {table} WITH (HOLDLOCK) AS target " +
                $"USING (SELECT {string.Join(", ", keyColumns.Select(c => $"@{c} AS {c}"))}) AS source " +
                $"ON {string.Join(" AND ", keyColumns.Select(c => $"target.{c} = source.{c}"))} " +
                $"WHEN MATCHED THEN UPDATE SET {string.Join(", ", valueColumns.Select(c => $"{c} = @{c}"))} " +
                $"WHEN NOT MATCHED THEN INSERT ({string.Join(", ", all)}) VALUES ({Parameters(all)});";
        }

        // rowversion is 8 bytes big-endian, which is exactly how SQL Server converts it to and from BIGINT.
        public override string RowVersionRead(string alias) => $"CAST({alias}.row_version AS BIGINT)";

        public override string RowVersionBump => "";

        public override string RowVersionMatches(string parameter) => $"row_version = CAST({parameter} AS BINARY(8))";

        public override string LockRangeHint => " WITH (UPDLOCK, HOLDLOCK)";

        public override string CurrentUtc => "SYSUTCDATETIME()";

        public override string Top(string parameter) => $"TOP ({parameter}) ";

        public override string CaseInsensitive => "";

        public override string Limit(string parameter) => "";
    }
}

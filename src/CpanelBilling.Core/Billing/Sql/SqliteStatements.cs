using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CpanelBilling.Core.Billing.Sql;

/// <summary>The statements as SQLite runs them.</summary>
internal sealed class SqliteStatements : BillingStatements
{
    public static SqliteStatements Instance { get; } = new SqliteStatements();

    private SqliteStatements()
        : base(new Fragments())
    {
    }

    public override string CreateSchemaVersionTable =>
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_utc TEXT NOT NULL)";

    public override string SelectSchemaVersionTableExists =>
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";

    // Writers are serialized by SQLite (write transactions begin IMMEDIATE), so a plain INSERT … SELECT is atomic.
    public override string TakeFreeDedicatedIp =>
        "INSERT INTO itemip (account_id, server_ip_id, is_dedicated, assigned_utc) " +
        "SELECT @account_id, ip.id, 1, @now FROM server_ips ip " +
        "WHERE ip.server_id = @server_id AND ip.is_dedicated = 1 AND ip.is_main = 0 AND ip.used_on_server = 0 " +
        "AND ip.removed_utc IS NULL AND NOT EXISTS (SELECT 1 FROM itemip i WHERE i.server_ip_id = ip.id) " +
        "ORDER BY ip.id LIMIT 1 RETURNING server_ip_id";

    // SQLite is one file on one machine, so the process clock (@now, @expires_utc) decides. The WHERE of DO UPDATE
    // leaves a live lease of another owner untouched: then no row changes and none is returned.
    public override string AcquireLease =>
        "INSERT INTO account_leases (account_id, owner, acquired_utc, expires_utc) VALUES (@account_id, @owner, @now, @expires_utc) " +
        "ON CONFLICT (account_id) DO UPDATE SET " +
        "acquired_utc = CASE WHEN account_leases.owner = excluded.owner THEN account_leases.acquired_utc ELSE excluded.acquired_utc END, " +
        "owner = excluded.owner, expires_utc = excluded.expires_utc " +
        "WHERE account_leases.owner = excluded.owner OR account_leases.expires_utc <= excluded.acquired_utc " +
        "RETURNING account_id";

    /// <summary>
    /// Records one batch of a bandwidth reading (<paramref name="rows"/> pairs <c>@a{n}</c>, <c>@t{n}</c> of account
    /// id and month total): for each account on the server whose total exceeds what is recorded for the month, the
    /// difference. Runs inside the write transaction, so the sums it reads cannot change under it.
    /// </summary>
    public static string RecordBandwidthBatch(int rows)
    {
        var values = new StringBuilder(rows * 16);
        for (int n = 0; n < rows; n++)
        {
            values.Append(n == 0 ? "(@a" : ", (@a").Append(n).Append(", @t").Append(n).Append(')');
        }

        return "WITH observed (account_id, total_bytes) AS (VALUES " + values + ") " +
            "INSERT INTO bandwidth_records (account_id, period, server_id, server_total_bytes, delta_bytes, read_utc, recorded_utc) " +
            "SELECT x.account_id, @period, @server_id, x.total_bytes, x.total_bytes - x.recorded_bytes, @read_utc, @now FROM " +
            "(SELECT o.account_id, o.total_bytes, (SELECT COALESCE(SUM(b.delta_bytes), 0) FROM bandwidth_records b " +
            "WHERE b.account_id = o.account_id AND b.period = @period) AS recorded_bytes " +
            "FROM observed o JOIN accounts a ON a.id = o.account_id AND a.server_id = @server_id) AS x " +
            "WHERE x.total_bytes > x.recorded_bytes";
    }

    private sealed class Fragments : DialectFragments
    {
        public override string InsertReturningId(string table, string columns, string values) =>
            $"INSERT INTO {table} ({columns}) VALUES ({values}) RETURNING id";

        public override string Upsert(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> valueColumns, IReadOnlyList<string> insertOnlyColumns)
        {
            var all = keyColumns.Concat(valueColumns).Concat(insertOnlyColumns).ToList();
            return $"INSERT INTO {table} ({string.Join(", ", all)}) VALUES ({Parameters(all)}) " +
                $"ON CONFLICT ({string.Join(", ", keyColumns)}) DO UPDATE SET " +
                string.Join(", ", valueColumns.Select(c => $"{c} = excluded.{c}"));
        }

        public override string RowVersionRead(string alias) => alias + ".row_version";

        public override string RowVersionBump => ", row_version = row_version + 1";

        public override string RowVersionMatches(string parameter) => "row_version = " + parameter;

        public override string LockRangeHint => "";

        public override string CurrentUtc => "@now";

        public override string Top(string parameter) => "";

        public override string CaseInsensitive => " COLLATE NOCASE";

        public override string Limit(string parameter) => " LIMIT " + parameter;
    }
}

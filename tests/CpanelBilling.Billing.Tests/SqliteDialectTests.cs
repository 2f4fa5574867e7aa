using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Billing.Tests.TSql;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Billing.Sql;
using CpanelBilling.Testing.Billing;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Xunit;

namespace CpanelBilling.Billing.Tests;

/// <summary>The SQLite dialect against a real file: every statement compiles, and both dialects define one schema.</summary>
public sealed class SqliteDialectTests : IAsyncLifetime
{
    private readonly TempSqliteDatabase _database = new();

    public async Task InitializeAsync() => await _database.OpenRepositoryAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    public static TheoryData<string> StatementNames()
    {
        var data = new TheoryData<string>();
        foreach (KeyValuePair<string, string> statement in SqliteStatements.Instance.All())
        {
            data.Add(statement.Key);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StatementNames))]
    public void Each_statement_compiles_against_the_migrated_schema(string name)
    {
        string sql = SqliteStatements.Instance.All().Single(s => s.Key == name).Value;
        using SqliteConnection connection = Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;

        // Preparing compiles the statement: an unknown table or column fails here.
        command.Prepare();
    }

    [Fact]
    public void The_batched_bandwidth_insert_compiles()
    {
        using SqliteConnection connection = Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = SqliteStatements.RecordBandwidthBatch(3);

        command.Prepare();
    }

    [Fact]
    public void Both_dialects_define_the_same_tables_and_columns_in_the_same_versions()
    {
        TSqlSchema sqlServer = SqlServerSchema();

        Dictionary<string, string[]> sqlite = SqliteTablesAndColumns();

        Assert.Equal(sqlServer.Tables.Keys.OrderBy(t => t, StringComparer.Ordinal), sqlite.Keys.OrderBy(t => t, StringComparer.Ordinal));
        foreach (KeyValuePair<string, string[]> table in sqlite)
        {
            Assert.Equal(sqlServer.Tables[table.Key].OrderBy(c => c, StringComparer.Ordinal), table.Value.OrderBy(c => c, StringComparer.Ordinal));
        }

        Assert.Equal(
            SqliteMigrations.All.Select(m => (m.Version, m.Description)),
            SqlServerMigrations.All.Select(m => (m.Version, m.Description)));
    }

    [Fact]
    public void Names_compare_alike_on_both_backends_whatever_the_SQL_Server_database_default()
    {
        TSqlSchema sqlServer = SqlServerSchema();
        var sqliteWithoutCase = new List<string>();
        using (SqliteConnection connection = Open())
        {
            foreach (KeyValuePair<string, string[]> table in SqliteTablesAndColumns())
            {
                foreach (string column in table.Value)
                {
                    Assert.Equal(0, raw.sqlite3_table_column_metadata(connection.Handle, "main", table.Key, column, out _, out string collation, out _, out _, out _));
                    if (collation == "NOCASE")
                    {
                        sqliteWithoutCase.Add(table.Key + "." + column);
                    }
                }
            }
        }

        Assert.Subset(
            sqliteWithoutCase.ToHashSet(),
            new HashSet<string> { "servers.name", "plans.name", "customers.login", "domains.name", "accounts.user_name", "server_ips.address" });

        // The journal's user compares without case by its query and index on SQLite (DialectFragments.CaseInsensitive).
        Assert.Equal(
            sqliteWithoutCase.Append("operation_journal.user_name").OrderBy(c => c, StringComparer.Ordinal),
            ColumnsCollated(sqlServer, "Latin1_General_100_CI_AS"));

        // cPanel package names are file names on the server: exact, like SQLite's default BINARY.
        Assert.Equal(new[] { "plan_packages.package_name", "server_packages.name" }, ColumnsCollated(sqlServer, "Latin1_General_100_BIN2"));
        Assert.Equal(sqliteWithoutCase.Count + 3, sqlServer.Collations.Count);
    }

    [Fact]
    public async Task Connections_enforce_foreign_keys_wait_when_busy_and_the_file_uses_WAL()
    {
        SqlDialect dialect = BillingDatabase.CreateDialect(_database.Target, TimeSpan.FromSeconds(7));
        using BillingSession session = await dialect.OpenSessionAsync(writeTransaction: false, CancellationToken.None);

        Assert.Equal(1, await session.Sql("PRAGMA foreign_keys").ScalarInt64Async(CancellationToken.None));
        Assert.Equal(7000, await session.Sql("PRAGMA busy_timeout").ScalarInt64Async(CancellationToken.None));
        Assert.Equal("wal", await session.Sql("PRAGMA journal_mode").ScalarStringAsync(CancellationToken.None));
    }

    private static TSqlSchema SqlServerSchema() =>
        TSqlSchema.FromStatements(
            SqlServerMigrations.All.SelectMany(m => m.Statements)
                .Append(SqlServerStatements.Instance.CreateSchemaVersionTable)
                .Select(s => TSqlText.Parse(s, out _)));

    private static IEnumerable<string> ColumnsCollated(TSqlSchema schema, string collation) =>
        schema.Collations.Where(c => c.Value == collation).Select(c => c.Key).OrderBy(c => c, StringComparer.Ordinal);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _database.FilePath }.ToString());
        connection.Open();
        return connection;
    }

    private Dictionary<string, string[]> SqliteTablesAndColumns()
    {
        using SqliteConnection connection = Open();
        var tables = new List<string>();
        using (SqliteCommand list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            using SqliteDataReader reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var result = new Dictionary<string, string[]>();
        foreach (string table in tables)
        {
            using SqliteCommand columns = connection.CreateCommand();
            columns.CommandText = "SELECT name FROM pragma_table_info(@table)";
            columns.Parameters.AddWithValue("@table", table);
            using SqliteDataReader reader = columns.ExecuteReader();
            var names = new List<string>();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }

            result[table] = names.ToArray();
        }

        return result;
    }
}

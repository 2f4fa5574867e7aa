using System;
using System.Collections.Generic;
using System.Reflection;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace CpanelBilling.Core.Diagnostics;

/// <summary>
/// Proves that the module's third-party dependencies load and work in the process that imported the module:
/// opens a real SQLite file (native e_sqlite3) and creates a SQL Server connection object (the platform build of
/// Microsoft.Data.SqlClient). Used by the module's loader test; also a support tool ("does the module load here?").
/// </summary>
public static class DependencyCheck
{
    /// <summary>Runs the check and returns "key=value" lines: versions and the file each assembly came from.</summary>
    public static IReadOnlyList<string> Run(string sqliteFile)
    {
        var lines = new List<string>();

        var builder = new SqliteConnectionStringBuilder { DataSource = sqliteFile, Mode = SqliteOpenMode.ReadWriteCreate };
        using (var sqlite = new SqliteConnection(builder.ToString()))
        {
            sqlite.Open();
            using var command = sqlite.CreateCommand();
            command.CommandText = "CREATE TABLE IF NOT EXISTS probe (id INTEGER PRIMARY KEY); SELECT sqlite_version();";
            lines.Add("sqlite.version=" + command.ExecuteScalar());
        }

        lines.Add(Describe("sqlite.assembly", typeof(SqliteConnection).Assembly));

        using (var sql = new SqlConnection("Server=127.0.0.1,1;Database=cpbilling;Integrated Security=false;Connect Timeout=1"))
        {
            lines.Add("sqlclient.datasource=" + sql.DataSource);
        }

        lines.Add(Describe("sqlclient.assembly", typeof(SqlConnection).Assembly));
        lines.Add(Describe("core.assembly", typeof(DependencyCheck).Assembly));
        return lines;
    }

    private static string Describe(string key, Assembly assembly) => $"{key}={assembly.GetName().Name}|{assembly.GetName().Version}|{assembly.Location}";
}

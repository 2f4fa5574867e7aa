using System;
using System.Data.Common;
using System.IO;
using System.Linq;
using Microsoft.Data.Sqlite;

namespace CpanelBilling.Core.Billing;

/// <summary>A path or connection string, classified by backend (see <see cref="BillingDatabase.DetectBackend"/>).</summary>
internal sealed class BillingTarget
{
    private static readonly string[] SqlServerKeys =
    {
        "server", "address", "addr", "network address", "initial catalog", "database", "integrated security",
        "trusted_connection", "user id", "uid", "encrypt", "trustservercertificate", "trust server certificate",
        "authentication", "multipleactiveresultsets", "multiple active result sets", "failover partner", "attachdbfilename",
        "application intent", "applicationintent", "multisubnetfailover", "multi subnet failover",
    };

    private static readonly string[] SqliteKeys = { "filename", "mode", "cache", "foreign keys", "recursive triggers", "default timeout", "vfs" };

    private static readonly string[] SqliteExtensions = { ".db", ".sqlite", ".sqlite3", ".db3" };

    private static readonly string[] SqlServerProtocols = { "tcp:", "np:", "lpc:", "admin:" };

    private BillingTarget(BillingBackend backend, string connectionString)
    {
        Backend = backend;
        ConnectionString = connectionString;
    }

    public BillingBackend Backend { get; }

    public string ConnectionString { get; }

    public static BillingTarget Parse(string connectionStringOrPath)
    {
        string text = (connectionStringOrPath ?? "").Trim();
        if (text.Length == 0)
        {
            throw Invalid("The billing database path or connection string is empty.");
        }

        if (text.IndexOf('=') < 0)
        {
            return Sqlite(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(text) }.ToString());
        }

        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = text;
        }
        catch (ArgumentException)
        {
            // The message of a malformed connection string may quote it, password included: say nothing of it.
            throw Invalid("The billing database connection string is malformed. Check its 'key=value;' pairs and quoting.");
        }

        if (SqlServerKeys.Any(builder.ContainsKey))
        {
            return new BillingTarget(BillingBackend.SqlServer, text);
        }

        if (SqliteKeys.Any(builder.ContainsKey))
        {
            return Sqlite(text);
        }

        string? dataSource = Value(builder, "data source") ?? Value(builder, "datasource");
        if (dataSource == null && text.IndexOf(';') < 0)
        {
            // No keyword we know and no pairs: a file path that happens to contain '='.
            return Sqlite(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(text) }.ToString());
        }

        if (dataSource == null)
        {
            throw Invalid("The billing database connection string names no database: give Data Source (a SQLite file or a SQL Server) or Server.");
        }

        return LooksLikeSqliteFile(dataSource) ? Sqlite(text) : new BillingTarget(BillingBackend.SqlServer, text);
    }

    private static bool LooksLikeSqliteFile(string dataSource)
    {
        if (SqlServerProtocols.Any(p => dataSource.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        return dataSource == ":memory:"
            || SqliteExtensions.Any(e => dataSource.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            || dataSource.IndexOf('/') >= 0
            || (Path.IsPathRooted(dataSource) && dataSource.IndexOf(',') < 0 && !dataSource.StartsWith("(", StringComparison.Ordinal));
    }

    private static BillingTarget Sqlite(string connectionString) => new BillingTarget(BillingBackend.Sqlite, connectionString);

    private static string? Value(DbConnectionStringBuilder builder, string key) =>
        builder.TryGetValue(key, out object? value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static BillingInvalidValueException Invalid(string message) => new BillingInvalidValueException(message, BillingDatabase.EnvironmentVariable);
}

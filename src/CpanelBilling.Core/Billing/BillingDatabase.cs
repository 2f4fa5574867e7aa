using System;
using System.Data.Common;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing.Sql;
using Microsoft.Data.Sqlite;

namespace CpanelBilling.Core.Billing;

/// <summary>
/// Opens the billing database. What to open is, in this order: the argument, the <c>CPBILLING_DB</c> environment
/// variable, or the default SQLite file in the user's local data folder. Each may be a file path (SQLite) or a
/// connection string (SQLite or SQL Server, see <see cref="DetectBackend"/>). A new database is created and
/// every database is brought to the current schema on open, unless options say otherwise.
/// </summary>
public static class BillingDatabase
{
    /// <summary>The environment variable that overrides the default database (a path or a connection string).</summary>
    public const string EnvironmentVariable = "CPBILLING_DB";

    /// <summary>The schema version this module writes and reads.</summary>
    // Both dialects have the same versions (a test holds them to it).
    public static int SchemaVersion => SqliteMigrations.All.Max(m => m.Version);

    /// <summary>LocalApplicationData/CpanelBilling/billing.db (on Linux ~/.local/share/CpanelBilling/billing.db).</summary>
    public static string DefaultPath
    {
        get
        {
            string root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrEmpty(root))
            {
                throw new BillingInvalidValueException(
                    $"This user has no local application data folder for the default billing database. Set {EnvironmentVariable} to a file path or connection string.",
                    EnvironmentVariable);
            }

            return Path.Combine(root, "CpanelBilling", "billing.db");
        }
    }

    /// <summary>What would be opened for <paramref name="connectionStringOrPath"/> (argument, environment or default).</summary>
    public static string ResolveTarget(string? connectionStringOrPath)
    {
        if (!string.IsNullOrWhiteSpace(connectionStringOrPath))
        {
            return connectionStringOrPath!.Trim();
        }

        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment) ? DefaultPath : fromEnvironment!.Trim();
    }

    /// <summary>
    /// Which backend a path or connection string means. A plain path, or a connection string whose Data Source
    /// is a file (ending .db/.sqlite/.sqlite3/.db3, rooted, or :memory:) or that uses SQLite-only keywords, is
    /// SQLite. A connection string with Server/Address/Initial Catalog/Database/User ID/Integrated Security and the
    /// like, or a Data Source such as <c>tcp:host,1433</c>, <c>host\instance</c> or a host name, is SQL Server.
    /// </summary>
    public static BillingBackend DetectBackend(string connectionStringOrPath) => BillingTarget.Parse(connectionStringOrPath).Backend;

    /// <summary>
    /// True when the target is a SQLite file that does not exist yet (opening it would create it). A SQL Server
    /// database cannot be told apart without connecting: false.
    /// </summary>
    public static bool IsMissingSqliteFile(string connectionStringOrPath)
    {
        BillingTarget target = BillingTarget.Parse(ResolveTarget(connectionStringOrPath));
        if (target.Backend != BillingBackend.Sqlite)
        {
            return false;
        }

        string file = new SqliteConnectionStringBuilder(target.ConnectionString).DataSource;
        return file != ":memory:" && file.Length > 0 && !File.Exists(file);
    }

    /// <summary>Opens (creating and migrating as needed) the billing database and returns its repository.</summary>
    public static async Task<IBillingRepository> OpenAsync(string? connectionStringOrPath = null, BillingRepositoryOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BillingRepositoryOptions();
        ColumnLimits.PositiveDuration(options.Timeout, "database timeout");
        SqlDialect dialect = CreateDialect(ResolveTarget(connectionStringOrPath), options.Timeout);
        Func<DateTime> clock = options.UtcNow ?? (() => DateTime.UtcNow);
        var repository = new BillingRepository(dialect, clock);
        try
        {
            using (BillingSession session = await dialect.OpenSessionAsync(writeTransaction: false, cancellationToken).ConfigureAwait(false))
            {
                await dialect.PrepareDatabaseAsync(session, cancellationToken).ConfigureAwait(false);
            }

            if (options.Migrate)
            {
                await SchemaMigrator.MigrateAsync(dialect, clock(), targetVersion: null, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                SchemaMigrator.EnsureCurrent(dialect, await SchemaMigrator.GetVersionAsync(dialect, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (DbException exception)
        {
            throw new BillingDatabaseException($"Could not open the {dialect.DisplayName}: {exception.Message}", exception);
        }

        return repository;
    }

    internal static SqlDialect CreateDialect(string connectionStringOrPath, TimeSpan timeout)
    {
        BillingTarget target = BillingTarget.Parse(connectionStringOrPath);
        try
        {
            if (target.Backend == BillingBackend.SqlServer)
            {
                return new SqlServerDialect(target.ConnectionString, timeout);
            }

            EnsureFolder(target.ConnectionString);
            return new SqliteDialect(target.ConnectionString, timeout);
        }
        catch (ArgumentException exception)
        {
            // The providers' messages name the offending keyword, never a value (which may be a password).
            throw new BillingInvalidValueException(
                $"The billing database connection string is not valid for {target.Backend}: {exception.Message}", EnvironmentVariable);
        }
    }

    // SQLite creates the file but not its folder.
    private static void EnsureFolder(string sqliteConnectionString)
    {
        var builder = new SqliteConnectionStringBuilder(sqliteConnectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource == ":memory:" || builder.DataSource.Length == 0)
        {
            return;
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}

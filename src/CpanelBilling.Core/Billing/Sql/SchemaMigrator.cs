using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace CpanelBilling.Core.Billing.Sql;

/// <summary>
/// Brings a database to a schema version in place. All pending migrations run in one transaction under a lock,
/// so a database is either fully upgraded or untouched, and two processes opening an old database at once do not
/// both upgrade it. Every applied version is recorded in <c>schema_version</c>.
/// </summary>
internal static class SchemaMigrator
{
    private const string LockResource = "CpanelBilling.schema";

    public static int LatestVersion(SqlDialect dialect) => dialect.Migrations.Max(m => m.Version);

    /// <summary>The database's version; 0 for an empty database.</summary>
    public static async Task<int> GetVersionAsync(SqlDialect dialect, CancellationToken cancellationToken)
    {
        using BillingSession session = await dialect.OpenSessionAsync(writeTransaction: false, cancellationToken).ConfigureAwait(false);
        return await ReadVersionAsync(session, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Upgrades to <paramref name="targetVersion"/> (the latest when null); returns the version reached.</summary>
    public static async Task<int> MigrateAsync(SqlDialect dialect, DateTime now, int? targetVersion, CancellationToken cancellationToken)
    {
        int target = targetVersion ?? LatestVersion(dialect);
        using BillingSession session = await dialect.OpenSessionAsync(writeTransaction: true, cancellationToken).ConfigureAwait(false);
        await dialect.AcquireLockAsync(session, LockResource, cancellationToken).ConfigureAwait(false);
        await session.Sql(dialect.Statements.CreateSchemaVersionTable).ExecuteAsync(cancellationToken).ConfigureAwait(false);

        int current = await ReadVersionAsync(session, cancellationToken).ConfigureAwait(false);
        EnsureSupported(dialect, current);
        foreach (Migration migration in dialect.Migrations.Where(m => m.Version > current && m.Version <= target).OrderBy(m => m.Version))
        {
            foreach (string statement in migration.Statements)
            {
                await session.Sql(statement).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            }

            await session.Sql(dialect.Statements.InsertSchemaVersion)
                .With("@version", migration.Version)
                .With("@description", migration.Description)
                .With("@applied_utc", now)
                .ExecuteAsync(cancellationToken)
                .ConfigureAwait(false);
            current = migration.Version;
        }

        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return current;
    }

    /// <summary>Fails unless the database is exactly at the latest version (for callers that must not migrate).</summary>
    public static void EnsureCurrent(SqlDialect dialect, int version)
    {
        EnsureSupported(dialect, version);
        int latest = LatestVersion(dialect);
        if (version < latest)
        {
            throw new BillingDatabaseException(
                $"The {dialect.DisplayName} has schema version {version}; this module needs version {latest}. Open it with migration enabled to upgrade it in place.",
                errorId: BillingErrorIds.SchemaOutdated);
        }
    }

    private static void EnsureSupported(SqlDialect dialect, int version)
    {
        int latest = LatestVersion(dialect);
        if (version > latest)
        {
            throw new BillingDatabaseException(
                $"The {dialect.DisplayName} has schema version {version}, newer than this module knows ({latest}). Update the CpanelBilling module.",
                errorId: BillingErrorIds.SchemaTooNew);
        }
    }

    private static async Task<int> ReadVersionAsync(BillingSession session, CancellationToken cancellationToken)
    {
        long? exists = await session.Sql(session.Statements.SelectSchemaVersionTableExists).ScalarInt64Async(cancellationToken).ConfigureAwait(false);
        if (exists != 1)
        {
            return 0;
        }

        long? version = await session.Sql(session.Statements.SelectSchemaVersion).ScalarInt64Async(cancellationToken).ConfigureAwait(false);
        return (int)(version ?? 0);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Billing.Sql;

namespace CpanelBilling.Billing.Tests.TSql;

/// <summary>
/// The parameters the code binds to each SQL Server statement, taken from the code wherever it can run here:
/// <list type="bullet">
/// <item>A statement SQLite has too is bound by the repository, written once for both backends, with at least the
/// parameters of its SQLite text: Microsoft.Data.Sqlite refuses to run a statement with an unbound parameter, and
/// the contract suite runs the repository on SQLite.</item>
/// <item>A statement only the SQL Server dialect sends (its application lock, its set-based bandwidth insert) is
/// run through <see cref="SqlServerDialect"/> itself on a <see cref="RecordingConnection"/>, which records what it
/// binds.</item>
/// <item><see cref="BoundForTSqlOnly"/>: what the repository binds for both backends but only the T-SQL text reads.</item>
/// </list>
/// </summary>
internal static class SqlServerBoundParameters
{
    /// <summary>
    /// Bound by BillingRepository.AcquireAccountLeaseAsync for both backends; only SQL Server's lease reads them,
    /// because there the database's clock, not the caller's, starts the lease.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> BoundForTSqlOnly = new Dictionary<string, string[]>
    {
        [nameof(BillingStatements.AcquireLease)] = new[] { "@duration_seconds", "@duration_milliseconds" },
    };

    private static readonly Regex SqliteParameter = new(@"@[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant);

    private static readonly Lazy<IReadOnlyList<(string Text, IReadOnlyList<string> Parameters)>> DialectCommands = new(RunDialectCodePaths);

    /// <summary>The parameters bound to the SQL Server statement <paramref name="name"/> (empty for a migration).</summary>
    public static IReadOnlyCollection<string> For(string name)
    {
        var bound = new HashSet<string>(StringComparer.Ordinal);
        string? sqliteText = SqliteStatements.Instance.All().Where(s => s.Key == name).Select(s => s.Value).SingleOrDefault();
        if (sqliteText != null)
        {
            bound.UnionWith(InSqliteText(sqliteText));
        }

        string? text = SqlServerStatements.Instance.All().Where(s => s.Key == name).Select(s => s.Value).SingleOrDefault();
        bound.UnionWith(DialectCommands.Value.Where(c => c.Text == text).SelectMany(c => c.Parameters));
        if (BoundForTSqlOnly.TryGetValue(name, out string[]? extra))
        {
            bound.UnionWith(extra);
        }

        return bound;
    }

    /// <summary>The statements SQL Server's dialect sends on its own, with the parameters it binds to each.</summary>
    public static IReadOnlyList<(string Text, IReadOnlyList<string> Parameters)> SentByTheDialect => DialectCommands.Value;

    public static IEnumerable<string> InSqliteText(string sql) => SqliteParameter.Matches(sql).Select(m => m.Value);

    private static IReadOnlyList<(string Text, IReadOnlyList<string> Parameters)> RunDialectCodePaths()
    {
        var dialect = new SqlServerDialect("Server=recording;Database=recording", TimeSpan.FromSeconds(5));
        var connection = new RecordingConnection();
        using (var session = new BillingSession(dialect, connection, transaction: null))
        {
            CancellationToken none = CancellationToken.None;
            dialect.AcquireLockAsync(session, "resource", none).GetAwaiter().GetResult();
            var reading = new BandwidthReading { ServerId = 1, Month = new BillingMonth(2024, 5), ReadUtc = new DateTime(2024, 5, 10, 0, 0, 0, DateTimeKind.Utc) };
            dialect.RecordBandwidthAsync(session, reading, new[] { new BandwidthObservation(1, 100) }, reading.ReadUtc, none).GetAwaiter().GetResult();
        }

        return connection.Commands;
    }
}

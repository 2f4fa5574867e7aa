using System.Collections.Generic;

namespace CpanelBilling.Core.Billing.Sql;

/// <summary>
/// The small pieces of SQL in which the backends differ inside otherwise shared statements. Each dialect
/// implements them once; the shared statements in <see cref="BillingStatements"/> are assembled from them.
/// Parameters are always named after the column they fill (<c>@column</c>).
/// </summary>
internal abstract class DialectFragments
{
    /// <summary>An INSERT of one row that returns the new row's id as a one-column result.</summary>
    public abstract string InsertReturningId(string table, string columns, string values);

    /// <summary>
    /// Inserts a row or, when a row with the same keys exists, updates its value columns; safe when two writers
    /// upsert the same keys at once. Insert-only columns are written only for a new row.
    /// </summary>
    public abstract string Upsert(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> valueColumns, IReadOnlyList<string> insertOnlyColumns);

    /// <summary>The row version of the row aliased <paramref name="alias"/>, read as a 64-bit integer.</summary>
    public abstract string RowVersionRead(string alias);

    /// <summary>Appended to an UPDATE's SET list so the row version changes (empty where the engine does it).</summary>
    public abstract string RowVersionBump { get; }

    /// <summary>A condition: the row's version equals the 64-bit integer parameter.</summary>
    public abstract string RowVersionMatches(string parameter);

    /// <summary>
    /// Table hint after a table name in a SELECT inside a write transaction: keeps the rows (and the gap where a
    /// matching row would be) locked until commit, so a check-then-insert cannot race.
    /// </summary>
    public abstract string LockRangeHint { get; }

    /// <summary>
    /// The current UTC time by the clock that stamps the journal and judges its ages: the database's own where hosts
    /// share it (SQL Server), so a writer's and a reader's clocks cannot disagree; the bound <c>@now</c> (the
    /// repository's clock) where the database is a local file (SQLite), whose clock is the host's.
    /// </summary>
    public abstract string CurrentUtc { get; }

    /// <summary>Placed right after SELECT to return at most <paramref name="parameter"/> rows (or empty).</summary>
    public abstract string Top(string parameter);

    /// <summary>Placed at the end of a SELECT to return at most <paramref name="parameter"/> rows (or empty).</summary>
    public abstract string Limit(string parameter);

    /// <summary>
    /// Appended to an equality on a text column whose stored case may differ from the value's, so they compare
    /// without regard to case (empty on SQL Server, where the column's own collation does: schema version 5).
    /// </summary>
    public abstract string CaseInsensitive { get; }

    protected static string Parameters(IEnumerable<string> columns) => string.Join(", ", Prefixed(columns));

    private static IEnumerable<string> Prefixed(IEnumerable<string> columns)
    {
        foreach (string column in columns)
        {
            yield return "@" + column;
        }
    }
}

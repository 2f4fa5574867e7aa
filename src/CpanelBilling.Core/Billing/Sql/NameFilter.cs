using System;
using System.Collections.Generic;
using System.Linq;

namespace CpanelBilling.Core.Billing.Sql;

/// <summary>
/// The names a listing filters one column by (any may match), split into exact names, which the database compares
/// with <c>=</c>/<c>IN</c>, and wildcard patterns, which it compares with <c>LIKE</c>. Each is a statement
/// parameter, so a long list is sent in <see cref="Batches"/>; <see cref="IsMatch"/> decides exactly on the rows
/// read, whichever batch read them.
/// </summary>
internal sealed class NameFilter
{
    /// <summary>
    /// Names per statement: each is a parameter, SQL Server takes at most 2,100 per statement, and a listing may
    /// filter by two lists at once.
    /// </summary>
    public const int BatchSize = 500;

    // Exact names are lower case (NamePattern.Exact), so a set of them decides a row at once however long the list.
    private readonly HashSet<string> exactNames;
    private readonly IReadOnlyList<NamePattern> wildcards;

    private NameFilter(IReadOnlyList<NamePattern> patterns)
    {
        IsEmpty = patterns.Count == 0;
        exactNames = new HashSet<string>(patterns.Where(p => p.IsExact).Select(p => p.Exact!), StringComparer.Ordinal);
        wildcards = patterns.Where(p => !p.IsExact).ToList();
        Batches = Split(
            patterns.Where(p => p.IsExact).Select(p => p.Exact!).Distinct(StringComparer.Ordinal).ToList(),
            wildcards.Select(p => p.ToLike()).Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// The distinct names in statements of at most <see cref="BatchSize"/> parameters, exact names first; a filter
    /// without names is one empty batch, so every listing runs at least one statement.
    /// </summary>
    public IReadOnlyList<NameBatch> Batches { get; }

    public bool IsEmpty { get; }

    public static NameFilter Of(IReadOnlyCollection<string>? names, string what)
    {
        if (names == null || names.Count == 0)
        {
            return new NameFilter(Array.Empty<NamePattern>());
        }

        return new NameFilter(names.Select(n => NamePattern.Parse(
            n ?? throw new BillingInvalidValueException($"The list of {what}s holds a null entry.", what), what)).ToList());
    }

    /// <summary>True when no name was given or one of them matches <paramref name="value"/>.</summary>
    public bool IsMatch(string value) =>
        IsEmpty || exactNames.Contains(value.ToLowerInvariant()) || wildcards.Any(p => p.IsMatch(value));

    private static List<NameBatch> Split(List<string> exactNames, List<string> likePatterns)
    {
        var names = exactNames.Select(n => (Exact: true, Text: n)).Concat(likePatterns.Select(p => (Exact: false, Text: p))).ToList();
        if (names.Count == 0)
        {
            return new List<NameBatch> { new NameBatch(Array.Empty<string>(), Array.Empty<string>()) };
        }

        var batches = new List<NameBatch>();
        for (int start = 0; start < names.Count; start += BatchSize)
        {
            var batch = names.GetRange(start, Math.Min(BatchSize, names.Count - start));
            batches.Add(new NameBatch(
                batch.Where(n => n.Exact).Select(n => n.Text).ToList(),
                batch.Where(n => !n.Exact).Select(n => n.Text).ToList()));
        }

        return batches;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CpanelBilling.Core.Billing.Sql;

/// <summary>
/// The names a listing filters one column by (any may match), split into exact names, which the database compares
/// with <c>=</c>/<c>IN</c>, and wildcard patterns, which it compares with <c>LIKE</c>. The statement shape takes the
/// two counts; <see cref="Bind"/> fills the parameters; <see cref="IsMatch"/> decides exactly on the rows read.
/// </summary>
internal sealed class NameFilter
{
    /// <summary>
    /// Names per filter and call: each is a parameter, and SQL Server takes at most 2,100 per statement. A longer
    /// list is better piped in, one name per call.
    /// </summary>
    public const int MaxNames = 500;

    private readonly IReadOnlyList<NamePattern> patterns;

    private NameFilter(IReadOnlyList<NamePattern> patterns)
    {
        this.patterns = patterns;
        ExactNames = patterns.Where(p => p.IsExact).Select(p => p.Exact!).Distinct(StringComparer.Ordinal).ToList();
        LikePatterns = patterns.Where(p => !p.IsExact).Select(p => p.ToLike()).Distinct(StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<string> ExactNames { get; }

    public IReadOnlyList<string> LikePatterns { get; }

    public bool IsEmpty => patterns.Count == 0;

    public static NameFilter Of(IReadOnlyCollection<string>? names, string what)
    {
        if (names == null || names.Count == 0)
        {
            return new NameFilter(Array.Empty<NamePattern>());
        }

        if (names.Count > MaxNames)
        {
            throw new BillingInvalidValueException(
                $"{names.Count} {what}s were given; give at most {MaxNames} per call (pipe longer lists in instead).", what);
        }

        return new NameFilter(names.Select(n => NamePattern.Parse(
            n ?? throw new BillingInvalidValueException($"The list of {what}s holds a null entry.", what), what)).ToList());
    }

    /// <summary>True when no name was given or one of them matches <paramref name="value"/>.</summary>
    public bool IsMatch(string value) => IsEmpty || patterns.Any(p => p.IsMatch(value));

    /// <summary>Binds <c>{exactPrefix}0…</c> and <c>{likePrefix}0…</c> as the statement shape numbered them.</summary>
    public void Bind(BillingCommand command, string exactPrefix, string likePrefix)
    {
        for (int i = 0; i < ExactNames.Count; i++)
        {
            command.With(exactPrefix + i.ToString(CultureInfo.InvariantCulture), ExactNames[i]);
        }

        for (int i = 0; i < LikePatterns.Count; i++)
        {
            command.With(likePrefix + i.ToString(CultureInfo.InvariantCulture), LikePatterns[i]);
        }
    }
}

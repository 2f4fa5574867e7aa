using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CpanelBilling.WhmSimulator.Api;

/// <summary>
/// The arguments of one call: query string and form body together, in order. As in cpsrvd, a scalar parameter is
/// its first value, and a list parameter collects both repeats (<c>k=a&amp;k=b</c>) and numbered names
/// (<c>k-0=a&amp;k-1=b</c>).
/// </summary>
internal sealed class ApiArguments
{
    private readonly IReadOnlyList<KeyValuePair<string, string>> _pairs;

    public ApiArguments(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        _pairs = pairs.ToArray();
    }

    public static ApiArguments Empty { get; } = new(Array.Empty<KeyValuePair<string, string>>());

    public IEnumerable<string> Names => _pairs.Select(p => p.Key).Distinct(StringComparer.Ordinal);

    public bool Has(string name) => _pairs.Any(p => p.Key == name);

    /// <summary>The first value, or null when the parameter is absent.</summary>
    public string? Get(string name)
    {
        foreach (var pair in _pairs)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// cPanel's get_length_required_argument: the value, or a thrown MissingParameter (absent) or Empty (empty)
    /// exception.
    /// </summary>
    public string GetLengthRequired(string name)
    {
        var value = Get(name) ?? throw WhmApiException.MissingParameter(name);
        return value.Length == 0 ? throw WhmApiException.EmptyParameter(name) : value;
    }

    /// <summary>The first value, or <paramref name="fallback"/> when absent or empty.</summary>
    public string GetOrDefault(string name, string fallback)
    {
        var value = Get(name);
        return string.IsNullOrEmpty(value) ? fallback : value;
    }

    /// <summary>Whether a 0/1 flag is set (cPanel treats any non-zero, non-empty value as true).</summary>
    public bool Flag(string name)
    {
        var value = Get(name);
        return !string.IsNullOrEmpty(value) && value != "0";
    }

    /// <summary>Every value of a list parameter: plain repeats first, then <c>name-N</c> in numeric order.</summary>
    public IReadOnlyList<string> GetAll(string name)
    {
        var plain = _pairs.Where(p => p.Key == name).Select(p => p.Value);
        var numbered = _pairs
            .Select(p => (p.Value, Index: NumberedIndex(p.Key, name)))
            .Where(p => p.Index >= 0)
            .OrderBy(p => p.Index)
            .Select(p => p.Value);
        return plain.Concat(numbered).ToArray();
    }

    private static int NumberedIndex(string key, string name)
    {
        if (key.Length <= name.Length + 1 || !key.StartsWith(name, StringComparison.Ordinal) || key[name.Length] != '-')
        {
            return -1;
        }

        return int.TryParse(key.AsSpan(name.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : -1;
    }
}

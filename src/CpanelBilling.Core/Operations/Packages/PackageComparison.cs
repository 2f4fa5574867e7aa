using System;
using System.Collections.Generic;
using System.Linq;

namespace CpanelBilling.Core.Operations.Packages;

/// <summary>A setting a server stores otherwise than it was asked for.</summary>
public sealed class PackageDifference
{
    internal PackageDifference(string key, string asked, string? stored)
    {
        Key = key;
        Asked = asked;
        Stored = stored;
    }

    /// <summary>The listpkgs key, e.g. <c>QUOTA</c>.</summary>
    public string Key { get; }

    public string Asked { get; }

    /// <summary>What the server lists; null when it lists nothing for the key.</summary>
    public string? Stored { get; }

    public override string ToString() => $"{Key} is {(Stored is null ? "not listed" : "'" + Stored + "'")} (asked '{Asked}')";
}

/// <summary>Compares the settings asked for with what a server lists for the package.</summary>
internal static class PackageComparison
{
    // cPanel ignores FRONTPAGE and does not list it back.
    private static readonly HashSet<string> NeverCompared = new(StringComparer.OrdinalIgnoreCase) { "FRONTPAGE" };

    // Text cPanel rewrites on its own (feature lists are HTML-encoded, an unknown locale becomes 'en', an empty
    // theme the default one): a difference there is worth a warning but does not mean the change was not made.
    private static readonly HashSet<string> Rewritten = new(StringComparer.OrdinalIgnoreCase) { "FEATURELIST", "CPMOD", "LANG", "_PACKAGE_EXTENSIONS" };

    /// <summary>Every setting given in <paramref name="asked"/> that <paramref name="stored"/> holds otherwise.</summary>
    public static IReadOnlyList<PackageDifference> Differences(PackageSettings asked, PackageSettings stored) =>
        PackageSettingKey.All
            .Where(key => !NeverCompared.Contains(key.Name))
            .Select(key => (key.Name, Asked: key.Format(asked), Stored: key.Format(stored)))
            .Where(k => k.Asked is not null && !string.Equals(k.Asked, k.Stored, StringComparison.Ordinal))
            .Select(k => new PackageDifference(k.Name, k.Asked!, k.Stored))
            .ToList();

    /// <summary>
    /// The server holds the package as asked for in every limit and flag: what a lost reply or an "already exists"
    /// refusal is judged by.
    /// </summary>
    public static bool HoldsAsAsked(PackageSettings asked, PackageSettings stored) =>
        Differences(asked, stored).All(d => Rewritten.Contains(d.Key));
}

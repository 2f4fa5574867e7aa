using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CpanelBilling.Module.Tests.Contract;

/// <summary>
/// Pins each cmdlet's parameters in a checked-in text file (Contract/parameters.txt), so adding, removing, renaming
/// or re-typing a parameter, or changing how it binds, is a deliberate edit of that file, reviewed with the code.
/// One line per parameter: <c>Verb-Noun -Name Type [alias,...] {Set: Mandatory Position=0 Pipeline ByPropertyName}...</c>
/// </summary>
public static class ParameterPins
{
    public static IReadOnlyList<string> Describe(CmdletShape cmdlet) =>
        cmdlet.Parameters.Select(p => $"{cmdlet.Name} -{p.Name} {TypeName(p.Type)}"
                + (p.Aliases.Count > 0 ? $" [{string.Join(",", p.Aliases.OrderBy(a => a, StringComparer.OrdinalIgnoreCase))}]" : string.Empty)
                + string.Concat(p.Sets.OrderBy(s => s.ParameterSetName, StringComparer.Ordinal).Select(DescribeSet)))
            .ToList();

    /// <summary>The pinned lines, grouped by cmdlet name; '#' starts a comment.</summary>
    public static IReadOnlyDictionary<string, List<string>> Parse(IEnumerable<string> lines) =>
        lines.Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal))
            .GroupBy(l => l.Split(' ')[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Differences between the pinned lines and the cmdlet, with the lines to paste when the change is intended.</summary>
    public static IEnumerable<string> Violations(CmdletShape cmdlet, IReadOnlyDictionary<string, List<string>> pinned)
    {
        var actual = Describe(cmdlet);
        pinned.TryGetValue(cmdlet.Name, out var expected);
        expected ??= new List<string>();
        if (actual.SequenceEqual(expected, StringComparer.Ordinal))
        {
            yield break;
        }

        yield return $"{cmdlet.Name}: its parameters differ from Contract/parameters.txt." + Environment.NewLine
            + "  pinned:" + Environment.NewLine + Indent(expected) + Environment.NewLine
            + "  actual (paste these lines if the change is intended):" + Environment.NewLine + Indent(actual);
    }

    private static string DescribeSet(System.Management.Automation.ParameterAttribute set)
    {
        var flags = new List<string>();
        if (set.Mandatory)
        {
            flags.Add("Mandatory");
        }

        if (set.Position >= 0)
        {
            flags.Add("Position=" + set.Position);
        }

        if (set.ValueFromPipeline)
        {
            flags.Add("Pipeline");
        }

        if (set.ValueFromPipelineByPropertyName)
        {
            flags.Add("ByPropertyName");
        }

        if (set.ValueFromRemainingArguments)
        {
            flags.Add("Remaining");
        }

        var name = set.ParameterSetName == "__AllParameterSets" ? "All" : set.ParameterSetName;
        return $" {{{name}:{(flags.Count == 0 ? string.Empty : " " + string.Join(" ", flags))}}}";
    }

    private static string TypeName(Type type) =>
        type.IsArray ? TypeName(type.GetElementType()!) + "[]"
        : Nullable.GetUnderlyingType(type) is { } inner ? TypeName(inner) + "?"
        : type.Name;

    private static string Indent(IEnumerable<string> lines)
    {
        var list = lines.ToList();
        return list.Count == 0 ? "    (none)" : string.Join(Environment.NewLine, list.Select(l => "    " + l));
    }

    public static string PinFile => Path.Combine(RepoPaths.Root, "tests", "CpanelBilling.Module.Tests", "Contract", "parameters.txt");
}

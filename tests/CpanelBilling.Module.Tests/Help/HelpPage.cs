using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CpanelBilling.Module.Tests.Contract;

namespace CpanelBilling.Module.Tests.Help;

/// <summary>
/// Holds a platyPS markdown page (docs/en-US/Verb-Noun.md, the source of the MAML help build.ps1 builds) against
/// the cmdlet's metadata: platyPS structure, a real synopsis and description, at least two examples with code,
/// exactly one "### -Name" section per parameter with its type, and no platyPS placeholder left.
/// </summary>
public static class HelpPage
{
    private static readonly string[] RequiredSections =
        { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" };

    public static IEnumerable<string> Violations(CmdletShape cmdlet, string markdown)
    {
        var text = markdown.Replace("\r\n", "\n");
        var name = cmdlet.Name;

        if (!Regex.IsMatch(text, @"\A---\n(.*\n)*?external help file: CpanelBilling\.dll-Help\.xml\n(.*\n)*?---\n"))
        {
            yield return $"{name}: the page must start with platyPS front matter naming 'external help file: CpanelBilling.dll-Help.xml'.";
        }

        if (!Regex.IsMatch(text, @"^Module Name: CpanelBilling$", RegexOptions.Multiline))
        {
            yield return $"{name}: the front matter must say 'Module Name: CpanelBilling'.";
        }

        if (!Regex.IsMatch(text, $@"^# {Regex.Escape(name)}$", RegexOptions.Multiline))
        {
            yield return $"{name}: the page title must be '# {name}'.";
        }

        foreach (var section in RequiredSections.Where(s => Section(text, s) is null))
        {
            yield return $"{name}: missing '## {section}'.";
        }

        if (text.Contains("{{", StringComparison.Ordinal))
        {
            yield return $"{name}: a platyPS placeholder ({{{{ ... }}}}) is still in the page.";
        }

        foreach (var section in new[] { "SYNOPSIS", "DESCRIPTION" }.Where(s => Section(text, s) is { } body && body.Trim().Length < 10))
        {
            yield return $"{name}: '## {section}' needs real text.";
        }

        var examples = Regex.Split(Section(text, "EXAMPLES") ?? string.Empty, @"^### ", RegexOptions.Multiline).Skip(1).ToList();
        var withCode = examples.Count(e => Regex.IsMatch(e, @"```powershell\n(?<code>(.*\n)*?)```") && e.Contains(name, StringComparison.OrdinalIgnoreCase));
        if (withCode < 2)
        {
            yield return $"{name}: needs at least two '### Example' sections with a ```powershell block that uses {name} (found {withCode}).";
        }

        foreach (var violation in ParameterSections(cmdlet, Section(text, "PARAMETERS") ?? string.Empty))
        {
            yield return violation;
        }
    }

    /// <summary>The parameters a page must document: the cmdlet's own, plus -WhatIf and -Confirm when it supports ShouldProcess.</summary>
    public static IEnumerable<(string Name, string TypeName)> DocumentedParameters(CmdletShape cmdlet)
    {
        var own = cmdlet.Parameters.Select(p => (p.Name, TypeName(p.Type)));
        return cmdlet.Attribute.SupportsShouldProcess
            ? own.Append(("WhatIf", "SwitchParameter")).Append(("Confirm", "SwitchParameter"))
            : own;
    }

    private static IEnumerable<string> ParameterSections(CmdletShape cmdlet, string parameters)
    {
        var sections = Regex.Split(parameters, @"^### ", RegexOptions.Multiline).Skip(1)
            .Select(s => (Title: s.Split('\n')[0].Trim(), Body: s))
            .ToList();
        var expected = DocumentedParameters(cmdlet).ToList();

        foreach (var (parameter, typeName) in expected)
        {
            var found = sections.Where(s => s.Title == "-" + parameter).ToList();
            if (found.Count != 1)
            {
                yield return $"{cmdlet.Name}: needs exactly one '### -{parameter}' section (found {found.Count}).";
                continue;
            }

            var type = Regex.Match(found[0].Body, @"^Type: (.+)$", RegexOptions.Multiline);
            if (!type.Success || type.Groups[1].Value.Trim() != typeName)
            {
                yield return $"{cmdlet.Name}: '### -{parameter}' must say 'Type: {typeName}' in its yaml block.";
            }
        }

        foreach (var stale in sections.Where(s => s.Title.StartsWith('-') && expected.All(e => "-" + e.Name != s.Title)))
        {
            yield return $"{cmdlet.Name}: '### {stale.Title}' documents a parameter the cmdlet does not have.";
        }

        if (sections.All(s => s.Title != "CommonParameters"))
        {
            yield return $"{cmdlet.Name}: missing '### CommonParameters'.";
        }
    }

    private static string? Section(string text, string title)
    {
        var match = Regex.Match(text, $@"^## {Regex.Escape(title)}[ \t]*\n(?<body>(.*\n?)*?)(?=^## |\z)", RegexOptions.Multiline);
        return match.Success ? match.Groups["body"].Value : null;
    }

    // platyPS writes the type's short name, with [] for arrays.
    private static string TypeName(Type type) =>
        type.IsArray ? TypeName(type.GetElementType()!) + "[]" : (Nullable.GetUnderlyingType(type) ?? type).Name;
}

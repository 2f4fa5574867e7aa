using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Text.RegularExpressions;
using CpanelBilling.Commands;
using CpanelBilling.Module.Tests.Contract;
using CpanelBilling.Module.Tests.Harness;
using Xunit;

namespace CpanelBilling.Module.Tests.Scripts;

/// <summary>
/// Every call of a CpanelBilling cmdlet in the scripts (build.ps1, tests/Pester) and in the help examples
/// (docs/en-US, about topic included, and README.md) binds its parameters as PowerShell would: the engine's static binder, against
/// the module's real cmdlets, finds no parameter that does not exist, is ambiguous or has no position. This is what
/// catches a script or an example that drifted from the cmdlets, e.g. Module.Tests.ps1, which runs only under pwsh.
/// </summary>
public sealed partial class CommandUsageTests
{
    private static readonly HashSet<string> Cmdlets =
        CmdletShape.AllIn(typeof(CpCmdlet).Assembly).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Every_CpanelBilling_command_in_scripts_and_help_examples_binds()
    {
        var calls = Sources().SelectMany(s => CpCommandsIn(s.Name, s.Ast)).ToList();
        using var ps = PowerShellHarness.ForModule();

        List<string> problems;
        Runspace.DefaultRunspace = ps.Runspace; // the static binder looks commands up in the thread's runspace
        try
        {
            problems = calls.SelectMany(c => StaticParameterBinder.BindCommand(c.Command, resolve: true).BindingExceptions
                    .Select(e => $"{c.Where}: {c.Command.GetCommandName()} -{e.Key}: {e.Value.BindingException.Message}"))
                .ToList();
        }
        finally
        {
            Runspace.DefaultRunspace = null;
        }

        Assert.True(calls.Count > 100, $"Only {calls.Count} calls found; the search for them is broken.");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static IEnumerable<(string Name, Ast Ast)> Sources()
    {
        var scripts = new[] { RepoPaths.InRepo("build.ps1") }
            .Concat(Directory.GetFiles(RepoPaths.InRepo("tests", "Pester"), "*.ps1"));
        foreach (string script in scripts)
        {
            yield return (Path.GetRelativePath(RepoPaths.Root, script), Parser.ParseFile(script, out _, out _));
        }

        // The README's examples are what users paste first: they are held to the same binder as the help pages.
        foreach (string page in Directory.GetFiles(RepoPaths.Docs, "*.md").OrderBy(p => p).Append(RepoPaths.InRepo("README.md")))
        {
            string text = File.ReadAllText(page);
            foreach (Match block in PowerShellBlock().Matches(text))
            {
                int line = text.Take(block.Index).Count(c => c == '\n') + 2;
                yield return ($"{Path.GetRelativePath(RepoPaths.Root, page)}:{line}", Parser.ParseInput(block.Groups["code"].Value, out _, out _));
            }
        }
    }

    private static IEnumerable<(string Where, CommandAst Command)> CpCommandsIn(string source, Ast ast) =>
        ast.FindAll(a => a is CommandAst, searchNestedScriptBlocks: true)
            .Cast<CommandAst>()
            .Where(c => c.GetCommandName() is { } name && Cmdlets.Contains(name))
            .Select(c => ($"{source} (line {c.Extent.StartLineNumber})", c));

    [GeneratedRegex(@"```powershell\r?\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex PowerShellBlock();
}

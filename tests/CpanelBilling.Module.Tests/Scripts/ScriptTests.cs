using System;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using System.Text.RegularExpressions;
using Xunit;

namespace CpanelBilling.Module.Tests.Scripts;

/// <summary>
/// No pwsh runs here, so build.ps1 and the Pester suite are at least held to PowerShell's own parser, and to the
/// promises other parts rely on (tasks, pinned tool versions, the child pwsh for Pester).
/// </summary>
public sealed class ScriptTests
{
    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string> { "build.ps1" };
        foreach (var file in Directory.GetFiles(RepoPaths.InRepo("tests", "Pester"), "*.ps1").OrderBy(f => f))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Parses_without_errors(string relativePath)
    {
        Parser.ParseFile(RepoPaths.InRepo(relativePath), out _, out var errors);
        Assert.True(errors.Length == 0, string.Join(Environment.NewLine, errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}")));
    }

    [Fact]
    public void Build_script_offers_every_task_requires_PowerShell_7_and_pins_its_tools()
    {
        var ast = Parser.ParseFile(RepoPaths.InRepo("build.ps1"), out _, out _);
        Assert.Equal(7, ast.ScriptRequirements.RequiredPSVersion?.Major);

        var task = ast.ParamBlock!.Parameters.Single(p => p.Name.VariablePath.UserPath == "Task");
        var validateSet = task.Attributes.OfType<AttributeAst>().Single(a => a.TypeName.Name == "ValidateSet");
        var tasks = validateSet.PositionalArguments.Cast<StringConstantExpressionAst>().Select(s => s.Value);
        Assert.Equal(new[] { "Build", "Clean", "Demo", "Help", "Pester", "Test" }, tasks.OrderBy(t => t));

        var text = File.ReadAllText(RepoPaths.InRepo("build.ps1"));
        Assert.Matches(@"\$PesterVersion = '5\.\d+\.\d+'", text);
        Assert.Matches(@"\$PlatyPSVersion = '0\.14\.\d+'", text);
        Assert.Contains("pwsh -NoProfile -NonInteractive", text);
        Assert.Contains("-t:LayoutModule", text);
    }

    [Fact]
    public void Pester_files_say_how_they_are_run()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.InRepo("tests", "Pester"), "*.Tests.ps1"))
        {
            Assert.Contains("pwsh -NoProfile -NonInteractive", File.ReadAllText(file));
        }
    }

    [Fact]
    public void The_fault_matrix_file_CI_prints_is_the_one_the_fault_matrix_test_writes()
    {
        Match assignment = Regex.Match(File.ReadAllText(RepoPaths.InRepo(".ci", "run")), "^fault_matrix=(\\S+)$", RegexOptions.Multiline);
        Assert.True(assignment.Success);
        string project = File.ReadAllText(RepoPaths.InRepo("tests", "CpanelBilling.Operations.Tests", "CpanelBilling.Operations.Tests.csproj"));
        Assert.Contains($"<_Parameter2>$(CpbRepoRoot){assignment.Groups[1].Value}</_Parameter2>", project, StringComparison.Ordinal);
    }
}

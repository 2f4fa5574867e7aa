using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CpanelBilling.Module.Tests.Harness;
using Xunit;

namespace CpanelBilling.Module.Tests.Scripts;

/// <summary>
/// NOT pwsh: runs build.ps1 itself on the real PowerShell engine, in process, with the tools it starts (dotnet, pwsh,
/// New-ExternalHelp, Install-/Import-Module) replaced by functions that only record their call, so the order of the
/// steps a task takes can be checked. CoreEngineShim.ps1 brings the few Utility/Management cmdlets the script uses
/// besides. The point: the Pester suite checks every cmdlet's help, the layout <c>dotnet test</c> leaves has no MAML
/// help (LayoutModule copies only the about topic), and .ci/run runs <c>dotnet test</c>, then <c>-Task Pester</c>.
/// </summary>
public sealed class BuildScriptOnCoreEngine : IDisposable
{
    private const string RecordingTools = """
        $global:LASTEXITCODE = 0
        $global:BuildSteps = [System.Collections.Generic.List[string]]::new()
        function global:dotnet { $global:BuildSteps.Add("dotnet $($args[0])"); $global:LASTEXITCODE = 0 }
        function global:pwsh { $global:BuildSteps.Add('pwsh ' + ($args -join ' ')); $global:LASTEXITCODE = 0 }
        function global:Install-Module { param($Name, $RequiredVersion, $Scope, [switch] $Force, [switch] $SkipPublisherCheck, [switch] $AllowClobber) $global:BuildSteps.Add("Install-Module $Name") }
        function global:Import-Module { param($Name, $RequiredVersion, [switch] $Force) $global:BuildSteps.Add("Import-Module $Name") }
        function global:New-ExternalHelp { param($Path, $OutputPath, [switch] $Force) $global:BuildSteps.Add("New-ExternalHelp $Path -> $OutputPath") }
        function global:Test-Path { param([Parameter(Mandatory, Position = 0)] [string] $Path) [System.IO.File]::Exists($Path) -or [System.IO.Directory]::Exists($Path) }
        """;

    private static readonly string HelpStep =
        $"New-ExternalHelp {RepoPaths.Docs} -> {Path.Combine(RepoPaths.LayoutFolder, "en-US")}";

    private readonly PowerShellHarness ps = PowerShellHarness.ForScripts();

    public void Dispose() => ps.Dispose();

    [Fact]
    public void The_Pester_task_builds_the_cmdlet_help_before_the_suite_checks_it()
    {
        List<string> steps = Run("Pester");

        Assert.Equal(new[] { "Import-Module platyPS", HelpStep, "Import-Module Pester", "pwsh" }, Significant(steps));
        Assert.Contains("Invoke-Pester", steps.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_Test_task_runs_dotnet_test_then_builds_the_help_once_then_Pester()
    {
        List<string> steps = Run("Test");

        Assert.Equal(new[] { "dotnet test", "Import-Module platyPS", HelpStep, "Import-Module Pester", "pwsh" }, Significant(steps));
    }

    [Fact]
    public void The_Build_task_lays_out_the_module_then_builds_its_help()
    {
        List<string> steps = Run("Build");

        Assert.Equal(new[] { "dotnet build", "Import-Module platyPS", HelpStep }, Significant(steps));
    }

    private List<string> Run(string task)
    {
        HarnessResult run = ps.Invoke(
            ". $args[0]; " + RecordingTools + "; & $args[1] -Task $args[2]; $global:BuildSteps",
            RepoPaths.InRepo("tests", "CpanelBilling.Module.Tests", "Scripts", "CoreEngineShim.ps1"),
            RepoPaths.InRepo("build.ps1"),
            task);
        run.AssertSuccess();
        return run.Output.Select(o => (string)o.BaseObject).ToList();
    }

    // Whether a pinned tool had to be installed first depends on the machine; the rest is the task's own order.
    private static IEnumerable<string> Significant(IEnumerable<string> steps) =>
        steps.Where(s => !s.StartsWith("Install-Module ", StringComparison.Ordinal))
            .Select(s => s.StartsWith("pwsh ", StringComparison.Ordinal) ? "pwsh" : s);
}

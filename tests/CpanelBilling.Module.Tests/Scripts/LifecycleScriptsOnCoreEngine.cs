using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using CpanelBilling.Commands;
using CpanelBilling.Module.Tests.Harness;
using CpanelBilling.Testing.Operations;
using Xunit;
using Xunit.Abstractions;

namespace CpanelBilling.Module.Tests.Scripts;

/// <summary>
/// NOT a Pester run and not pwsh: no pwsh exists here, so this runs the demo (tests/Pester/Lifecycle.Demo.ps1) and the
/// Pester lifecycle file (tests/Pester/Lifecycle.Tests.ps1) as they are, on the real PowerShell engine in process,
/// against an in-process WHM simulator the scripts find through CPBILLING_SIMULATOR_* (Simulator.ps1 uses a running
/// simulator those name). The engine has only Microsoft.PowerShell.Core; CoreEngineShim.ps1, clearly labelled, stands
/// in for the few other cmdlets the scripts use and for the Pester subset they need. What this proves: the scripts
/// call the real cmdlets with real parameters, and every lifecycle step does what the It blocks say. Real Pester under
/// pwsh (.ci/run, ./build.ps1 -Task Pester) still has the last word, and Module.Tests.ps1 runs only there.
/// </summary>
public sealed class LifecycleScriptsOnCoreEngine : IClassFixture<OperationsWorldFixture>, IDisposable
{
    private static readonly string PesterFolder = RepoPaths.InRepo("tests", "Pester");
    private static readonly string Shim = RepoPaths.InRepo("tests", "CpanelBilling.Module.Tests", "Scripts", "CoreEngineShim.ps1");

    private readonly OperationsWorldFixture simulator;
    private readonly ITestOutputHelper output;
    private readonly PowerShellHarness ps = PowerShellHarness.ForScripts();

    public LifecycleScriptsOnCoreEngine(OperationsWorldFixture simulator, ITestOutputHelper output)
    {
        this.simulator = simulator;
        this.output = output;
        simulator.Reset();

        // What Simulator.ps1 starts its own simulator with (--usage-mb): the bandwidth step needs usage to record.
        simulator.Server.NewAccountUsageMb = 5;

        // Import-Module of the laid-out manifest hands back an assembly of the same name the process already holds.
        // Other tests load this build's CpanelBilling.dll; load it here too, so the result never depends on test order.
        _ = typeof(CpCmdlet).Assembly;

        Environment.SetEnvironmentVariable("CPBILLING_SIMULATOR_URL", simulator.BaseUri.ToString());
        Environment.SetEnvironmentVariable("CPBILLING_SIMULATOR_THUMBPRINT", simulator.CertificateSha256);
        Environment.SetEnvironmentVariable("CPBILLING_SIMULATOR_TOKEN", simulator.Token);
        Environment.SetEnvironmentVariable("CPBILLING_SIMULATOR_USER", simulator.User);
    }

    public void Dispose()
    {
        foreach (var name in new[] { "URL", "THUMBPRINT", "TOKEN", "USER" })
        {
            Environment.SetEnvironmentVariable("CPBILLING_SIMULATOR_" + name, null);
        }

        ps.Dispose();
    }

    [Fact]
    public void The_demo_runs_the_whole_lifecycle_to_Demo_complete()
    {
        HarnessResult demo = ps.Invoke(
            ". $args[0]; & $args[1] -ModulePath $args[2] -Configuration Release",
            Shim,
            Path.Combine(PesterFolder, "Lifecycle.Demo.ps1"),
            RepoPaths.LaidOutManifest);
        foreach (string line in demo.HostLines)
        {
            output.WriteLine(line);
        }

        demo.AssertSuccess();
        Assert.Empty(demo.Warnings);
        Assert.Equal("Demo complete.", demo.HostLines.Last(l => l.Length > 0));
        Assert.Contains(demo.WhatIf, l => l.Contains("Suspend the account", StringComparison.Ordinal));
        Assert.Empty(simulator.State.Accounts); // the lifecycle ends by removing its account
        foreach (string change in new[] { "createacct", "suspendacct", "unsuspendacct", "changepackage", "removeacct" })
        {
            Assert.Single(simulator.Server.Requests, r => r.Function == change); // the -WhatIf suspension sent nothing
        }
    }

    [Fact]
    public void Every_It_of_the_Pester_lifecycle_passes()
    {
        string file = Path.Combine(PesterFolder, "Lifecycle.Tests.ps1");

        HarnessResult run = ps.Invoke(". $args[0]; Invoke-ShimPester -Path $args[1]", Shim, file);
        run.AssertSuccess();
        var results = run.Output.Select(o => (Name: (string)o.Properties["Name"].Value, Passed: (bool)o.Properties["Passed"].Value, Message: (string)o.Properties["Message"].Value)).ToList();
        foreach (var result in results)
        {
            output.WriteLine($"{(result.Passed ? "[+]" : "[-]")} {result.Name}{(result.Passed ? "" : "\n    " + result.Message)}");
        }

        var failed = results.Where(r => !r.Passed).ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed.Select(f => $"{f.Name}: {f.Message}")));
        Assert.Equal(ItBlocksIn(file), results.Count);
        Assert.Empty(simulator.State.Accounts);
    }

    // The shim's verdicts are only worth something if its Should fails where Pester's does.
    [Theory]
    [InlineData("'Active' | Should -Be 'active'", true)]
    [InlineData("[System.DayOfWeek]::Monday | Should -Be 'Monday'", true)]
    [InlineData("'a' | Should -Be 'b'", false)]
    [InlineData("'a', 'b' | Should -Be @('a', 'b')", true)]
    [InlineData("'a', 'b' | Should -Be 'a'", false)]
    [InlineData("$null | Should -BeNullOrEmpty", true)]
    [InlineData("@() | Should -BeNullOrEmpty", true)]
    [InlineData("'', '' | Should -BeNullOrEmpty", false)]
    [InlineData("0 | Should -Not -BeNullOrEmpty", true)]
    [InlineData("$true, 0 | Should -BeTrue", false)]
    [InlineData("@() | Should -BeTrue", false)]
    [InlineData("$null | Should -BeFalse", true)]
    [InlineData("'a', 'b' | Should -Contain 'b'", true)]
    [InlineData("'a' | Should -Not -Contain 'a'", false)]
    [InlineData("2 | Should -BeGreaterOrEqual 3", false)]
    [InlineData("3 | Should -BeGreaterThan 2", true)]
    [InlineData("2 | Should -BeGreaterThan 2", false)]
    [InlineData("$null | Should -BeGreaterThan 0", false)]
    [InlineData("'web01/nosuchuser' | Should -BeLike '*nosuchuser*'", true)]
    [InlineData("'abc' | Should -Match '^b'", false)]
    [InlineData("'abc', 'bcd' | Should -Not -Match '^b'", false)]
    public void The_shim_Should_judges_as_Pester_does(string assertion, bool passes)
    {
        // A failed Should ends its statement, as Pester's does; the It around it catches that and fails.
        HarnessResult result = ps.Invoke(". $args[0]; " + assertion, Shim);

        Assert.Null(result.TerminatingError);
        Assert.Equal(passes ? Array.Empty<string>() : new[] { "ShimAssertionFailed" }, result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
    }

    [Fact]
    public void The_shim_runs_blocks_as_Pester_does()
    {
        string file = Path.Combine(Path.GetTempPath(), $"cpb-shim-{Guid.NewGuid():N}.Tests.ps1");
        File.WriteAllText(file, """
            BeforeAll { $outer = 1 }
            Describe 'd' {
                BeforeAll { $inner = $outer + 1 }
                It 'sees the BeforeAll of the file and of its block' { $inner | Should -Be 2; $mine = 'set' }
                It 'fails alone, and sees nothing another It set' { $mine | Should -Be 'set' }
                Context 'c' {
                    BeforeAll { throw 'setup broke' }
                    It 'fails with its BeforeAll' { }
                }
                AfterAll { $global:shimAfterAll = $inner }
            }
            """);
        try
        {
            HarnessResult run = ps.Invoke(". $args[0]; Invoke-ShimPester -Path $args[1]; $global:shimAfterAll", Shim, file);

            run.AssertSuccess();
            var results = run.Output.Take(3).Select(o => ((bool)o.Properties["Passed"].Value, (string)o.Properties["Message"].Value)).ToList();
            Assert.True(results[0].Item1, results[0].Item2);
            Assert.False(results[1].Item1);
            Assert.StartsWith("Expected $null to be 'set'", results[1].Item2, StringComparison.Ordinal);
            Assert.Equal((false, "BeforeAll failed: setup broke"), results[2]);
            Assert.Equal(2, run.Output[3].BaseObject);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static int ItBlocksIn(string file) =>
        Parser.ParseFile(file, out _, out _)
            .FindAll(a => a is CommandAst command && command.GetCommandName() == "It", searchNestedScriptBlocks: true)
            .Count();
}

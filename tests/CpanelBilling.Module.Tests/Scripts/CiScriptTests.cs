using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using Xunit;

namespace CpanelBilling.Module.Tests.Scripts;

/// <summary>
/// .ci/run as it is, run by bash in a scratch copy of the repository whose PATH holds only the tools the script uses,
/// a fake <c>dotnet</c> that records its arguments and prints per-assembly lines as <c>dotnet test</c> does, and, for
/// one test, a fake <c>pwsh</c>. What CI shows and in which order is checked without running the real suites.
/// </summary>
[UnsupportedOSPlatform("windows")] // bash; the facts skip themselves there
public sealed class CiScriptTests : IDisposable
{
    private const string FaultMatrixLine = "Fault matrix: 84 cases run, 84 consistent, 12.5 s in all cells together.";
    private static readonly string[] Tools = { "dirname", "mktemp", "tee", "grep", "sed", "awk", "rm" };

    private readonly string repo = Directory.CreateTempSubdirectory("cpb-ci-").FullName;
    private readonly string bin;

    public CiScriptTests()
    {
        bin = Directory.CreateDirectory(Path.Combine(repo, "fake-bin")).FullName;
        Directory.CreateDirectory(Path.Combine(repo, ".ci"));
        Directory.CreateDirectory(Path.Combine(repo, "TestResults"));
        File.Copy(RepoPaths.InRepo(".ci", "run"), Path.Combine(repo, ".ci", "run"));
        foreach (string tool in Tools)
        {
            File.CreateSymbolicLink(Path.Combine(bin, tool), BashFactAttribute.Find(tool) ?? throw new InvalidOperationException($"{tool} is not on PATH"));
        }

        // Like dotnet test: the assemblies' lines; the fault matrix test writes its table when FAKE_MATRIX is set.
        Script("dotnet", """
            printf '%s\n' "$*" > dotnet-args.txt
            [ -n "${FAKE_MATRIX:-}" ] && printf '%s\n' "$FAKE_MATRIX" 'operation        ...' > TestResults/fault-matrix.txt
            for name in Whm Billing Operations Module; do
              echo "Passed!  - Failed:     0, Passed:    10, Skipped:     1, Total:    11, Duration: 1 s - CpanelBilling.$name.Tests.dll (net10.0)"
            done
            exit 0
            """);
    }

    public void Dispose() => Directory.Delete(repo, recursive: true);

    [BashFact]
    public void CI_runs_the_READMEs_test_command_and_shows_the_fault_matrix_before_the_summary_and_the_Pester_line()
    {
        (int exit, string[] lines) = RunCi(FaultMatrixLine);

        Assert.Equal(0, exit);
        Assert.Equal("test CpanelBilling.sln -c Release", File.ReadAllText(Path.Combine(repo, "dotnet-args.txt")).Trim());
        Assert.Contains("```sh\ndotnet test CpanelBilling.sln -c Release\n```", File.ReadAllText(RepoPaths.InRepo("README.md")).ReplaceLineEndings("\n"), StringComparison.Ordinal);
        int matrix = Array.IndexOf(lines, "== fault matrix (TestResults/fault-matrix.txt)");
        int summary = Array.IndexOf(lines, "== xunit summary");
        // Never the raw output in a failure message: its fake "Passed!" lines would count in the real CI's summary.
        Assert.True(matrix > 0, "no fault matrix header");
        Assert.True(summary > matrix, "the xunit summary comes before the fault matrix");
        Assert.Equal("  " + FaultMatrixLine, lines[matrix + 1]);
        Assert.Equal(new[]
        {
            "  4 test assemblies: 40 passed, 0 failed, 4 skipped (of 44)",
            "Pester: skipped (pwsh not found). The Pester suite in tests/Pester did NOT run; only the xunit suites above ran.",
        }, lines[^2..]);
    }

    [BashFact]
    public void CI_says_the_fault_matrix_is_missing_rather_than_show_an_old_one()
    {
        File.WriteAllText(Path.Combine(repo, "TestResults", "fault-matrix.txt"), "Fault matrix: from an earlier run\n");

        (_, string[] lines) = RunCi(matrix: null);

        int header = Array.IndexOf(lines, "== fault matrix (TestResults/fault-matrix.txt)");
        Assert.StartsWith("  missing:", lines[header + 1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("earlier run", StringComparison.Ordinal));
    }

    [BashFact]
    public void CI_runs_the_Pester_task_last_where_pwsh_exists()
    {
        Script("pwsh", """printf '%s\n' "$*" > pwsh-args.txt; echo 'Tests Passed: 1'; exit 0""");

        (int exit, string[] lines) = RunCi(FaultMatrixLine);

        Assert.Equal(0, exit);
        Assert.Equal("-NoProfile -NonInteractive -File ./build.ps1 -Task Pester", File.ReadAllText(Path.Combine(repo, "pwsh-args.txt")).Trim());
        Assert.Equal(new[] { $"== Pester (pwsh found: {Path.Combine(bin, "pwsh")})", "Tests Passed: 1" }, lines[^2..]);
    }

    private (int Exit, string[] Lines) RunCi(string? matrix)
    {
        var start = new ProcessStartInfo(BashFactAttribute.Find("bash")!, Path.Combine(repo, ".ci", "run"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PATH"] = bin;
        start.Environment["FAKE_MATRIX"] = matrix ?? "";
        using Process ci = Process.Start(start)!;
        string stdout = ci.StandardOutput.ReadToEnd();
        string stderr = ci.StandardError.ReadToEnd();
        ci.WaitForExit();
        Assert.True(stderr.Length == 0, stderr);
        return (ci.ExitCode, stdout.TrimEnd('\n').Split('\n'));
    }

    private void Script(string name, string body)
    {
        string path = Path.Combine(bin, name);
        File.WriteAllText(path, $"#!{BashFactAttribute.Find("bash")}\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}

/// <summary>A fact that needs bash (.ci/run is a bash script): skipped, with the reason, where there is none.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BashFactAttribute : FactAttribute
{
    public BashFactAttribute()
    {
        if (OperatingSystem.IsWindows() || Find("bash") is null)
        {
            Skip = ".ci/run is a bash script and no bash is on PATH here, so it was not run.";
        }
    }

    public static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists);
}

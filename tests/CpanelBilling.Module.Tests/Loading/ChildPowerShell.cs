using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace CpanelBilling.Module.Tests.Loading;

/// <summary>Runs a script in a new process under our minimal PowerShell host (tests/CpanelBilling.PwshHost).</summary>
internal static class ChildPowerShell
{
    public sealed record Result(int ExitCode, string[] Output, string Errors)
    {
        public string Value(string key) =>
            Output.FirstOrDefault(l => l.StartsWith(key + "=", StringComparison.Ordinal))?.Substring(key.Length + 1)
            ?? throw new Xunit.Sdk.XunitException($"The script wrote no '{key}=' line.\nOutput:\n{string.Join("\n", Output)}\nErrors:\n{Errors}");

        public override string ToString() => $"exit {ExitCode}\nOutput:\n{string.Join("\n", Output)}\nErrors:\n{Errors}";
    }

    public static Result Run(string script, params (string Name, string Value)[] parameters)
    {
        var scriptFile = Path.Combine(Path.GetTempPath(), $"cpb-loader-{Guid.NewGuid():N}.ps1");
        File.WriteAllText(scriptFile, script);
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(RepoPaths.PwshHost);
            start.ArgumentList.Add(scriptFile);
            foreach (var (name, value) in parameters)
            {
                start.ArgumentList.Add("-" + name);
                start.ArgumentList.Add(value);
            }

            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The child PowerShell did not finish within 2 minutes.");
            }

            return new Result(process.ExitCode, output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), errors.Result);
        }
        finally
        {
            File.Delete(scriptFile);
        }
    }
}

using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace CpanelBilling.PwshHost;

/// <summary>
/// Usage: CpanelBilling.PwshHost SCRIPT.ps1 [-Name value]...
/// Runs the script in a fresh runspace (Microsoft.PowerShell.Core only) with the given string parameters, writes each
/// output object's string form to stdout and each error to stderr. Exit code: 0 when no error was written, 1 otherwise.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length == 0 || args.Length % 2 == 0)
        {
            Console.Error.WriteLine("usage: CpanelBilling.PwshHost SCRIPT.ps1 [-Name value]...");
            return 2;
        }

        var state = InitialSessionState.CreateDefault2();
        if (OperatingSystem.IsWindows())
        {
            // Execution policy exists only on Windows; the test's script and the module are local, unsigned files.
            state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        }

        using var ps = PowerShell.Create(state);
        ps.AddScript(File.ReadAllText(args[0]));
        for (var i = 1; i < args.Length; i += 2)
        {
            ps.AddParameter(args[i].TrimStart('-'), args[i + 1]);
        }

        // Streamed, so what the script wrote before a failure is still seen.
        using var output = new PSDataCollection<PSObject>();
        output.DataAdded += (_, e) => Console.Out.WriteLine(output[e.Index]?.ToString());
        try
        {
            ps.Invoke(null, output);
        }
        catch (RuntimeException e)
        {
            Console.Error.WriteLine($"{e.ErrorRecord.FullyQualifiedErrorId}: {e.Message}");
            return 1;
        }

        foreach (var error in ps.Streams.Error)
        {
            Console.Error.WriteLine($"{error.FullyQualifiedErrorId}: {error}");
        }

        return ps.HadErrors || ps.Streams.Error.Count > 0 ? 1 : 0;
    }
}

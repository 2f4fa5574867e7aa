using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using CpanelBilling.Commands;

namespace CpanelBilling.Module.Tests.Harness;

/// <summary>
/// Runs cmdlets the way users run them: real PowerShell (System.Management.Automation 7.6, in process), a real
/// runspace, real pipelines such as <c>Get-CpAccount | Suspend-CpAccount -WhatIf</c>.
/// </summary>
/// <remarks>
/// Why the real engine rather than a binder of our own that reads [Parameter] metadata: parameter binding is the
/// part of a cmdlet users meet first and the part an imitation gets subtly wrong (by-property-name binding of
/// piped objects, parameter-set resolution, type coercion, common parameters such as -WhatIf, -Confirm and
/// -ErrorAction, $ConfirmPreference against ConfirmImpact, terminating versus non-terminating errors). The engine
/// is on NuGet and hosts in process, so tests bind exactly as PowerShell 7 does. Only Microsoft.PowerShell.Core is
/// available (no Utility/Management modules: no Select-Object, Measure-Object); scripts stick to Core cmdlets
/// and the language itself.
/// </remarks>
public sealed class PowerShellHarness : IDisposable
{
    private readonly Runspace runspace;

    private PowerShellHarness(InitialSessionState state)
    {
        if (OperatingSystem.IsWindows())
        {
            state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        }

        runspace = RunspaceFactory.CreateRunspace(Host, state);
        runspace.Open();
    }

    /// <summary>The host: script Confirm answers with <c>Host.UI.ConfirmAnswers.Enqueue(...)</c>.</summary>
    public HarnessHost Host { get; } = new();

    /// <summary>A session with the CpanelBilling module imported (from this test's build output) and nothing else.</summary>
    public static PowerShellHarness ForModule()
    {
        // Importing the manifest would load the module's views too; importing this build's DLL does not, so add them.
        var state = InitialSessionState.CreateDefault2();
        string moduleFolder = System.IO.Path.GetDirectoryName(typeof(CpCmdlet).Assembly.Location)!;
        state.Formats.Add(new SessionStateFormatEntry(System.IO.Path.Combine(moduleFolder, "CpanelBilling.format.ps1xml")));
        var harness = new PowerShellHarness(state);
        harness.Invoke("Import-Module -Name $args[0] -ErrorAction Stop", typeof(CpCmdlet).Assembly.Location).AssertSuccess();
        return harness;
    }

    /// <summary>A session with nothing imported, for scripts that import the module themselves.</summary>
    public static PowerShellHarness ForScripts() => new(InitialSessionState.CreateDefault2());

    /// <summary>A session with just these cmdlet classes (e.g. test cmdlets that exercise the base class).</summary>
    public static PowerShellHarness ForCmdlets(params Type[] cmdletTypes)
    {
        var state = InitialSessionState.CreateDefault2();
        foreach (var type in cmdletTypes)
        {
            var attribute = (CmdletAttribute)Attribute.GetCustomAttribute(type, typeof(CmdletAttribute))!;
            state.Commands.Add(new SessionStateCmdletEntry($"{attribute.VerbName}-{attribute.NounName}", type, null));
        }

        return new PowerShellHarness(state);
    }

    /// <summary>The session, for engine APIs that take one (e.g. CommandCompletion).</summary>
    public Runspace Runspace => runspace;

    /// <summary>Sets a session variable, e.g. a preference (<c>ConfirmPreference</c>) or an object to pipe.</summary>
    public void SetVariable(string name, object? value) => runspace.SessionStateProxy.SetVariable(name, value);

    /// <summary>
    /// Runs <paramref name="script"/> (arguments are available as <c>$args</c>) and returns what every stream and
    /// the host received. A terminating error is captured in the result, not thrown.
    /// </summary>
    public HarnessResult Invoke(string script, params object?[] arguments)
    {
        using var ps = Create(script, arguments);
        return Collect(ps, () => ps.Invoke());
    }

    /// <summary>Starts <paramref name="script"/> without waiting, e.g. to press Ctrl+C (<see cref="HarnessRun.Stop"/>).</summary>
    public HarnessRun Start(string script, params object?[] arguments)
    {
        var ps = Create(script, arguments);
        return new HarnessRun(ps, ps.BeginInvoke(), (p, wait) => Collect(p, wait));
    }

    public void Dispose() => runspace.Dispose();

    private PowerShell Create(string script, object?[] arguments)
    {
        var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript(script);
        foreach (var argument in arguments)
        {
            ps.AddArgument(argument);
        }

        return ps;
    }

    private HarnessResult Collect(PowerShell ps, Func<IEnumerable<PSObject>> run)
    {
        IReadOnlyList<PSObject> output = Array.Empty<PSObject>();
        RuntimeException? terminating = null;
        try
        {
            output = run().ToList();
        }
        catch (RuntimeException e)
        {
            terminating = e;
        }

        var (lines, prompts) = Host.UI.TakeRecorded();
        return new HarnessResult(output, ps.Streams, terminating, lines, prompts);
    }
}

/// <summary>A script started with <see cref="PowerShellHarness.Start"/>.</summary>
public sealed class HarnessRun : IDisposable
{
    private readonly PowerShell ps;
    private readonly IAsyncResult pending;
    private readonly Func<PowerShell, Func<IEnumerable<PSObject>>, HarnessResult> collect;

    internal HarnessRun(PowerShell ps, IAsyncResult pending, Func<PowerShell, Func<IEnumerable<PSObject>>, HarnessResult> collect)
    {
        this.ps = ps;
        this.pending = pending;
        this.collect = collect;
    }

    /// <summary>What Ctrl+C does: stops the pipeline and waits until it has stopped.</summary>
    public HarnessResult Stop()
    {
        ps.Stop();
        return Wait();
    }

    /// <summary>Waits for the script to finish by itself.</summary>
    public HarnessResult Wait() => collect(ps, () => ps.EndInvoke(pending));

    public void Dispose() => ps.Dispose();
}

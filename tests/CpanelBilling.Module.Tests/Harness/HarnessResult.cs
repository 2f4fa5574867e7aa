using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace CpanelBilling.Module.Tests.Harness;

/// <summary>Everything one script run produced, stream by stream.</summary>
public sealed class HarnessResult
{
    internal HarnessResult(
        IReadOnlyList<PSObject> output,
        PSDataStreams streams,
        RuntimeException? terminating,
        IReadOnlyList<string> hostLines,
        IReadOnlyList<ConfirmPrompt> prompts)
    {
        Output = output;
        Errors = streams.Error.ToList();
        Warnings = streams.Warning.Select(w => w.Message).ToList();
        Verbose = streams.Verbose.Select(v => v.Message).ToList();
        Progress = streams.Progress.ToList();
        Information = streams.Information.ToList();
        TerminatingError = terminating?.ErrorRecord;
        Stopped = terminating is PipelineStoppedException;
        HostLines = hostLines;
        Prompts = prompts;
    }

    /// <summary>Objects written to the output (success) stream, as PowerShell wraps them.</summary>
    public IReadOnlyList<PSObject> Output { get; }

    /// <summary>Non-terminating errors (WriteError), in order.</summary>
    public IReadOnlyList<ErrorRecord> Errors { get; }

    /// <summary>
    /// The error that ended the whole script, if any: <c>throw</c>, <c>-ErrorAction Stop</c>, a stopped pipeline.
    /// A cmdlet's ThrowTerminatingError ends only its own statement (PowerShell's rule); it shows up in
    /// <see cref="Errors"/>, and the statement's remaining input is never processed.
    /// </summary>
    public ErrorRecord? TerminatingError { get; }

    /// <summary>True when the pipeline was stopped (Ctrl+C, <see cref="HarnessRun.Stop"/>).</summary>
    public bool Stopped { get; }

    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Verbose messages (only when the script asks for them, e.g. with -Verbose).</summary>
    public IReadOnlyList<string> Verbose { get; }

    public IReadOnlyList<ProgressRecord> Progress { get; }

    public IReadOnlyList<InformationRecord> Information { get; }

    /// <summary>Everything written to the host (the console a person would see), line by line.</summary>
    public IReadOnlyList<string> HostLines { get; }

    /// <summary>The "What if: ..." lines that -WhatIf produced.</summary>
    public IReadOnlyList<string> WhatIf => HostLines.Where(l => l.StartsWith("What if:", StringComparison.Ordinal)).ToList();

    /// <summary>The Confirm prompts shown, with the answer the test scripted for each.</summary>
    public IReadOnlyList<ConfirmPrompt> Prompts { get; }

    /// <summary>The output objects' base objects of type <typeparamref name="T"/>.</summary>
    public IReadOnlyList<T> OutputOf<T>() => Output.Select(o => o.BaseObject).OfType<T>().ToList();

    /// <summary>Fails with every error's id and message when the run wrote or threw any error.</summary>
    public HarnessResult AssertSuccess()
    {
        var all = Errors.Concat(TerminatingError is null ? Array.Empty<ErrorRecord>() : new[] { TerminatingError }).ToList();
        if (all.Count > 0)
        {
            throw new Xunit.Sdk.XunitException("The script failed:\n" + string.Join("\n", all.Select(Describe)));
        }

        return this;
    }

    public static string Describe(ErrorRecord error) =>
        $"{error.FullyQualifiedErrorId} [{error.CategoryInfo.Category}] target={error.TargetObject ?? "(none)"}: {error.Exception?.Message}";
}

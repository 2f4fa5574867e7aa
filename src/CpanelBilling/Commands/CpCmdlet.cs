using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Errors;
using CpanelBilling.Infrastructure;

namespace CpanelBilling.Commands;

/// <summary>
/// Base of every CpanelBilling cmdlet: cancellation (Ctrl+C), the bridge to the async core, error records with
/// stable ids, a ShouldProcess helper that honours -Force without ever overriding -WhatIf, throttled progress and
/// concurrent work that hands results back to the pipeline thread.
/// </summary>
public abstract class CpCmdlet : PSCmdlet, IDisposable
{
    // Made with the cmdlet instance (PowerShell creates one per pipeline run), i.e. before BeginProcessing, so a
    // derived BeginProcessing cannot forget it and StopProcessing can never find it missing.
    private readonly CancellationTokenSource stopping = new();
    private readonly ProgressThrottle progress = new(ProgressThrottle.DefaultInterval);

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline is stopped; pass it to every core call.</summary>
    protected CancellationToken CancellationToken => stopping.Token;

    protected override void StopProcessing() => stopping.Cancel();

    /// <summary>Runs an async core call to completion on the pipeline thread (the core never captures a context).</summary>
    protected T Await<T>(Func<CancellationToken, Task<T>> call)
    {
        try
        {
            return call(CancellationToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <inheritdoc cref="Await{T}"/>
    protected void Await(Func<CancellationToken, Task> call) => Await(async token =>
    {
        await call(token).ConfigureAwait(false);
        return true;
    });

    /// <summary>Reports one failed item and lets the pipeline go on (non-terminating).</summary>
    protected void WriteError(Exception exception, object? target) => WriteError(ErrorRecordFactory.FromException(exception, target));

    /// <inheritdoc cref="WriteError(Exception, object)"/>
    protected void WriteError(string errorId, ErrorCategory category, object? target, string message) =>
        WriteError(ErrorRecordFactory.Create(errorId, category, target, message));

    /// <summary>Stops the whole command with an error (the command as a whole cannot go on).</summary>
    protected void ThrowTerminatingError(Exception exception, object? target) =>
        ThrowTerminatingError(ErrorRecordFactory.FromException(exception, target));

    /// <inheritdoc cref="ThrowTerminatingError(Exception, object)"/>
    protected void ThrowTerminatingError(string errorId, ErrorCategory category, object? target, string message) =>
        ThrowTerminatingError(ErrorRecordFactory.Create(errorId, category, target, message));

    /// <summary>
    /// Asks whether to change <paramref name="target"/>. -WhatIf always wins: it only reports, even with -Force.
    /// An explicit -Confirm always prompts. Otherwise <paramref name="force"/> skips the prompt that ConfirmImpact
    /// would raise, so runbooks can pass -Force instead of -Confirm:$false.
    /// </summary>
    protected bool ShouldChange(string target, string action, bool force = false)
    {
        if (IsWhatIf() || IsExplicitConfirm() || !force)
        {
            return ShouldProcess(target, action);
        }

        return true;
    }

    /// <summary>Writes progress at most every 250 ms; a record that completes an activity always goes through.</summary>
    protected void WriteThrottledProgress(ProgressRecord record)
    {
        if (progress.ShouldWrite(record))
        {
            WriteProgress(record);
        }
    }

    /// <summary>A queue for concurrent work on pipeline items; see <see cref="PipelineWorkQueue"/>.</summary>
    internal PipelineWorkQueue CreateWorkQueue(int throttleLimit) => new(throttleLimit, CancellationToken);

    public void Dispose()
    {
        // PowerShell disposes a command that ends early without calling StopProcessing (-ErrorAction Stop, a
        // terminating error further down the pipeline, Select-Object -First): work it started and nobody will hear
        // from must stop too, not go on sending calls to the server. After a normal end there is nothing left to cancel.
        stopping.Cancel();
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            stopping.Dispose();
        }
    }

    /// <summary>True when -WhatIf (or $WhatIfPreference) is in effect: report, change nothing.</summary>
    protected bool IsWhatIf() => SwitchValue("WhatIf", "WhatIfPreference");

    private bool IsExplicitConfirm() =>
        MyInvocation.BoundParameters.TryGetValue("Confirm", out var value) && LanguagePrimitives.IsTrue(value);

    // A bound switch wins over the session's preference variable, as it does for PowerShell itself.
    private bool SwitchValue(string parameter, string preferenceVariable) =>
        MyInvocation.BoundParameters.TryGetValue(parameter, out var value)
            ? LanguagePrimitives.IsTrue(value)
            : LanguagePrimitives.IsTrue(GetVariableValue(preferenceVariable));
}

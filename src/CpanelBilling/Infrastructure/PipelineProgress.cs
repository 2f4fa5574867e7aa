using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace CpanelBilling.Infrastructure;

/// <summary>
/// Progress of one running operation, handed to the pipeline thread: the operation's workers only queue their
/// reports (never calling into PowerShell, never blocking), and the pipeline thread, while it waits for the operation,
/// runs each report in the order made. Use one per operation call; one pipeline thread owns it.
/// </summary>
internal sealed class PipelineProgress<T> : IProgress<T>, IDisposable
{
    private readonly BlockingCollection<T> reports = new();

    /// <summary>Called by the operation, on any thread.</summary>
    public void Report(T value)
    {
        try
        {
            reports.Add(value);
        }
        catch (InvalidOperationException)
        {
            // The pipeline stopped waiting (stopped or failed): nobody will show this report.
        }
    }

    /// <summary>
    /// Runs <paramref name="onReport"/> on this thread for every report until <paramref name="work"/> ends, then
    /// returns it (ended: its result or exception is the caller's). Throws OperationCanceledException when
    /// <paramref name="cancellation"/> is cancelled first.
    /// </summary>
    public Task<TResult> HandBackUntilDone<TResult>(Task<TResult> work, Action<T> onReport, CancellationToken cancellation)
    {
        // Every report is queued before the work ends, so marking the queue complete then loses none.
        work.ContinueWith(_ => reports.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        foreach (T report in reports.GetConsumingEnumerable(cancellation))
        {
            onReport(report);
        }

        return work;
    }

    /// <summary>Ends the queue; reports made afterwards are dropped instead of failing the operation.</summary>
    public void Dispose() => reports.CompleteAdding();
}

using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace CpanelBilling.Infrastructure;

/// <summary>
/// Runs pipeline items concurrently while keeping every Write*, ShouldProcess and WriteProgress call on the
/// pipeline thread, where PowerShell requires them. Workers only compute; each finished item queues a
/// continuation that the pipeline thread runs when it next calls <see cref="Start{T}"/>, <see cref="HandBackFinished"/>
/// or <see cref="Drain"/>. Use: <c>HandBackFinished</c> at the start of ProcessRecord (an item that fails before
/// <c>Start</c> still lets earlier results out), <c>Start</c> in ProcessRecord (it hands back what has finished, then
/// blocks only while <c>throttleLimit</c> items are in flight), <c>Drain</c> in EndProcessing. Not thread-safe by
/// design: one pipeline thread owns it.
/// </summary>
internal sealed class PipelineWorkQueue : IDisposable
{
    // How long a stopped pipeline waits for its cancelled workers to end; only a worker that ignores cancellation
    // is left behind, so Ctrl+C can never hang on one.
    private static readonly TimeSpan CancelledWorkersWait = TimeSpan.FromSeconds(10);

    private readonly BlockingCollection<Action> finished = new();
    private readonly int throttleLimit;
    private readonly CancellationToken cancellation;
    private int inFlight;

    public PipelineWorkQueue(int throttleLimit, CancellationToken cancellation)
    {
        if (throttleLimit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(throttleLimit), throttleLimit, "The throttle limit must be at least 1.");
        }

        this.throttleLimit = throttleLimit;
        this.cancellation = cancellation;
    }

    /// <summary>Items started and not yet handed back to the pipeline thread.</summary>
    public int InFlight => inFlight;

    /// <summary>
    /// Starts <paramref name="work"/> on the thread pool, after handing back the items already finished.
    /// <paramref name="onSuccess"/> or <paramref name="onFailure"/> later runs on the pipeline thread. Throws
    /// PipelineStoppedException when the pipeline is stopped.
    /// </summary>
    public void Start<T>(Func<CancellationToken, Task<T>> work, Action<T> onSuccess, Action<Exception> onFailure)
    {
        HandBackFinished();
        while (inFlight >= throttleLimit)
        {
            RunNext();
        }

        inFlight++;
        _ = Task.Run(async () =>
        {
            Action continuation;
            try
            {
                var result = await work(cancellation).ConfigureAwait(false);
                continuation = () => onSuccess(result);
            }
            catch (Exception e)
            {
                continuation = () => onFailure(e);
            }

            try
            {
                finished.Add(continuation);
            }
            catch (InvalidOperationException)
            {
                // The pipeline already ended (stopped or disposed): nobody will hand this result back.
            }
        });
    }

    /// <summary>Hands back every item already finished, without waiting for the others.</summary>
    public void HandBackFinished()
    {
        while (finished.TryTake(out var continuation))
        {
            Complete(continuation);
        }
    }

    /// <summary>Waits for every started item and hands each back as it finishes.</summary>
    public void Drain()
    {
        while (inFlight > 0)
        {
            RunNext();
        }
    }

    /// <summary>
    /// Ends the queue. After a stop (Ctrl+C, or the command ended early and was cancelled) it first lets the
    /// cancelled workers end, within a bound; workers still running afterwards drop their results instead of failing.
    /// </summary>
    public void Dispose()
    {
        if (cancellation.IsCancellationRequested)
        {
            AwaitCancelledWorkers();
        }

        finished.CompleteAdding();
    }

    private void RunNext()
    {
        Action continuation;
        try
        {
            continuation = finished.Take(cancellation);
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }

        Complete(continuation);
    }

    /// <summary>
    /// Lets the cancelled workers end before PowerShell reports the pipeline stopped: they release account leases
    /// and record journal outcomes on their way out, and a prompt (or a runbook's next command, or the process's
    /// exit) that came back before that would find leases still held. Their results are dropped, not written.
    /// </summary>
    private void AwaitCancelledWorkers()
    {
        DateTime giveUpAt = DateTime.UtcNow + CancelledWorkersWait;
        while (inFlight > 0)
        {
            TimeSpan left = giveUpAt - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !finished.TryTake(out _, left))
            {
                return;
            }

            inFlight--;
        }
    }

    private void Complete(Action continuation)
    {
        inFlight--;
        continuation();
    }
}

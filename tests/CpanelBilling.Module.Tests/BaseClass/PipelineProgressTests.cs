using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Infrastructure;
using Xunit;

namespace CpanelBilling.Module.Tests.BaseClass;

/// <summary>Progress made on workers reaches the waiting (pipeline) thread, in order, and never outlives the wait.</summary>
public sealed class PipelineProgressTests
{
    [Fact]
    public async Task Reports_made_on_workers_are_handed_to_the_waiting_thread_in_order_and_the_result_comes_back()
    {
        using var progress = new PipelineProgress<int>();
        int waiting = Environment.CurrentManagedThreadId;
        var handed = new List<(int Report, int Thread)>();

        Task<string> work = Task.Run(async () =>
        {
            for (int i = 1; i <= 50; i++)
            {
                ((IProgress<int>)progress).Report(i);
                await Task.Yield();
            }

            return "done";
        });
        Task<string> ended = progress.HandBackUntilDone(work, report => handed.Add((report, Environment.CurrentManagedThreadId)), CancellationToken.None);

        Assert.True(ended.IsCompleted); // the wait is over when the call returns
        string result = await ended;

        Assert.Equal("done", result);
        Assert.Equal(50, handed.Count);
        for (int i = 0; i < handed.Count; i++)
        {
            Assert.Equal((i + 1, waiting), handed[i]);
        }
    }

    [Fact]
    public async Task A_failed_operation_ends_the_wait_with_its_own_exception()
    {
        using var progress = new PipelineProgress<int>();
        var handed = new List<int>();

        Func<int> failing = () =>
        {
            progress.Report(7);
            throw new InvalidOperationException("billing is down");
        };

        Task<int> ended = progress.HandBackUntilDone(Task.Run(failing), handed.Add, CancellationToken.None);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ended);
        Assert.Equal("billing is down", error.Message);
        Assert.Equal(new[] { 7 }, handed);
    }

    [Fact]
    public void A_stopped_pipeline_stops_waiting_and_later_reports_are_dropped()
    {
        var progress = new PipelineProgress<int>();
        var never = new TaskCompletionSource<int>();
        using var stopping = new CancellationTokenSource();
        stopping.Cancel();

        // The wait itself throws (it returns no task to await): the pipeline thread is free at once.
        Exception? stopped = Record.Exception(() => { progress.HandBackUntilDone(never.Task, _ => { }, stopping.Token); });
        Assert.IsAssignableFrom<OperationCanceledException>(stopped);
        progress.Dispose();
        progress.Report(1); // a worker still running after the stop must not fail on its report
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Commands;
using CpanelBilling.Completers;
using CpanelBilling.Core;

namespace CpanelBilling.Module.Tests.BaseClass;

// Test-only cmdlets built on CpCmdlet, so the base class is exercised by the real engine before any real cmdlet
// exists. They live in the test assembly: the module's contract tests never see them.

/// <summary>Awaits a core-like call that takes -Milliseconds unless cancelled first.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "CpTestAwait")]
[OutputType(typeof(string))]
public sealed class InvokeCpTestAwaitCommand : CpCmdlet
{
    [Parameter]
    public int Milliseconds { get; set; }

    /// <summary>Released once the call is under way.</summary>
    [Parameter]
    public SemaphoreSlim? Started { get; set; }

    protected override void ProcessRecord()
    {
        var result = Await(async token =>
        {
            Started?.Release();
            await Task.Delay(Milliseconds, token).ConfigureAwait(false);
            return "finished";
        });
        WriteObject(result);
    }
}

/// <summary>A state-changing, high-impact cmdlet: writes the names it was allowed to change.</summary>
[Cmdlet(VerbsCommon.Remove, "CpTestItem", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(string))]
public sealed class RemoveCpTestItemCommand : CpCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public string[] Name { get; set; } = Array.Empty<string>();

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var name in Name)
        {
            if (ShouldChange(name, "Remove test item", Force))
            {
                WriteObject(name);
            }
        }
    }
}

public sealed class TestCoreException : CpanelBillingException
{
    public TestCoreException(FailureKind kind, string target)
        : base("TestCoreFailure", kind, $"The test operation on '{target}' failed ({kind}).", target)
    {
    }
}

/// <summary>Raises a core error (or an unexpected one) as a non-terminating or terminating error.</summary>
[Cmdlet(VerbsCommunications.Write, "CpTestError")]
[OutputType(typeof(string))]
public sealed class WriteCpTestErrorCommand : CpCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public string Target { get; set; } = string.Empty;

    [Parameter]
    public FailureKind Kind { get; set; } = FailureKind.NotFound;

    [Parameter]
    public SwitchParameter Unexpected { get; set; }

    [Parameter]
    public SwitchParameter Terminating { get; set; }

    protected override void ProcessRecord()
    {
        Exception failure = Unexpected ? new InvalidOperationException("boom") : new TestCoreException(Kind, Target);
        if (Terminating)
        {
            ThrowTerminatingError(failure, null);
        }

        WriteError(failure, null);
        WriteObject("after " + Target);
    }
}

/// <summary>Reports progress for -Count items in a tight loop, then completes the activity.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "CpTestProgress")]
[OutputType(typeof(int))]
public sealed class InvokeCpTestProgressCommand : CpCmdlet
{
    [Parameter(Mandatory = true)]
    public int Count { get; set; }

    protected override void ProcessRecord()
    {
        for (var i = 1; i <= Count; i++)
        {
            WriteThrottledProgress(new ProgressRecord(1, "Testing", $"Item {i}") { PercentComplete = i * 99 / Count });
        }

        WriteThrottledProgress(new ProgressRecord(1, "Testing", "Done") { RecordType = ProgressRecordType.Completed });
        WriteObject(Count);
    }
}

/// <summary>
/// Doubles piped numbers on worker threads. Every worker waits until -Rendezvous workers are running at once (so a
/// run that is not really concurrent fails instead of passing). Results and errors must arrive on the pipeline thread.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "CpTestWorkers")]
[OutputType(typeof(int))]
public sealed class InvokeCpTestWorkersCommand : CpCmdlet
{
    private Infrastructure.PipelineWorkQueue? queue;
    private int pipelineThread;
    private int running;
    private int arrived;
    private CountdownEvent? rendezvous;

    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public int Number { get; set; }

    [Parameter]
    public int ThrottleLimit { get; set; } = 2;

    [Parameter]
    public int Rendezvous { get; set; } = 1;

    public static int MaxRunning;

    protected override void BeginProcessing()
    {
        pipelineThread = Environment.CurrentManagedThreadId;
        queue = CreateWorkQueue(ThrottleLimit);
        rendezvous = new CountdownEvent(Rendezvous);
        MaxRunning = 0;
    }

    protected override void ProcessRecord()
    {
        var number = Number;
        queue!.Start(
            async token =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(now);
                if (Interlocked.Increment(ref arrived) <= Rendezvous)
                {
                    rendezvous!.Signal();
                }

                if (!rendezvous!.Wait(TimeSpan.FromSeconds(10), token))
                {
                    throw new TimeoutException("The workers never ran at the same time.");
                }

                await Task.Yield();
                Interlocked.Decrement(ref running);
                return number < 0 ? throw new ArgumentException($"negative: {number}") : number * 2;
            },
            doubled => { AssertPipelineThread(); WriteObject(doubled); },
            failure => { AssertPipelineThread(); WriteError(failure, number); });
        queue.HandBackFinished();
    }

    protected override void EndProcessing() => queue!.Drain();

    protected override void Dispose(bool disposing)
    {
        queue?.Dispose();
        rendezvous?.Dispose();
        base.Dispose(disposing);
    }

    private void AssertPipelineThread()
    {
        if (Environment.CurrentManagedThreadId != pipelineThread)
        {
            throw new InvalidOperationException("A continuation ran off the pipeline thread.");
        }
    }

    private static void InterlockedMax(int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref MaxRunning)) && Interlocked.CompareExchange(ref MaxRunning, value, seen) != seen)
        {
        }
    }
}

/// <summary>
/// Negative numbers fail at once; every other item waits until its work is cancelled and then counts itself in
/// <see cref="Cancelled"/>: work that is never cancelled would go on after the command ended.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "CpTestAbandonedWork")]
[OutputType(typeof(int))]
public sealed class InvokeCpTestAbandonedWorkCommand : CpCmdlet
{
    private Infrastructure.PipelineWorkQueue? queue;

    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public int Number { get; set; }

    public static int Started;

    public static int Cancelled;

    protected override void BeginProcessing()
    {
        Started = 0;
        Cancelled = 0;
        queue = CreateWorkQueue(4);
    }

    protected override void ProcessRecord()
    {
        var number = Number;
        queue!.Start(
            async token =>
            {
                if (number < 0)
                {
                    throw new ArgumentException($"negative: {number}");
                }

                Interlocked.Increment(ref Started);
                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                }
                finally
                {
                    Interlocked.Increment(ref Cancelled);
                }

                return number;
            },
            value => WriteObject(value),
            failure => WriteError(failure, number));
        queue.HandBackFinished();
    }

    protected override void EndProcessing() => queue!.Drain();

    protected override void Dispose(bool disposing)
    {
        queue?.Dispose();
        base.Dispose(disposing);
    }
}

public sealed class TestNameCompleter : NameCompleter
{
    protected override IEnumerable<string> GetNames(string commandName, string parameterName, IDictionary fakeBoundParameters)
    {
        var server = fakeBoundParameters["Server"] as string;
        return server == "web02"
            ? new[] { "zeta" }
            : new[] { "web01", "Web02", "mail", "web01", "my server", "o'brien" };
    }
}

/// <summary>Has completers on -Name, narrowed by -Server.</summary>
[Cmdlet(VerbsCommon.Get, "CpTestName")]
[OutputType(typeof(string))]
public sealed class GetCpTestNameCommand : CpCmdlet
{
    [Parameter(Position = 0)]
    [ArgumentCompleter(typeof(TestNameCompleter))]
    public string? Name { get; set; }

    [Parameter]
    public string? Server { get; set; }

    protected override void ProcessRecord() => WriteObject(Name);
}

public sealed class TestAccount
{
    public TestAccount(string userName, string server)
    {
        UserName = userName;
        Server = server;
    }

    public string UserName { get; }

    public string Server { get; }
}

/// <summary>Writes accounts, as Get-CpAccount will.</summary>
[Cmdlet(VerbsCommon.Get, "CpTestAccount")]
[OutputType(typeof(TestAccount))]
public sealed class GetCpTestAccountCommand : CpCmdlet
{
    protected override void ProcessRecord()
    {
        WriteObject(new TestAccount("alice", "web01"));
        WriteObject(new TestAccount("bob", "web02"));
    }
}

/// <summary>Binds -UserName and -Server by property name from piped accounts, as Suspend-CpAccount will.</summary>
[Cmdlet(VerbsLifecycle.Suspend, "CpTestAccount", SupportsShouldProcess = true)]
[OutputType(typeof(string))]
public sealed class SuspendCpTestAccountCommand : CpCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public string UserName { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public string Server { get; set; } = string.Empty;

    protected override void ProcessRecord()
    {
        if (ShouldChange($"{UserName} on {Server}", "Suspend account"))
        {
            WriteObject($"suspended {UserName}@{Server}");
        }
    }
}

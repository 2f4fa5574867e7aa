using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Operations.Tests.Hardening;

/// <summary>
/// A billing repository that passes every call to the real one and notes each call that may write (anything but
/// Get/Find/List and properties) and did not fail, so a test can tell, case by case, that an operation changed
/// nothing in billing. A refused write (AlreadyExists, Conflict) changed nothing and is not noted. Recording
/// bandwidth is noted only when it recorded a row: the statement joins on the server's accounts, so a reading of
/// accounts billing does not have writes nothing.
/// </summary>
public class WriteWatchingBilling : DispatchProxy
{
    private static readonly string[] ReadPrefixes = { "Get", "Find", "List" };

    private readonly ConcurrentQueue<(string Method, Task Call)> calls = new();
    private IBillingRepository inner = null!;

    public static (IBillingRepository Billing, WriteWatchingBilling Watch) Wrap(IBillingRepository inner)
    {
        IBillingRepository proxy = Create<IBillingRepository, WriteWatchingBilling>();
        var watch = (WriteWatchingBilling)(object)proxy;
        watch.inner = inner;
        return (proxy, watch);
    }

    /// <summary>The writes made since the last <see cref="Take"/> (a call still running counts), and forgets them.</summary>
    public IReadOnlyList<string> Take()
    {
        var writes = new List<string>();
        while (calls.TryDequeue(out (string Method, Task Call) call))
        {
            if (!call.Call.IsCompleted)
            {
                writes.Add(call.Method + " (still running)");
            }
            else if (call.Call.Status == TaskStatus.RanToCompletion && (call.Call is not Task<int> rows || call.Method != nameof(IBillingRepository.RecordBandwidthAsync) || rows.Result > 0))
            {
                writes.Add(call.Method);
            }
        }

        return writes;
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        object? result;
        try
        {
            result = method!.Invoke(inner, args);
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(wrapped.InnerException).Throw();
            throw;
        }

        if (!method.IsSpecialName && !ReadPrefixes.Any(p => method.Name.StartsWith(p, StringComparison.Ordinal)))
        {
            calls.Enqueue((method.Name, result as Task ?? Task.CompletedTask));
        }

        return result;
    }
}

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
/// Get/Find/List and properties), so a test can tell, call by call, that an operation changed nothing in billing. Recording
/// bandwidth counts as a write only when it recorded a row: the statement joins on the server's accounts, so a
/// reading of accounts billing does not have writes nothing.
/// </summary>
public class WriteWatchingBilling : DispatchProxy
{
    private static readonly string[] ReadPrefixes = { "Get", "Find", "List" };

    private readonly ConcurrentQueue<string> writes = new();
    private IBillingRepository inner = null!;

    public static (IBillingRepository Billing, WriteWatchingBilling Watch) Wrap(IBillingRepository inner)
    {
        IBillingRepository proxy = Create<IBillingRepository, WriteWatchingBilling>();
        var watch = (WriteWatchingBilling)(object)proxy;
        watch.inner = inner;
        return (proxy, watch);
    }

    /// <summary>The write calls made since the last <see cref="Take"/>, and forgets them.</summary>
    public IReadOnlyList<string> Take()
    {
        var taken = new List<string>();
        while (writes.TryDequeue(out string? write))
        {
            taken.Add(write);
        }

        return taken;
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

        if (method.IsSpecialName || ReadPrefixes.Any(p => method.Name.StartsWith(p, StringComparison.Ordinal)))
        {
            return result;
        }

        if (method.Name == nameof(IBillingRepository.RecordBandwidthAsync))
        {
            return NoteRecordedRowsAsync((Task<int>)result!);
        }

        writes.Enqueue(method.Name);
        return result;
    }

    private async Task<int> NoteRecordedRowsAsync(Task<int> recording)
    {
        int rows = await recording.ConfigureAwait(false);
        if (rows > 0)
        {
            writes.Enqueue($"{nameof(IBillingRepository.RecordBandwidthAsync)} ({rows} rows)");
        }

        return rows;
    }
}

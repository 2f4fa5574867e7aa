using System;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Operations.Tests.FaultMatrix;

/// <summary>How the billing database lets an operation down at the write that follows the server's answer.</summary>
public enum BillingFailure
{
    /// <summary>The write fails as a broken database does (locked, gone); nothing is written.</summary>
    WriteFails,

    /// <summary>The process stops (Ctrl+C, shutdown) right before the write; nothing is written.</summary>
    ProcessStops,

    /// <summary>The write commits, then its answer is lost (the connection drops); the operation sees a failure.</summary>
    AnswerLost,
}

/// <summary>
/// The real repository, except for one write: the first write of account or bandwidth data after the journal
/// records the intent of <c>trigger</c> (the operation's server call), or the first bandwidth recording when there is
/// no trigger. That is the gap between the server's success and billing's update the journal must close.
/// </summary>
public class FaultyBilling : DispatchProxy
{
    private static readonly HashSet<string> DataWrites = new(StringComparer.Ordinal)
    {
        nameof(IBillingRepository.OpenAccountAsync),
        nameof(IBillingRepository.SetAccountStatusAsync),
        nameof(IBillingRepository.ChangeAccountPlanAsync),
        nameof(IBillingRepository.SetAccountLimitsAsync),
        nameof(IBillingRepository.AssignDedicatedIpAsync),
        nameof(IBillingRepository.RecordAccountIpAsync),
        nameof(IBillingRepository.ReleaseAccountIpsAsync),
        nameof(IBillingRepository.RecordBandwidthAsync),
    };

    private static readonly MethodInfo FailAfterMethod = typeof(FaultyBilling).GetMethod(nameof(FailAfterAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private IBillingRepository inner = null!;
    private string? trigger;
    private BillingFailure failure;
    private int armed;
    private int fired;

    /// <summary>Whether the failure happened (an operation that failed before its server call never reaches it).</summary>
    public bool Fired => fired == 1;

    public static (IBillingRepository Billing, FaultyBilling Control) Wrap(IBillingRepository inner, string? trigger, BillingFailure failure)
    {
        IBillingRepository proxy = Create<IBillingRepository, FaultyBilling>();
        var control = (FaultyBilling)(object)proxy;
        control.inner = inner;
        control.trigger = trigger;
        control.failure = failure;
        control.armed = trigger == null ? 1 : 0;
        return (proxy, control);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        MethodInfo method = targetMethod!;
        if (method.Name == nameof(IBillingRepository.BeginOperationAsync) && args![0] is OperationIntent intent && intent.Function == trigger)
        {
            Interlocked.Exchange(ref armed, 1);
        }
        else if (DataWrites.Contains(method.Name) && (trigger != null || method.Name == nameof(IBillingRepository.RecordBandwidthAsync))
            && Volatile.Read(ref armed) == 1 && Interlocked.CompareExchange(ref fired, 1, 0) == 0)
        {
            switch (failure)
            {
                case BillingFailure.WriteFails:
                    throw new BillingDatabaseException("The SQLite database failed: disk I/O error.");
                case BillingFailure.ProcessStops:
                    throw new OperationCanceledException("The process stopped between the server's answer and billing's write.");
                default:
                    object task = Forward(method, args);
                    return FailAfterMethod.MakeGenericMethod(method.ReturnType.GetGenericArguments()[0])
                        .Invoke(null, new[] { task, new BillingDatabaseException("The connection to the database dropped before the commit was confirmed.") });
            }
        }

        return Forward(method, args);
    }

    private static async Task<T> FailAfterAsync<T>(Task<T> write, Exception failure)
    {
        await write.ConfigureAwait(false);
        throw failure;
    }

    private object Forward(MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(inner, args)!;
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException != null)
        {
            ExceptionDispatchInfo.Capture(wrapped.InnerException).Throw();
            throw;
        }
    }
}

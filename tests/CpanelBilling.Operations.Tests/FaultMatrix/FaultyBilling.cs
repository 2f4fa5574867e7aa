using System;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using Microsoft.Data.Sqlite;

namespace CpanelBilling.Operations.Tests.FaultMatrix;

/// <summary>How the billing database lets an operation down at the write that follows the server's answer.</summary>
public enum BillingFailure
{
    /// <summary>Another writer holds the database's write lock past the timeout: SQLite's "database is locked"; nothing is written.</summary>
    DatabaseLocked,

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
    private static readonly MethodInfo ReleaseAfterMethod = typeof(FaultyBilling).GetMethod(nameof(ReleaseAfterAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private IBillingRepository inner = null!;
    private string databasePath = "";
    private string? trigger;
    private BillingFailure failure;
    private int armed;
    private int fired;

    /// <summary>Whether the failure happened (an operation that failed before its server call never reaches it).</summary>
    public bool Fired => fired == 1;

    /// <param name="inner">The repository; for <see cref="BillingFailure.DatabaseLocked"/>, opened with a short lock timeout.</param>
    /// <param name="databasePath">The SQLite file, for the competing writer of <see cref="BillingFailure.DatabaseLocked"/>.</param>
    public static (IBillingRepository Billing, FaultyBilling Control) Wrap(IBillingRepository inner, string databasePath, string? trigger, BillingFailure failure)
    {
        IBillingRepository proxy = Create<IBillingRepository, FaultyBilling>();
        var control = (FaultyBilling)(object)proxy;
        control.inner = inner;
        control.databasePath = databasePath;
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
            Type result = method.ReturnType.GetGenericArguments()[0];
            switch (failure)
            {
                case BillingFailure.DatabaseLocked:
                    SqliteConnection writer = HoldWriteLock();
                    return ReleaseAfterMethod.MakeGenericMethod(result).Invoke(null, new[] { Forward(method, args), writer });
                case BillingFailure.ProcessStops:
                    throw new OperationCanceledException("The process stopped between the server's answer and billing's write.");
                default:
                    return FailAfterMethod.MakeGenericMethod(result)
                        .Invoke(null, new[] { Forward(method, args), new BillingDatabaseException("The connection to the database dropped before the commit was confirmed.") });
            }
        }

        return Forward(method, args);
    }

    private static async Task<T> ReleaseAfterAsync<T>(Task<T> write, SqliteConnection writer)
    {
        try
        {
            return await write.ConfigureAwait(false);
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>A second connection that takes the write lock (as another runbook's long write would) and keeps it.</summary>
    private SqliteConnection HoldWriteLock()
    {
        var writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        writer.Open();
        using SqliteCommand begin = writer.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        begin.ExecuteNonQuery();
        return writer;
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

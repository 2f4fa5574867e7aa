using System;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Operations.Tests.Accounts;

/// <summary>
/// A billing repository that forwards to a real one, except that the next call of a chosen method first runs a
/// test's action (to fail like a broken database, or to change the row the way another writer would).
/// </summary>
public class InterceptedBilling : DispatchProxy
{
    private readonly ConcurrentDictionary<string, Action<object?[]?>> once = new(StringComparer.Ordinal);
    private IBillingRepository inner = null!;

    public static (IBillingRepository Billing, InterceptedBilling Control) Wrap(IBillingRepository inner)
    {
        IBillingRepository proxy = Create<IBillingRepository, InterceptedBilling>();
        var control = (InterceptedBilling)(object)proxy;
        control.inner = inner;
        return (proxy, control);
    }

    /// <summary>Before the next call of <paramref name="method"/>, runs <paramref name="action"/> with its arguments; an exception it throws is the call's.</summary>
    public void BeforeNext(string method, Action<object?[]?> action) => once[method] = action;

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod != null && once.TryRemove(targetMethod.Name, out Action<object?[]?>? action))
        {
            action(args);
        }

        try
        {
            return targetMethod!.Invoke(inner, args);
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException != null)
        {
            ExceptionDispatchInfo.Capture(wrapped.InnerException).Throw();
            throw;
        }
    }
}

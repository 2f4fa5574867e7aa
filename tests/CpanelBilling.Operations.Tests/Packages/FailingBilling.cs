using System.Reflection;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Operations.Tests.Packages;

/// <summary>The real repository, except that one method fails as a database does (locked, gone) when it is called.</summary>
public class FailingBilling : DispatchProxy
{
    private IBillingRepository inner = null!;
    private string failingMethod = "";

    public static IBillingRepository Wrap(IBillingRepository inner, string failingMethod)
    {
        IBillingRepository proxy = Create<IBillingRepository, FailingBilling>();
        var self = (FailingBilling)(object)proxy;
        self.inner = inner;
        self.failingMethod = failingMethod;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod!.Name == failingMethod)
        {
            throw new BillingDatabaseException("The SQLite database failed: database is locked.");
        }

        try
        {
            return targetMethod.Invoke(inner, args);
        }
        catch (TargetInvocationException failure) when (failure.InnerException is not null)
        {
            throw failure.InnerException;
        }
    }
}

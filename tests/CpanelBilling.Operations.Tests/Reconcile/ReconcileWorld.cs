using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Operations.Reconcile;
using CpanelBilling.Operations.Tests.Accounts;
using CpanelBilling.Testing.Operations;
using Xunit;
using BillingLimits = CpanelBilling.Core.Billing.AccountLimits;

namespace CpanelBilling.Operations.Tests.Reconcile;

/// <summary>What the Compare and Repair tests do again and again, on top of an <see cref="OperationsWorld"/>.</summary>
internal static class ReconcileWorld
{
    public static ReconcileOperations Reconcile(this OperationsWorld world) => new(world.Context);

    public static ReconcileScope Scope(this OperationsWorld world) => new ReconcileScope().AddServer(world.Server.Name);

    public static Task<AccountComparison> CompareAsync(this OperationsWorld world) => world.Reconcile().CompareAsync(world.Scope());

    public static Task<RepairReport> RepairAsync(this OperationsWorld world, RepairOptions? options = null) =>
        world.Reconcile().RepairAsync(world.Scope(), options);

    /// <summary>Opens an account the way an admin does (createacct, own limits, IP recorded): billing and server agree.</summary>
    public static async Task<Account> OpenedAsync(this OperationsWorld world, string userName, BillingPlan? plan = null, BillingLimits? limits = null)
    {
        OpenAccountRequest request = world.Request(userName + ".example.com", userName, plan);
        request.Limits = limits;
        return (await world.Accounts().OpenAsync(request)).Account;
    }

    public static AccountDifference Single(this AccountComparison comparison, DifferenceKind kind, string userName) =>
        Assert.Single(comparison.Differences, d => d.Kind == kind && d.UserName == userName);

    /// <summary>Asserts every action of the repair was done, and returns the report.</summary>
    public static RepairReport AllDone(this RepairReport report)
    {
        Assert.All(report.Outcomes, o => Assert.True(o.Status == RepairStatus.Done, o.Action + " → " + o));
        return report;
    }

    public static async Task AssertJournalSettledAsync(this OperationsWorld world) =>
        Assert.DoesNotContain(await world.JournalAsync(), e => e.Status is OperationStatus.Pending or OperationStatus.Unknown);

    public static int SentFor(this OperationsWorld world, string function, string userName) =>
        world.Requests(function).Count(r => (r.FormValue("user") ?? r.FormValue("username")) == userName);
}

using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Reconcile;
using CpanelBilling.Operations.Tests.Accounts;
using CpanelBilling.Testing.Operations;
using Xunit;

namespace CpanelBilling.Operations.Tests.Reconcile;

/// <summary>The journal as admins read it: by server, account and outcome, newest last.</summary>
public sealed class JournalViewTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;

    public JournalViewTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task Entries_are_listed_oldest_first_by_server_user_and_status_and_the_newest_can_be_asked_for()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.OpenedAsync("anna");
        await world.OpenedAsync("bert");
        await world.Accounts().SuspendAsync(world.Ref("anna"), "Overdue");
        await world.Accounts().ResumeAsync(world.Ref("anna"));
        world.Faults.Set("suspendacct", WhmSimulator.Fault.Failure("Sorry, not now."), 1);
        await Assert.ThrowsAnyAsync<CpanelBillingException>(() => world.Accounts().SuspendAsync(world.Ref("bert"), "Overdue"));
        ReconcileOperations reconcile = world.Reconcile();

        var anna = await ListAsync(reconcile, new JournalFilter { ServerName = "WEB01", UserName = "anna" });
        Assert.Equal(new[] { "createacct", "suspendacct", "unsuspendacct" }, anna.Select(e => e.Function));
        var newest = await ListAsync(reconcile, new JournalFilter { Newest = 2 });
        Assert.Equal(new[] { "unsuspendacct", "suspendacct" }, newest.Select(e => e.Function));
        Assert.True(newest[0].Id < newest[1].Id);
        var failed = Assert.Single(await ListAsync(reconcile, new JournalFilter { Status = OperationStatus.Failed }));
        Assert.Equal(("bert", "suspendacct"), (failed.UserName, failed.Function));
        Assert.Contains("not now", failed.Error);
    }

    [Fact]
    public async Task A_user_without_a_server_and_an_unknown_server_are_refused()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        ReconcileOperations reconcile = world.Reconcile();

        var noServer = await Assert.ThrowsAsync<OperationArgumentException>(() => ListAsync(reconcile, new JournalFilter { UserName = "anna" }));
        Assert.Equal(FailureKind.InvalidArgument, noServer.Kind);
        var unknown = await Assert.ThrowsAsync<Core.Operations.Servers.ServerNotFoundException>(() => ListAsync(reconcile, new JournalFilter { ServerName = "nosuch" }));
        Assert.Equal(OperationErrorIds.ServerNotFound, unknown.ErrorId);
        await Assert.ThrowsAsync<OperationArgumentException>(() => ListAsync(reconcile, new JournalFilter { Newest = 0 }));
    }

    private static async Task<List<OperationJournalEntry>> ListAsync(ReconcileOperations reconcile, JournalFilter filter)
    {
        var entries = new List<OperationJournalEntry>();
        await foreach (OperationJournalEntry entry in reconcile.ListJournalAsync(filter))
        {
            entries.Add(entry);
        }

        return entries;
    }
}

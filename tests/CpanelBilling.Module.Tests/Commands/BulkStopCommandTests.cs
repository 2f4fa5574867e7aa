using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Module.Tests.Harness;
using CpanelBilling.Testing.Operations;
using CpanelBilling.Types;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Module.Tests.Commands;

/// <summary>
/// Ctrl+C in the middle of a real bulk change: the pipeline stops although the server never answers, and what it
/// leaves behind (journal entries, leases) is what Repair-CpAccount can put right afterwards.
/// </summary>
public sealed class BulkStopCommandTests : IClassFixture<OperationsWorldFixture>
{
    private const int AccountCount = 6;
    private const int ThrottleLimit = 4;

    // Only a guard against a hang, never a performance bound: a Stop that cannot cancel would wait for ever.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private readonly OperationsWorldFixture simulator;

    public BulkStopCommandTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task Ctrl_C_during_a_bulk_suspension_the_server_never_answers_stops_and_leaves_only_what_Repair_settles()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        var accounts = new List<Account>();
        for (int n = 0; n < AccountCount; n++)
        {
            string user = "stop" + n.ToString(CultureInfo.InvariantCulture);
            accounts.Add(await world.World.AddActiveAccountAsync(user, user + ".example.com"));
        }

        // The server takes every suspension and never answers (nor does the work): only the client can end the calls.
        world.World.Faults.Set("suspendacct", Fault.Hang());
        world.World.Simulator.Server.ClearRequests();

        using HarnessRun run = world.PS.Start("Get-CpAccount | Suspend-CpAccount -Reason x -ThrottleLimit $args[0]; 'not reached'", ThrottleLimit);
        await UntilAsync(() => world.World.Simulator.Server.Requests.Any(r => r.Function == "suspendacct"), "no suspendacct reached the server");

        HarnessResult stopped = await Task.Run(run.Stop).WaitAsync(HangGuard);

        Assert.True(stopped.Stopped, "the pipeline did not stop");
        Assert.Empty(stopped.Output);
        Assert.Empty(stopped.Errors);

        // Stopping cancelled the calls themselves: none is left held open on the server.
        using (var idle = new CancellationTokenSource(HangGuard))
        {
            await world.World.Simulator.Server.WaitUntilIdleAsync(idle.Token);
        }

        List<OperationJournalEntry> afterStop = await world.World.JournalAsync();
        OperationJournalEntry[] suspensions = afterStop.Where(e => e.Function == "suspendacct").ToArray();
        int sent = world.World.Simulator.Server.Requests.Count(r => r.Function == "suspendacct");
        // The intent is written before each call is sent; accounts not yet started when Ctrl+C came are never begun.
        Assert.InRange(suspensions.Length, sent, ThrottleLimit);
        Assert.All(afterStop, entry => Assert.Contains(entry.Status, new[] { OperationStatus.Pending, OperationStatus.Unknown, OperationStatus.Succeeded, OperationStatus.Failed }));
        Assert.DoesNotContain(suspensions, entry => entry.Status == OperationStatus.Succeeded);
        foreach (Account account in accounts)
        {
            Assert.Null(await world.World.Billing.GetAccountLeaseAsync(account.Id));
            Assert.Equal(AccountStatus.Active, (await world.World.Billing.GetAccountAsync(account.Id)).Status);
        }

        world.World.Faults.Clear("suspendacct");
        HarnessResult repaired = world.PS.Invoke("Repair-CpAccount -Server web01 -Confirm:$false").AssertSuccess();

        List<OperationJournalEntry> afterRepair = await world.World.JournalAsync();
        foreach (OperationJournalEntry entry in afterRepair.Where(e => e.Status is OperationStatus.Pending or OperationStatus.Unknown))
        {
            // The documented exception: a recent Unknown entry whose change the server does not show is left, with a warning.
            Assert.Equal(OperationStatus.Unknown, entry.Status);
            Assert.Contains(repaired.Warnings, w => w.Contains("Journal entry " + entry.Id.ToString(CultureInfo.InvariantCulture) + " ", StringComparison.Ordinal));
        }

        Assert.All(suspensions.Where(e => e.Status == OperationStatus.Pending), pending =>
            Assert.Equal(OperationStatus.Failed, afterRepair.Single(e => e.Id == pending.Id).Status));
        foreach (Account account in accounts)
        {
            Account inBilling = await world.World.Billing.GetAccountAsync(account.Id);
            bool suspendedOnServer = world.World.SimState.GetAccount(account.UserName).Suspended;
            Assert.Equal(inBilling.Status == AccountStatus.Suspended, suspendedOnServer);
            Assert.Null(await world.World.Billing.GetAccountLeaseAsync(account.Id));
        }

        Assert.DoesNotContain(world.PS.Invoke("Compare-CpAccount -Server web01").AssertSuccess().OutputOf<CpAccountDifference>(), d => d.Kind != "OpenJournalEntry");
    }

    private static async Task UntilAsync(Func<bool> condition, string failure)
    {
        DateTime deadline = DateTime.UtcNow + HangGuard;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(10);
        }
    }
}

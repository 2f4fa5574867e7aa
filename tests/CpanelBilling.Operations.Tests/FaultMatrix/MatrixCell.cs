using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Bandwidth;
using CpanelBilling.Core.Operations.Reconcile;
using CpanelBilling.Core.Operations.Servers;
using CpanelBilling.Core.Whm;
using CpanelBilling.Testing.Operations;
using CpanelBilling.Testing.Simulator;

namespace CpanelBilling.Operations.Tests.FaultMatrix;

/// <summary>
/// Runs one cell of the matrix: a fresh world, the account set up by the real operations, the fault armed, the
/// operation run, then at most one recovery (one Repair, or for bandwidth one more recording), and every check:
/// billing matches the server, no journal entry left open, no createacct twice, no changing call repeated by the
/// operation (reads may be retried), no bandwidth counted twice, the journal (for bandwidth, its records: one row
/// per reading, written by the run or else the recovery) says what happened, and a refused token was not tried again.
/// </summary>
public static class MatrixCell
{
    public static async Task<CellResult> RunAsync(SimulatorFixture simulator, MatrixOperation operation, MatrixFault fault)
    {
        var stopwatch = Stopwatch.StartNew();
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await operation.ArrangeAsync(world);

        // Only the operation under test gives up early on its call, and only under a fault that holds the call until
        // it does; setting up, the other faults and recovering keep the usual timeouts.
        WhmClientOptions impatient = OperationsWorld.FastClientOptions();
        if (fault.ClientGivesUp)
        {
            impatient.FunctionTimeouts[operation.Function] = MatrixFault.ClientTimeout;
        }

        using var impatientClients = new WhmClientFactory(impatient);
        int requestsBefore = world.Simulator.Server.Requests.Count;

        (IBillingRepository billing, FaultyBilling? faultyBilling) = await fault.ArmAsync(world, operation.Function, operation.BillingTrigger);
        string outcome;
        try
        {
            outcome = await operation.RunAsync(new OperationContext(billing, new ServerConnector(impatientClients, world.Credentials), "matrix-runbook"), world);
        }
        catch (Exception failure)
        {
            outcome = failure is CpanelBillingException typed ? typed.ErrorId : failure.GetType().Name;
        }

        await world.Simulator.Server.WaitUntilIdleAsync();
        fault.Disarm(world);
        var problems = new List<string>();
        int sent = world.Simulator.Server.Requests.Skip(requestsBefore).Count(r => r.Function == operation.Function);
        if (operation.IsBandwidth && sent > 1)
        {
            outcome += $" after {sent} {operation.Function} requests";
        }
        else if (!operation.IsBandwidth && sent > 1)
        {
            problems.Add($"{operation.Function} was sent {sent} times by one operation; a changing call is never repeated blindly");
        }

        if (fault.BillingFailure != null && faultyBilling?.Fired != true)
        {
            problems.Add("the billing fault never fired: the operation did not reach billing's write after the server call");
        }

        if (fault.WrongToken)
        {
            CheckNotRetried(world, requestsBefore, problems);
        }

        int repairs = await RecoverAsync(world, operation, problems);
        await world.Simulator.Server.WaitUntilIdleAsync();

        problems.AddRange(Consistency.DuplicateCreates(world));
        problems.AddRange(await Consistency.JournalProblemsAsync(world));
        if (operation.IsBandwidth)
        {
            problems.AddRange(await Consistency.BandwidthProblemsAsync(world, MatrixOperation.Month));
        }
        else
        {
            problems.AddRange(await Consistency.AccountProblemsAsync(world, MatrixOperation.User));
            await CheckJournalTellsAsync(world, operation, fault, problems);
        }

        return new CellResult(operation.Name, fault.Name, outcome, repairs, problems, stopwatch.Elapsed);
    }

    /// <summary>One Repair of the server (journaled operations), or one more recording (bandwidth). Returns the actions taken.</summary>
    private static async Task<int> RecoverAsync(OperationsWorld world, MatrixOperation operation, List<string> problems)
    {
        if (operation.IsBandwidth)
        {
            Dictionary<string, IReadOnlyList<BandwidthRecord>> afterRun = await Consistency.BandwidthRecordsAsync(world, MatrixOperation.Month, MatrixOperation.BandwidthTotals.Keys);
            BandwidthResult recovery = await MatrixOperation.RecordAsync(world.Context);
            problems.AddRange(await Consistency.BandwidthRecordProblemsAsync(world, MatrixOperation.Month, MatrixOperation.BandwidthTotals, afterRun, recovery.RecordedAccounts));
            return 1;
        }

        // The simulator is idle (waited for above): no request is still running, so even a recent Unknown entry is
        // settled now instead of being left for the grace a real server's unfinished requests get.
        RepairReport report = await new ReconcileOperations(world.Context).RepairAsync(
            new ReconcileScope().AddServer(world.Server.Name), new RepairOptions { ServerEntryGrace = TimeSpan.Zero });
        problems.AddRange(report.Outcomes.Where(o => o.Status != RepairStatus.Done).Select(o => $"repair action {o.Action.Kind} ended {o.Status}: {o.Message}"));
        problems.AddRange(report.Plan.Unrepaired.Select(d => "left unrepaired: " + d.Description));
        return report.Plan.Actions.Count;
    }

    /// <summary>The server shows the change made exactly when the fault let the work happen, and the journal agrees.</summary>
    private static async Task CheckJournalTellsAsync(OperationsWorld world, MatrixOperation operation, MatrixFault fault, List<string> problems)
    {
        bool inEffect = operation.InEffect(world.SimState);
        if (inEffect != fault.WorkDone)
        {
            problems.Add($"the server shows the {operation.Function} change {(inEffect ? "made" : "not made")}, but the fault {(fault.WorkDone ? "let" : "kept")} the work {(fault.WorkDone ? "happen" : "from happening")}");
        }

        var entries = new List<OperationJournalEntry>();
        await foreach (OperationJournalEntry entry in world.Billing.ListOperationsAsync(new OperationJournalQuery { ServerId = world.Server.Id }))
        {
            if (entry.Function == operation.Function)
            {
                entries.Add(entry);
            }
        }

        // The arranged state was reached without the function under test (resume's suspension is another function).
        if (inEffect && entries.LastOrDefault()?.Status != OperationStatus.Succeeded)
        {
            problems.Add($"the change is in effect, but the journal's last {operation.Function} entry is {entries.LastOrDefault()?.Status.ToString() ?? "missing"}");
        }

        if (!inEffect && entries.Any(e => e.Status == OperationStatus.Succeeded))
        {
            problems.Add($"the change is not in effect, but the journal has a Succeeded {operation.Function} entry");
        }
    }

    /// <summary>An authentication failure is final: exactly one request carried the refused token.</summary>
    private static void CheckNotRetried(OperationsWorld world, int requestsBefore, List<string> problems)
    {
        string refused = MatrixFault.RefusedToken(world.Simulator.Token);
        int sent = world.Simulator.Server.Requests.Skip(requestsBefore).Count(r => r.Header("Authorization")?.Contains(refused) == true);
        if (sent != 1)
        {
            problems.Add($"{sent} requests were sent with the refused token; an authentication failure must stop at the first");
        }
    }
}

/// <summary>How one cell of the matrix ended.</summary>
public sealed class CellResult
{
    public CellResult(string operation, string fault, string outcome, int repairs, IReadOnlyList<string> problems, TimeSpan elapsed)
    {
        Operation = operation;
        Fault = fault;
        Outcome = outcome;
        Repairs = repairs;
        Problems = problems;
        Elapsed = elapsed;
    }

    public string Operation { get; }

    public string Fault { get; }

    /// <summary>What the operation reported: ok, or the error id of its failure.</summary>
    public string Outcome { get; }

    /// <summary>Repair actions applied afterwards (bandwidth: the one extra recording).</summary>
    public int Repairs { get; }

    public IReadOnlyList<string> Problems { get; }

    public bool Consistent => Problems.Count == 0;

    public TimeSpan Elapsed { get; }

    public override string ToString() =>
        $"{Operation} × {Fault}: operation {Outcome}, {Repairs} repair action(s), {(Consistent ? "consistent" : "INCONSISTENT: " + string.Join("; ", Problems))}";
}

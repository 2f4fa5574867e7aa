using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CpanelBilling.Core.Operations.Reconcile;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>
/// Repair-CpAccount: compares, then applies each repair action through the account operations (journaled, leased,
/// throttled): journal entries settled from the server's state, billing's status, package, own limits and dedicated
/// IP back on the server, openings billing missed finished, shared addresses recorded; imports and deletions only
/// when asked. -WhatIf lists every action without doing it. Accounts are repaired concurrently, each in order.
/// </summary>
[Cmdlet(VerbsDiagnostic.Repair, "CpAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(CpRepairResult))]
public sealed class RepairCpAccountCommand : CpReconcileCmdlet
{
    /// <summary>Record server accounts billing does not know (customer, domain, account on the mapped plan, IP, own limits).</summary>
    [Parameter]
    public SwitchParameter ImportUnknown { get; set; }

    /// <summary>The customer imported accounts belong to; by default each gets its own customer, named user@server.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.CustomerLoginCompleter))]
    public string? ImportCustomer { get; set; }

    /// <summary>Mark billing accounts the server does not have (checked again just before) Deleted.</summary>
    [Parameter]
    public SwitchParameter MarkMissingDeleted { get; set; }

    protected override void EndProcessing()
    {
        var options = new RepairOptions { ImportUnknown = ImportUnknown || ImportCustomer != null, ImportCustomerLogin = ImportCustomer, MarkMissingDeleted = MarkMissingDeleted };
        ReconcileOperations reconcile = Reconcile;
        var actions = new List<RepairAction>();
        using (var queue = CreateWorkQueue(ThrottleLimit))
        {
            foreach (var (server, scope) in ServersInScope())
            {
                queue.Start(token => reconcile.PlanAsync(scope, options, null, token), plan =>
                {
                    WriteFailures(plan.Comparison);
                    plan.Unrepaired.ToList().ForEach(difference => WriteWarning(difference.Description));
                    actions.AddRange(plan.Actions);
                }, failure => WriteError(failure, server.Name));
            }

            queue.Drain();

            // One work item per account: its actions run in plan order; accounts run side by side.
            var groups = actions.GroupBy(a => a.Target).Select(g => g.Where(a => ShouldChange(a.Target, a.Description)).ToList()).Where(g => g.Count > 0).ToList();
            int done = 0;
            foreach (List<RepairAction> group in groups)
            {
                queue.Start(
                    token => reconcile.ApplyInOrderAsync(group, token),
                    outcomes =>
                    {
                        foreach (RepairOutcome outcome in outcomes)
                        {
                            Report(outcome);
                        }

                        WriteThrottledProgress(Progress("Repair-CpAccount", group[0].Target + " repaired", ++done, groups.Count));
                    },
                    failure => WriteError(failure, group[0].Target));
            }

            queue.Drain();
        }

        WriteThrottledProgress(new ProgressRecord(1, "Repair-CpAccount", "Done") { RecordType = ProgressRecordType.Completed });
        base.EndProcessing();
    }

    private void Report(RepairOutcome outcome)
    {
        WriteCalls();
        if (outcome.Status == RepairStatus.Failed)
        {
            WriteError(outcome.Error!, outcome.Action.Target);
            return;
        }

        foreach (string warning in outcome.Warnings)
        {
            WriteWarning(warning);
        }

        WriteObject(CpRepairResult.From(outcome));
    }
}

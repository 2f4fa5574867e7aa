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
    private const string Activity = "Repair-CpAccount";

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

    // The plan first (the servers read), then each action confirmed here, then the confirmed ones applied in one call.
    protected override void EndProcessing()
    {
        if (PreparedScope() is { } scope)
        {
            ReconcileOperations reconcile = Reconcile();
            var options = new RepairOptions { ImportUnknown = ImportUnknown || ImportCustomer != null, ImportCustomerLogin = ImportCustomer, MarkMissingDeleted = MarkMissingDeleted };
            RepairPlan plan = RunOnServers(Activity, (_, progress, token) => reconcile.PlanAsync(scope, options, progress, token));
            WriteFailures(plan.Comparison.Failures);
            plan.Unrepaired.ToList().ForEach(difference => WriteWarning(difference.Description));
            List<RepairAction> approved = plan.Actions.Where(action => ShouldChange(action.Target, action.Description)).ToList();
            int done = 0;
            if (approved.Count > 0)
            {
                Run<IReadOnlyList<RepairOutcome>, RepairOutcome>((_, progress, token) => reconcile.ApplyAsync(approved, progress, token), outcome => Report(outcome, ++done, approved.Count));
                WriteThrottledProgress(new ProgressRecord(1, Activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        base.EndProcessing();
    }

    private void Report(RepairOutcome outcome, int done, int total)
    {
        WriteThrottledProgress(new ProgressRecord(1, Activity, $"{outcome.Action.Target}: {outcome.Action.Kind} {outcome.Status} ({done} of {total} actions)")
        {
            PercentComplete = done * 100 / total,
        });
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

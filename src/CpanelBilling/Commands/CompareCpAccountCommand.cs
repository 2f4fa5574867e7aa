using System.Linq;
using System.Management.Automation;
using CpanelBilling.Core.Operations.Reconcile;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>
/// Compare-CpAccount: every difference between billing and its servers — accounts only one side has, status,
/// package, IP address, lost own limits, journal entries whose end billing never recorded — each server read once.
/// Changes nothing.
/// </summary>
[Cmdlet(VerbsData.Compare, "CpAccount")]
[OutputType(typeof(CpAccountDifference))]
public sealed class CompareCpAccountCommand : CpReconcileCmdlet
{
    protected override void EndProcessing()
    {
        if (PreparedScope() is { } scope)
        {
            ReconcileOperations reconcile = Reconcile();
            AccountComparison comparison = RunOnServers("Compare-CpAccount", (_, progress, token) => reconcile.CompareAsync(scope, progress, token));
            WriteFailures(comparison.Failures);
            WriteObject(comparison.Differences.Select(CpAccountDifference.From), enumerateCollection: true);
        }

        base.EndProcessing();
    }
}

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
        var servers = ServersInScope();
        ReconcileOperations reconcile = Reconcile;
        int done = 0;
        using (var queue = CreateWorkQueue(ThrottleLimit))
        {
            foreach (var (server, scope) in servers)
            {
                queue.Start(
                    token => reconcile.CompareAsync(scope, null, token),
                    comparison =>
                    {
                        WriteFailures(comparison);
                        foreach (AccountDifference difference in comparison.Differences)
                        {
                            WriteObject(CpAccountDifference.From(difference));
                        }

                        WriteThrottledProgress(Progress("Compare-CpAccount", server.Name + " compared", ++done, servers.Count));
                    },
                    failure => WriteError(failure, server.Name));
            }

            queue.Drain();
        }

        WriteThrottledProgress(new ProgressRecord(1, "Compare-CpAccount", "Done") { RecordType = ProgressRecordType.Completed });
        base.EndProcessing();
    }
}

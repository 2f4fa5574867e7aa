using System.Management.Automation;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Servers;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>
/// Sync-CpServer: reads servers' packages (with every limit) and IP addresses into billing. What is gone from a
/// server is marked removed, never dropped; which account holds which address is kept.
/// </summary>
[Cmdlet(VerbsData.Sync, "CpServer", SupportsShouldProcess = true)]
[OutputType(typeof(CpServerSync))]
public sealed class SyncCpServerCommand : CpSessionCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Server")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.ServerNameCompleter))]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    protected override void ProcessRecord()
    {
        foreach (string name in Name)
        {
            try
            {
                BillingServer server = RequireServer(name);
                if (!ShouldChange(server.Name, "Read the server's packages and IP addresses into billing"))
                {
                    continue;
                }

                EnsureCredential(server);
                WriteThrottledProgress(new ProgressRecord(1, "Sync-CpServer", $"Reading packages and IPs of {server.Name}"));
                ServerSyncResult result = Run((ops, token) => new ServerSync(ops).SyncAsync(server.Name, token));
                foreach (string warning in result.Warnings)
                {
                    WriteWarning(warning);
                }

                WriteObject(CpServerSync.From(result));
            }
            catch (Core.CpanelBillingException failure)
            {
                WriteError(failure, name);
            }
        }
    }

    protected override void EndProcessing()
    {
        WriteThrottledProgress(new ProgressRecord(1, "Sync-CpServer", "Done") { RecordType = ProgressRecordType.Completed });
        base.EndProcessing();
    }
}

using System.Management.Automation;
using CpanelBilling.Core.Operations.Servers;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>
/// Remove-CpServer: removes servers from billing with everything billing keeps for them. Refused while a server
/// has accounts that are not deleted, unless -Force. Nothing is done on the server itself.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "CpServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(CpServer))]
public sealed class RemoveCpServerCommand : CpSessionCmdlet
{
    // No "Server" alias: accounts, bandwidth rows and packages all have a Server property, and piping one of those
    // into a removal must not bind the server they are on. Get-CpServer's objects bind by Name.
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.ServerNameCompleter))]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    /// <summary>Removes a server even with live accounts (their billing records go with it), and skips the confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (string name in Name)
        {
            try
            {
                // Refused before asking: a prompt or a What if line for a removal that would be refused misleads.
                int live = Run((ops, token) => new ServerOperations(ops).CheckRemovalAsync(name, Force, token));
                string action = live == 0
                    ? "Remove the server from billing (its packages, IPs, deleted accounts and their bandwidth go with it)"
                    : $"Remove the server from billing with its {live} live account(s), their IPs and bandwidth records";
                if (!ShouldChange(name, action, Force))
                {
                    continue;
                }

                ServerRemoval removal = Run((ops, token) => new ServerOperations(ops).RemoveAsync(name, Force, token));
                Session.Credentials.Remove(removal.Server.Name);
                if (PassThru)
                {
                    WriteObject(CpServer.From(removal.Server));
                }
            }
            catch (Core.CpanelBillingException failure)
            {
                WriteError(failure, name);
            }
        }
    }
}

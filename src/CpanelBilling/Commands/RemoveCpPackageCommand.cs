using System.Management.Automation;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Packages;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>
/// Remove-CpPackage: removes a package from its server (killpkg) and marks it removed in billing. Refused while
/// billing knows live accounts on it, and when the server's own accounts still use it.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "CpPackage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(CpServerPackage))]
public sealed class RemoveCpPackageCommand : CpSessionCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.ServerNameCompleter))]
    public string Server { get; set; } = "";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.PackageNameCompleter))]
    public string Name { get; set; } = "";

    /// <summary>Skips the confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        try
        {
            PackageRules.CheckName(Name);
            BillingServer server = RequireServer(Server);
            if (!ShouldChange($"{server.Name}:{Name}", "Remove the package from the server (killpkg)", Force))
            {
                return;
            }

            EnsureCredential(server);
            PackageChangeResult result = Run((ops, token) => new PackageOperations(ops).RemoveAsync(server.Name, Name, token));
            foreach (string warning in result.Warnings)
            {
                WriteWarning(warning);
            }

            if (PassThru && result.Package is not null)
            {
                WriteObject(CpServerPackage.From(server.Name, result.Package));
            }
        }
        catch (Core.CpanelBillingException failure)
        {
            WriteError(failure, Name);
        }
    }
}

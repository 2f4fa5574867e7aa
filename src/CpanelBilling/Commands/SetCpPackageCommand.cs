using System.Management.Automation;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Packages;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>
/// Set-CpPackage: changes the given settings of a package on its server (editpkg; the others stay), then reads it
/// into billing. Never creates a package, and sends nothing when the package already holds every given value.
/// </summary>
[Cmdlet(VerbsCommon.Set, "CpPackage", SupportsShouldProcess = true)]
[OutputType(typeof(CpServerPackage))]
public sealed class SetCpPackageCommand : CpPackageCmdlet
{
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        try
        {
            PackageRequest request = BuildRequest();
            PackageRules.Check(request);
            BillingServer server = RequireServer(Server);
            if (!ShouldChange($"{server.Name}:{Name}", "Change the package on the server (editpkg); cPanel applies it to every account on the package"))
            {
                return;
            }

            EnsureCredential(server);
            PackageChangeResult result = Run((ops, token) => new PackageOperations(ops).EditAsync(server.Name, request, token));
            WriteWarnings(result);
            if (!result.Changed)
            {
                WriteVerbose($"Package '{result.PackageName}' on {server.Name} already holds every given value; nothing was sent.");
            }

            if (PassThru)
            {
                WriteObject(CpServerPackage.From(server.Name, result.Package!));
            }
        }
        catch (Core.CpanelBillingException failure)
        {
            WriteError(failure, Name);
        }
    }
}

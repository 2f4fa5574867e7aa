using System.Management.Automation;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Packages;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>New-CpPackage: adds a package (hosting plan) with every option on a server (addpkg), then reads it into billing.</summary>
[Cmdlet(VerbsCommon.New, "CpPackage", SupportsShouldProcess = true)]
[OutputType(typeof(CpServerPackage))]
public sealed class NewCpPackageCommand : CpPackageCmdlet
{
    protected override void ProcessRecord()
    {
        try
        {
            PackageRequest request = BuildRequest();
            PackageRules.Check(request); // an invalid value is reported even with -WhatIf
            BillingServer server = RequireServer(Server);
            if (!ShouldChange($"{server.Name}:{Name}", "Add the package on the server (addpkg)"))
            {
                return;
            }

            EnsureCredential(server);
            PackageChangeResult result = Run((ops, token) => new PackageOperations(ops).AddAsync(server.Name, request, token));
            WriteWarnings(result);
            if (!result.Changed)
            {
                WriteVerbose($"Package '{result.PackageName}' was already on {server.Name} as asked; nothing was sent.");
            }

            WriteObject(CpServerPackage.From(server.Name, result.Package!));
        }
        catch (Core.CpanelBillingException failure)
        {
            WriteError(failure, Name);
        }
    }
}

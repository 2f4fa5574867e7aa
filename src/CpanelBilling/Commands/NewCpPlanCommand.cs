using System.Management.Automation;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>
/// New-CpPlan: adds a billing plan and maps it to a cPanel package of a server. For a plan that exists, it adds
/// (or replaces) the package on that server, so one plan can be sold on several servers.
/// </summary>
[Cmdlet(VerbsCommon.New, "CpPlan", SupportsShouldProcess = true)]
[OutputType(typeof(CpPlan))]
public sealed class NewCpPlanCommand : CpSessionCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.PlanNameCompleter))]
    public string Name { get; set; } = "";

    /// <summary>The server whose package carries the plan.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completers.ServerNameCompleter))]
    public string? Server { get; set; }

    /// <summary>The cPanel package on that server (as billing synced it).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completers.PackageNameCompleter))]
    public string? Package { get; set; }

    /// <summary>Every account on the plan gets a dedicated IP from the server's pool.</summary>
    [Parameter]
    public SwitchParameter DedicatedIp { get; set; }

    protected override void ProcessRecord()
    {
        string action = Server == null ? "Add the plan to billing" : $"Add the plan or map it to package '{Package}' on server '{Server}'";
        if (!ShouldChange(Name, action))
        {
            return;
        }

        try
        {
            BillingPlan plan = Run((ops, token) => new CustomerAndPlanOperations(ops).AddPlanAsync(Name, DedicatedIp, Server, Package, token));
            WriteObject(CpPlan.From(plan));
        }
        catch (Core.CpanelBillingException failure)
        {
            WriteError(failure, Name);
        }
    }
}

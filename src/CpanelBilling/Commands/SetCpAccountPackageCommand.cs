using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>
/// Set-CpAccountPackage: moves accounts to another billing plan, i.e. to that plan's package on their server
/// (changepackage), then applies their own limits again and reports limits the server shows differently.
/// </summary>
[Cmdlet(VerbsCommon.Set, "CpAccountPackage", SupportsShouldProcess = true)]
[OutputType(typeof(CpAccount))]
public sealed class SetCpAccountPackageCommand : CpAccountChangeCmdlet
{
    /// <summary>The billing plan to move to.</summary>
    [Parameter(Position = 1)]
    [ArgumentCompleter(typeof(Completers.PlanNameCompleter))]
    public string? Plan { get; set; }

    /// <summary>The package on the account's server to move to (the plan mapped to it).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(Completers.PackageNameCompleter))]
    public string? Package { get; set; }

    /// <summary>Apply the plan's package again even when billing already has the account on that plan.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override string Action => $"Move the account to {(Plan == null ? "package '" + Package + "'" : "plan '" + Plan + "'")} (changepackage) and apply its own limits again";

    protected override bool SkipConfirmation => Force;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        try
        {
            // Without a plan or package every account would fail the same way: refuse once, before any prompt.
            AccountOperations.CheckPlanChange(Plan, Package);
        }
        catch (AccountOperationException invalid)
        {
            ThrowTerminatingError(invalid, null);
        }
    }

    internal override Task<AccountChangeResult> ChangeAsync(AccountOperations accounts, AccountReference account, CancellationToken cancellationToken) =>
        accounts.ChangePlanAsync(account, Plan, Package, Force, cancellationToken);
}

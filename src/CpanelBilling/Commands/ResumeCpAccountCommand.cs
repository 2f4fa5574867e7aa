using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>Resume-CpAccount: unsuspendacct, then Active in billing.</summary>
[Cmdlet(VerbsLifecycle.Resume, "CpAccount", SupportsShouldProcess = true)]
[OutputType(typeof(CpAccount))]
public sealed class ResumeCpAccountCommand : CpAccountChangeCmdlet
{
    /// <summary>Unsuspend on the server even when billing already shows the account active.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override string Action => "Unsuspend the account on the server and mark it active in billing";

    protected override bool SkipConfirmation => Force;

    internal override Task<AccountChangeResult> ChangeAsync(AccountOperations accounts, AccountReference account, CancellationToken cancellationToken) =>
        accounts.ResumeAsync(account, Force, cancellationToken);
}

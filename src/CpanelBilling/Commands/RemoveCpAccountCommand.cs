using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>Remove-CpAccount: removeacct on the server, then Deleted in billing with every IP freed.</summary>
[Cmdlet(VerbsCommon.Remove, "CpAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(CpAccount))]
public sealed class RemoveCpAccountCommand : CpAccountChangeCmdlet
{
    /// <summary>Keep the domain's DNS zone on the server.</summary>
    [Parameter]
    public SwitchParameter KeepDns { get; set; }

    /// <summary>Remove without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override string Action => "Remove the account from the server (removeacct) and mark it deleted in billing";

    protected override bool SkipConfirmation => Force;

    internal override Task<AccountChangeResult> ChangeAsync(AccountOperations accounts, AccountReference account, CancellationToken cancellationToken) =>
        accounts.DeleteAsync(account, KeepDns, cancellationToken);
}

using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>Suspend-CpAccount: suspendacct with a reason, then Suspended in billing.</summary>
[Cmdlet(VerbsLifecycle.Suspend, "CpAccount", SupportsShouldProcess = true)]
[OutputType(typeof(CpAccount))]
public sealed class SuspendCpAccountCommand : CpAccountChangeCmdlet
{
    /// <summary>Why; kept in billing and shown on the server.</summary>
    [Parameter(Position = 1)]
    public string? Reason { get; set; }

    /// <summary>Suspend on the server even when billing already shows the account suspended.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override string Action => "Suspend the account on the server and in billing" + (string.IsNullOrWhiteSpace(Reason) ? "" : $" (reason: {Reason})");

    protected override bool SkipConfirmation => Force;

    internal override Task<AccountChangeResult> ChangeAsync(AccountOperations accounts, AccountReference account, CancellationToken cancellationToken) =>
        accounts.SuspendAsync(account, Reason, Force, cancellationToken);
}

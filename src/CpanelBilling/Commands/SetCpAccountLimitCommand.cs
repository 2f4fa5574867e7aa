using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>
/// Set-CpAccountLimit: sets an account's own limits on the server and in billing. Each value is a number (MB for
/// bandwidth and disk), 'unlimited', or 'package' to go back to the package's value.
/// </summary>
[Cmdlet(VerbsCommon.Set, "CpAccountLimit", SupportsShouldProcess = true)]
[OutputType(typeof(CpAccount))]
public sealed class SetCpAccountLimitCommand : CpAccountChangeCmdlet
{
    [Parameter]
    public string? Bandwidth { get; set; }

    [Parameter]
    public string? Disk { get; set; }

    [Parameter]
    public string? EmailAccounts { get; set; }

    [Parameter]
    public string? Databases { get; set; }

    [Parameter]
    public string? AddonDomains { get; set; }

    protected override string Action => "Set the account's limits on the server and in billing";

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        try
        {
            // Checked once, before any item: a bad value would fail every account the same way.
            Change().Validate();
        }
        catch (AccountOperationException invalid)
        {
            ThrowTerminatingError(invalid, null);
        }
    }

    internal override Task<AccountChangeResult> ChangeAsync(AccountOperations accounts, AccountReference account, CancellationToken cancellationToken) =>
        accounts.SetLimitsAsync(account, Change(), cancellationToken);

    private AccountLimitsChange Change() => AccountLimitsChange.FromText(Bandwidth, Disk, EmailAccounts, Databases, AddonDomains);
}

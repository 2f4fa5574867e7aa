using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Infrastructure;
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
    [AccountLimit(nameof(AccountLimitKind.Bandwidth))]
    [ArgumentCompleter(typeof(Completers.AccountLimitCompleter))]
    public CpLimit? Bandwidth { get; set; }

    [Parameter]
    [AccountLimit(nameof(AccountLimitKind.Disk))]
    [ArgumentCompleter(typeof(Completers.AccountLimitCompleter))]
    public CpLimit? Disk { get; set; }

    [Parameter]
    [AccountLimit(nameof(AccountLimitKind.EmailAccounts))]
    [ArgumentCompleter(typeof(Completers.AccountLimitCompleter))]
    public CpLimit? EmailAccounts { get; set; }

    [Parameter]
    [AccountLimit(nameof(AccountLimitKind.Databases))]
    [ArgumentCompleter(typeof(Completers.AccountLimitCompleter))]
    public CpLimit? Databases { get; set; }

    [Parameter]
    [AccountLimit(nameof(AccountLimitKind.AddonDomains))]
    [ArgumentCompleter(typeof(Completers.AccountLimitCompleter))]
    public CpLimit? AddonDomains { get; set; }

    protected override string Action => "Set the account's limits on the server and in billing";

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        try
        {
            // Each value was checked as it was bound; what is left (no limit at all, one both set and reset) is checked
            // once, before any item, as it would fail every account the same way.
            Change().Validate();
        }
        catch (AccountOperationException invalid)
        {
            ThrowTerminatingError(invalid, null);
        }
    }

    internal override Task<AccountChangeResult> ChangeAsync(AccountOperations accounts, AccountReference account, CancellationToken cancellationToken) =>
        accounts.SetLimitsAsync(account, Change(), cancellationToken);

    private AccountLimitsChange Change() => AccountLimitsChange.FromText(Bandwidth?.Value, Disk?.Value, EmailAccounts?.Value, Databases?.Value, AddonDomains?.Value);
}

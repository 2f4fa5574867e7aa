using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>
/// Base of the cmdlets that change one existing account: the account comes as -InputObject (a CpAccount from
/// Get-CpAccount) or by -Server and -UserName, by property name from any object that has them.
/// </summary>
public abstract class CpAccountChangeCmdlet : CpAccountWorkCmdlet
{
    private const string ByName = "ByName";
    private const string ByObject = "ByObject";

    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObject)]
    public CpAccount? InputObject { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByName)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.ServerNameCompleter))]
    public string Server { get; set; } = "";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByName)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.AccountUserNameCompleter))]
    public string UserName { get; set; } = "";

    /// <summary>Output the account after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>What ShouldProcess asks about, e.g. "Suspend the account on the server and in billing".</summary>
    protected abstract string Action { get; }

    /// <summary>Skip the confirmation prompt ConfirmImpact would raise (-Force of removals).</summary>
    protected virtual bool SkipConfirmation => false;

    internal abstract Task<AccountChangeResult> ChangeAsync(AccountOperations accounts, AccountReference account, CancellationToken cancellationToken);

    protected override void ProcessRecord()
    {
        string server = InputObject?.Server ?? Server;
        string user = InputObject?.UserName ?? UserName;
        object target = (object?)InputObject ?? server + "/" + user;
        if (!ShouldChange(server + "/" + user, Action, SkipConfirmation))
        {
            return;
        }

        AccountReference reference = InputObject != null ? AccountReference.ById(InputObject.Id) : AccountReference.ByUserName(server, user);
        StartItem(server, target, (accounts, token) => ChangeAsync(accounts, reference, token), result =>
        {
            if (PassThru)
            {
                WriteObject(CpAccount.From(result.Account));
            }
        });
    }
}

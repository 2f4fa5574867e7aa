using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Errors;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>
/// Base of the cmdlets that change one existing account: the account comes as -InputObject (a CpAccount from
/// Get-CpAccount) or by -Server and -UserName, by property name from any object that has them. A CpAccount is
/// resolved by its Id, and changed only when that Id is still its server and user name in the session's database.
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
        HandBackFinished();
        CpAccount? piped = InputObject;
        string server = piped?.Server ?? Server;
        string user = piped?.UserName ?? UserName;
        object target = (object?)piped ?? server + "/" + user;
        if (!ShouldChange(server + "/" + user, Action, SkipConfirmation))
        {
            return;
        }

        AccountReference reference;
        try
        {
            reference = piped != null ? AccountReference.ById(piped.Id) : AccountReference.ByUserName(server, user);
        }
        catch (AccountOperationException invalid)
        {
            // A blank name (e.g. an empty CSV cell) fails this item only; the rest of the pipeline goes on.
            WriteError(invalid, target);
            return;
        }

        string database = Session.Database;
        StartItem(server, target, async (accounts, token) =>
        {
            if (piped != null)
            {
                await RequireSameAccountAsync(accounts, piped, database, token).ConfigureAwait(false);
            }

            return await ChangeAsync(accounts, reference, token).ConfigureAwait(false);
        }, result =>
        {
            if (PassThru)
            {
                WriteObject(CpAccount.From(result.Account));
            }
        });
    }

    // An account's server and user name never change under its Id, so this check holds for the change that follows.
    private static async Task RequireSameAccountAsync(AccountOperations accounts, CpAccount piped, string database, CancellationToken cancellationToken)
    {
        Account? current = null;
        try
        {
            current = await accounts.GetAsync(AccountReference.ById(piped.Id), cancellationToken).ConfigureAwait(false);
        }
        catch (CpanelBillingException missing) when (missing.Kind == FailureKind.NotFound)
        {
        }

        if (current is null
            || !string.Equals(current.ServerName, piped.Server, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(current.UserName, piped.UserName, StringComparison.OrdinalIgnoreCase))
        {
            throw new AccountObjectMismatchException(piped, current, database);
        }
    }
}

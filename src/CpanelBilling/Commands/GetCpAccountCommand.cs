using System.Collections.Generic;
using System.Management.Automation;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>
/// Get-CpAccount: the accounts billing holds, narrowed by the database and streamed as they are read (no server is
/// contacted); an exact user name that nothing matched is a non-terminating NotFound error.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CpAccount")]
[OutputType(typeof(CpAccount))]
public sealed class GetCpAccountCommand : CpSessionCmdlet
{
    /// <summary>User names; wildcards allowed.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(Completers.AccountUserNameCompleter))]
    public string[]? UserName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completers.ServerNameCompleter))]
    public string? Server { get; set; }

    /// <summary>Main domains; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    public string[]? Domain { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(Completers.CustomerLoginCompleter))]
    public string? Customer { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(Completers.PlanNameCompleter))]
    public string? Plan { get; set; }

    [Parameter]
    public CpAccountStatus? Status { get; set; }

    /// <summary>Also list deleted accounts (when no -Status is given).</summary>
    [Parameter]
    public SwitchParameter IncludeDeleted { get; set; }

    protected override void ProcessRecord()
    {
        var filter = new AccountFilter
        {
            ServerName = Server,
            CustomerLogin = Customer,
            PlanName = Plan,
            Status = Status.HasValue ? (AccountStatus)(int)Status.Value : null,
            IncludeDeleted = IncludeDeleted,
            UserNames = UserName,
            DomainNames = Domain,
        };
        IAsyncEnumerator<AccountListing> listing = new AccountOperations(Operations).FindAsync(filter, CancellationToken).GetAsyncEnumerator(CancellationToken);
        try
        {
            while (Await(_ => listing.MoveNextAsync().AsTask()))
            {
                if (listing.Current.Account is { } account)
                {
                    WriteObject(CpAccount.From(account));
                }
                else
                {
                    WriteError(listing.Current.Missing!, listing.Current.Missing!.Target);
                }
            }
        }
        catch (Core.CpanelBillingException failure) when (failure.Kind == Core.FailureKind.NotFound)
        {
            // An unknown server, customer or plan in one piped record (a typo in a CSV) fails that record only.
            WriteError(failure, failure.Target ?? Server);
        }
        catch (Core.CpanelBillingException failure)
        {
            ThrowTerminatingError(failure, null);
        }
        finally
        {
            Await(async _ => await listing.DisposeAsync().ConfigureAwait(false));
        }
    }
}

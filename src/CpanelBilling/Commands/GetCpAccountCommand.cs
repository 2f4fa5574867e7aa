using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>Get-CpAccount: the accounts billing holds, filtered and streamed as they are read (no server is contacted).</summary>
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
        };
        List<WildcardPattern> users = Patterns(UserName);
        List<WildcardPattern> domains = Patterns(Domain);
        var found = new HashSet<string>();
        IAsyncEnumerator<Account> accounts = new AccountOperations(Operations).ListAsync(filter, CancellationToken).GetAsyncEnumerator(CancellationToken);
        try
        {
            while (Await(_ => accounts.MoveNextAsync().AsTask()))
            {
                Account account = accounts.Current;
                if (Matches(users, account.UserName) && Matches(domains, account.DomainName))
                {
                    found.Add(account.UserName);
                    WriteObject(CpAccount.From(account));
                }
            }
        }
        catch (Core.CpanelBillingException failure)
        {
            ThrowTerminatingError(failure, null);
        }
        finally
        {
            Await(async _ => await accounts.DisposeAsync().ConfigureAwait(false));
        }

        foreach (string missing in (UserName ?? new string[0]).Where(n => !WildcardPattern.ContainsWildcardCharacters(n) && !found.Contains(n.ToLowerInvariant())))
        {
            WriteError(AccountErrorIds.AccountNotFound, ErrorCategory.ObjectNotFound, missing, $"Billing has no account '{missing}' that matches the other filters.");
        }
    }

    private static List<WildcardPattern> Patterns(string[]? texts) =>
        (texts ?? new string[0]).Select(t => new WildcardPattern(t, WildcardOptions.IgnoreCase)).ToList();

    private static bool Matches(List<WildcardPattern> patterns, string value) => patterns.Count == 0 || patterns.Any(p => p.IsMatch(value));
}

using System.Linq;
using System.Management.Automation;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>Get-CpCustomer: the customers billing knows, by login (wildcards allowed).</summary>
[Cmdlet(VerbsCommon.Get, "CpCustomer")]
[OutputType(typeof(CpCustomer))]
public sealed class GetCpCustomerCommand : CpSessionCmdlet
{
    /// <summary>Logins; wildcards allowed. All customers when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Customer")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(Completers.CustomerLoginCompleter))]
    public string[]? Login { get; set; }

    protected override void ProcessRecord()
    {
        var customers = Run((ops, token) => ops.Billing.ListCustomersAsync(token));
        foreach (string pattern in Login ?? new[] { "*" })
        {
            var wildcard = new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
            Customer[] matches = customers.Where(c => wildcard.IsMatch(c.Login)).ToArray();
            foreach (Customer customer in matches)
            {
                WriteObject(CpCustomer.From(customer));
            }

            if (matches.Length == 0 && !WildcardPattern.ContainsWildcardCharacters(pattern))
            {
                WriteError(AccountErrorIds.CustomerNotFound, ErrorCategory.ObjectNotFound, pattern, $"Billing has no customer '{pattern}'. New-CpCustomer adds one.");
            }
        }
    }
}

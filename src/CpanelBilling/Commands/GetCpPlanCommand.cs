using System;
using System.Linq;
using System.Management.Automation;
using CpanelBilling.Core.Billing;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>Get-CpPlan: the billing plans and their package on each server, by name (wildcards allowed).</summary>
[Cmdlet(VerbsCommon.Get, "CpPlan")]
[OutputType(typeof(CpPlan))]
public sealed class GetCpPlanCommand : CpSessionCmdlet
{
    /// <summary>Plan names; wildcards allowed. All plans when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Plan")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(Completers.PlanNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Only plans that have a package on this server.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(Completers.ServerNameCompleter))]
    public string? Server { get; set; }

    protected override void ProcessRecord()
    {
        var plans = Run((ops, token) => ops.Billing.ListPlansAsync(token))
            .Where(p => Server == null || p.Packages.Any(m => string.Equals(m.ServerName, Server, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        foreach (string pattern in Name ?? new[] { "*" })
        {
            var wildcard = new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
            BillingPlan[] matches = plans.Where(p => wildcard.IsMatch(p.Name)).ToArray();
            foreach (BillingPlan plan in matches)
            {
                WriteObject(CpPlan.From(plan));
            }

            if (matches.Length == 0 && !WildcardPattern.ContainsWildcardCharacters(pattern))
            {
                WriteError(Core.Operations.Accounts.AccountErrorIds.PlanNotFound, ErrorCategory.ObjectNotFound, pattern, $"Billing has no plan '{pattern}'{(Server == null ? "" : " on server '" + Server + "'")}. New-CpPlan adds one.");
            }
        }
    }
}

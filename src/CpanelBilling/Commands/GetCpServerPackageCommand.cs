using System.Management.Automation;
using CpanelBilling.Core.Billing;
using CpanelBilling.Infrastructure;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>Get-CpServerPackage: the packages billing knows of servers, with every limit (billing only; Sync-CpServer refreshes them).</summary>
[Cmdlet(VerbsCommon.Get, "CpServerPackage")]
[OutputType(typeof(CpServerPackage))]
public sealed class GetCpServerPackageCommand : CpSessionCmdlet
{
    /// <summary>Server names; wildcards allowed. All servers when omitted.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(Completers.ServerNameCompleter))]
    public string[]? Server { get; set; }

    /// <summary>Package names; wildcards allowed.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(Completers.PackageNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Also packages gone from their server (marked removed by a sync).</summary>
    [Parameter]
    public SwitchParameter IncludeRemoved { get; set; }

    protected override void ProcessRecord()
    {
        var servers = Run((ops, token) => ops.Billing.ListServersAsync(includeDisabled: true, token));
        var names = WildcardList.Of(Name);
        foreach (string pattern in Server ?? new[] { "*" })
        {
            var wildcard = new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
            bool found = false;
            foreach (BillingServer server in servers)
            {
                if (!wildcard.IsMatch(server.Name))
                {
                    continue;
                }

                found = true;
                foreach (ServerPackage package in Run((ops, token) => ops.Billing.ListServerPackagesAsync(server.Id, IncludeRemoved, token)))
                {
                    if (names.IsMatch(package.Name))
                    {
                        WriteObject(CpServerPackage.From(server.Name, package));
                    }
                }
            }

            if (!found && !WildcardPattern.ContainsWildcardCharacters(pattern))
            {
                WriteError(new Core.Operations.Servers.ServerNotFoundException(pattern), pattern);
            }
        }
    }
}

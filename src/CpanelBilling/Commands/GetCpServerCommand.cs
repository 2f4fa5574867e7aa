using System.Management.Automation;
using CpanelBilling.Core.Billing;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>Get-CpServer: the WHM servers billing knows, by name (wildcards allowed).</summary>
[Cmdlet(VerbsCommon.Get, "CpServer")]
[OutputType(typeof(CpServer))]
public sealed class GetCpServerCommand : CpSessionCmdlet
{
    /// <summary>Server names; wildcards allowed. All servers when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Server")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(Completers.ServerNameCompleter))]
    public string[]? Name { get; set; }

    protected override void ProcessRecord()
    {
        var servers = Run((ops, token) => ops.Billing.ListServersAsync(includeDisabled: true, token));
        foreach (string pattern in Name ?? new[] { "*" })
        {
            var wildcard = new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
            bool found = false;
            foreach (BillingServer server in servers)
            {
                if (wildcard.IsMatch(server.Name))
                {
                    found = true;
                    WriteObject(CpServer.From(server));
                }
            }

            if (!found && !WildcardPattern.ContainsWildcardCharacters(pattern))
            {
                WriteError(new Core.Operations.Servers.ServerNotFoundException(pattern), pattern);
            }
        }
    }
}

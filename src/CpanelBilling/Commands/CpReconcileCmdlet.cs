using System.Linq;
using System.Management.Automation;
using CpanelBilling.Core.Operations.Reconcile;
using CpanelBilling.Errors;

namespace CpanelBilling.Commands;

/// <summary>
/// What Compare-CpAccount and Repair-CpAccount share: the servers and accounts named on the command line and by
/// every piped object (by Server and UserName), gathered into one scope — an unknown server an error as it arrives —
/// so each server is read once at the end, however many objects name it.
/// </summary>
public abstract class CpReconcileCmdlet : CpServerFanOutCmdlet
{
    private readonly ReconcileScope scope = new();
    private bool refused;

    /// <summary>Server names; every enabled server when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.ServerNameCompleter))]
    public string[]? Server { get; set; }

    /// <summary>Only these accounts of the server(s) (needs -Server); every account when omitted (or empty, as a piped difference about the server itself has it).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completers.AccountUserNameCompleter))]
    public string[]? UserName { get; set; }

    /// <summary>How many servers are read (and, for Repair, accounts repaired) at once. Default 4.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 4;

    protected override void ProcessRecord()
    {
        string[] users = (UserName ?? new string[0]).Where(u => !string.IsNullOrWhiteSpace(u)).ToArray();
        if (users.Length > 0 && Server is not { Length: > 0 })
        {
            refused = true;
            WriteError(ErrorIds.UserNameWithoutServer, ErrorCategory.InvalidArgument, string.Join(", ", users), "-UserName needs the server the accounts are on: give -Server as well.");
            return;
        }

        foreach (string name in Server ?? new string[0])
        {
            if (PrepareServer(name) is not { } server)
            {
                refused = true;
                continue;
            }

            if (users.Length == 0)
            {
                scope.AddServer(server);
            }

            foreach (string user in users)
            {
                scope.AddAccount(server, user);
            }
        }
    }

    /// <summary>The operations, reading (and repairing) as many at once as -ThrottleLimit says.</summary>
    internal ReconcileOperations Reconcile() => new(Operations) { MaxParallelServers = ThrottleLimit, MaxParallelAccounts = ThrottleLimit };

    /// <summary>
    /// The scope gathered (every enabled server when nothing was named), its servers' API tokens made available;
    /// null when everything named was refused, so a bad input never widens to every server.
    /// </summary>
    internal ReconcileScope? PreparedScope()
    {
        if (scope.IsAllServers)
        {
            if (refused)
            {
                return null;
            }

            PrepareAllServers();
        }

        return scope;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Reconcile;
using CpanelBilling.Errors;

namespace CpanelBilling.Commands;

/// <summary>
/// What Compare-CpAccount and Repair-CpAccount share: servers and accounts gathered from the pipeline (by Server and
/// UserName), then each server read once — several at once, each within its own limit — with results, errors and
/// progress written on the pipeline thread.
/// </summary>
public abstract class CpReconcileCmdlet : CpSessionCmdlet
{
    private readonly List<string> serverOrder = new();
    private readonly Dictionary<string, HashSet<string>?> scope = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Server names; every enabled server when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.ServerNameCompleter))]
    public string[]? Server { get; set; }

    /// <summary>Only these accounts of the server(s) (needs -Server); every account when omitted (or empty, as a piped difference about the server itself has it).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completers.AccountUserNameCompleter))]
    public string[]? UserName { get; set; }

    /// <summary>How many servers are read at once. Default 4.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 4;

    internal ReconcileOperations Reconcile => new(Operations);

    private string[] Users => (UserName ?? new string[0]).Where(u => !string.IsNullOrWhiteSpace(u)).ToArray();

    protected override void ProcessRecord()
    {
        if (Users.Length > 0 && Server is not { Length: > 0 })
        {
            WriteError(ErrorIds.UserNameWithoutServer, ErrorCategory.InvalidArgument, string.Join(", ", Users), "-UserName needs the server the accounts are on: give -Server as well.");
            return;
        }

        foreach (string server in Server ?? new string[0])
        {
            if (!scope.TryGetValue(server, out HashSet<string>? users))
            {
                serverOrder.Add(server);
                scope[server] = Users.Length > 0 ? new HashSet<string>(Users, StringComparer.OrdinalIgnoreCase) : null;
            }
            else if (users != null)
            {
                if (Users.Length > 0)
                {
                    users.UnionWith(Users);
                }
                else
                {
                    scope[server] = null;
                }
            }
        }
    }

    /// <summary>
    /// The servers asked for (every enabled one when none was named), each with its scope, credentials made
    /// available first on this thread; an unknown server is an error and the others go on.
    /// </summary>
    internal List<(BillingServer Server, ReconcileScope Scope)> ServersInScope()
    {
        var servers = new List<(BillingServer, ReconcileScope)>();
        IEnumerable<string> names = serverOrder.Count > 0
            ? serverOrder
            : Run((ops, token) => ops.Billing.ListServersAsync(includeDisabled: false, token)).Select(s => s.Name).ToList();
        foreach (string name in names)
        {
            try
            {
                BillingServer server = RequireServer(name);
                EnsureCredential(server);
                var serverScope = new ReconcileScope();
                if (scope.TryGetValue(name, out HashSet<string>? users) && users != null)
                {
                    foreach (string user in users)
                    {
                        serverScope.AddAccount(server.Name, user);
                    }
                }
                else
                {
                    serverScope.AddServer(server.Name);
                }

                servers.Add((server, serverScope));
            }
            catch (Core.CpanelBillingException failure)
            {
                WriteError(failure, name);
            }
        }

        return servers;
    }

    /// <summary>Reports the servers a comparison could not read.</summary>
    internal void WriteFailures(AccountComparison comparison)
    {
        foreach (ReconcileServerFailure failure in comparison.Failures)
        {
            WriteError(failure.Error, failure.ServerName);
        }
    }

    internal static ProgressRecord Progress(string activity, string current, int done, int total) =>
        new(1, activity, $"{current} ({done} of {total})") { PercentComplete = total == 0 ? 100 : done * 100 / total };
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Fanout;
using CpanelBilling.Core.Operations.Servers;

namespace CpanelBilling.Commands;

/// <summary>
/// Base of cmdlets whose one operation call works on several servers at once (bandwidth, compare, repair): each
/// server named is looked up as it arrives (an unknown name is an error at once) and its API token made available
/// here, on the pipeline thread, before the operation's workers need it; a bar of servers done is drawn from the
/// pipeline thread; each server the operation could not work on is an error of its own and the others go on.
/// </summary>
public abstract class CpServerFanOutCmdlet : CpSessionCmdlet
{
    private readonly Dictionary<string, string?> prepared = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Billing's name of the server, its token made available; null, the error written, when billing has none. Each name is looked up once.</summary>
    internal string? PrepareServer(string name)
    {
        if (!prepared.TryGetValue(name, out string? known))
        {
            try
            {
                BillingServer server = Run((ops, token) => ServerLookup.RequireAsync(ops.Billing, name, token));
                EnsureCredential(server);
                known = server.Name;
            }
            catch (CpanelBillingException failure)
            {
                WriteError(failure, name);
            }

            prepared[name] = known;
        }

        return known;
    }

    /// <summary>Every enabled server's name, each token made available (for a command that names no server).</summary>
    internal IReadOnlyList<string> PrepareAllServers()
    {
        IReadOnlyList<BillingServer> enabled = Run((ops, token) => ops.Billing.ListServersAsync(includeDisabled: false, token));
        foreach (BillingServer server in enabled)
        {
            EnsureCredential(server);
        }

        return enabled.Select(s => s.Name).ToList();
    }

    /// <summary>Runs the operation, drawing a bar of servers done as they end; the bar is closed afterwards.</summary>
    internal T RunOnServers<T>(string activity, Func<OperationContext, IProgress<ServerProgress>, CancellationToken, Task<T>> operation)
    {
        try
        {
            return Run(operation, server => WriteThrottledProgress(
                new ProgressRecord(1, activity, $"{server.ServerName} done ({server.ServersDone} of {server.ServersTotal} servers)")
                {
                    PercentComplete = server.ServersDone * 100 / Math.Max(1, server.ServersTotal),
                }));
        }
        finally
        {
            if (!CancellationToken.IsCancellationRequested)
            {
                WriteThrottledProgress(new ProgressRecord(1, activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }
    }

    /// <summary>One non-terminating error per server the operation could not work on, the server as target.</summary>
    internal void WriteFailures(IEnumerable<ServerFailure> failures)
    {
        foreach (ServerFailure failure in failures)
        {
            WriteError(failure.Error, failure.ServerName);
        }
    }
}

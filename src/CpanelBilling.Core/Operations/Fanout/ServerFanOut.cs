using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Servers;

namespace CpanelBilling.Core.Operations.Fanout;

/// <summary>
/// Runs one piece of work per server for an operation that spans servers (bandwidth, compare, repair): the servers
/// named — each looked up in billing once, however often or however spelled it was named — or every enabled server;
/// at most <c>maxParallel</c> at once (each server's own request limit applies as well, through the throttle); a
/// typed failure of one server (including a name billing does not know) captured so the others go on; and progress
/// reported as each server ends. Reports come from worker threads: a caller marshals them where it needs them.
/// </summary>
internal static class ServerFanOut
{
    /// <summary>The results of the servers that worked, and the failures, each by server name.</summary>
    public static async Task<(IReadOnlyList<T> Results, IReadOnlyList<ServerFailure> Failures)> RunAsync<T>(
        IBillingRepository billing,
        IEnumerable<string>? serverNames,
        int maxParallel,
        Func<BillingServer, CancellationToken, Task<T>> work,
        IProgress<ServerProgress>? progress,
        CancellationToken cancellationToken)
    {
        if (billing is null)
        {
            throw new ArgumentNullException(nameof(billing));
        }

        if (work is null)
        {
            throw new ArgumentNullException(nameof(work));
        }

        var failures = new ConcurrentQueue<ServerFailure>();
        IReadOnlyList<BillingServer> servers = await ResolveAsync(billing, serverNames, failures, cancellationToken).ConfigureAwait(false);
        var results = new ConcurrentQueue<(string Server, T Result)>();
        int done = 0;
        await BoundedParallel.ForEachAsync(
            servers,
            maxParallel,
            async (server, token) =>
            {
                try
                {
                    results.Enqueue((server.Name, await work(server, token).ConfigureAwait(false)));
                }
                catch (CpanelBillingException failure)
                {
                    failures.Enqueue(new ServerFailure(server.Name, failure));
                }

                progress?.Report(new ServerProgress(server.Name, Interlocked.Increment(ref done), servers.Count));
            },
            cancellationToken).ConfigureAwait(false);

        return (
            results.OrderBy(r => r.Server, StringComparer.OrdinalIgnoreCase).Select(r => r.Result).ToList(),
            failures.OrderBy(f => f.ServerName, StringComparer.OrdinalIgnoreCase).ToList());
    }

    // No names: every enabled server. Names: each looked up; an unknown (or blank) one is its failure, and two names
    // of one server ("web01", "WEB01 ") read it once.
    private static async Task<IReadOnlyList<BillingServer>> ResolveAsync(
        IBillingRepository billing, IEnumerable<string>? names, ConcurrentQueue<ServerFailure> failures, CancellationToken cancellationToken)
    {
        List<string> named = names?.ToList() ?? new List<string>();
        if (named.Count == 0)
        {
            return await billing.ListServersAsync(includeDisabled: false, cancellationToken).ConfigureAwait(false);
        }

        var servers = new List<BillingServer>();
        foreach (string name in named.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            try
            {
                BillingServer server = await ServerLookup.RequireAsync(billing, name, cancellationToken).ConfigureAwait(false);
                if (servers.All(s => s.Id != server.Id))
                {
                    servers.Add(server);
                }
            }
            catch (CpanelBillingException failure)
            {
                failures.Enqueue(new ServerFailure(name ?? "", failure));
            }
        }

        return servers;
    }
}

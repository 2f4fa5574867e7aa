using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Servers;

namespace CpanelBilling.Core.Operations.Reconcile;

/// <summary>
/// Compare and Repair. Compare reads each server once (listaccts; showbw and listpkgs only when needed) and sets it
/// against billing and the journal: every difference, typed, with the side Repair takes. Repair turns the
/// differences into a plan of actions — journal entries settled from the server's state first, then billing's
/// truth for status, package, own limits and dedicated IP, the server's for an opening billing missed and for a
/// shared address, and (only when asked) imports and deletions — and applies them one by one through the account
/// operations, so every server change is journaled, leased and throttled like any other.
/// </summary>
public sealed class ReconcileOperations
{
    private readonly OperationContext context;
    private readonly RepairExecutor executor;
    private readonly Func<DateTime> utcNow;

    public ReconcileOperations(OperationContext context, Func<DateTime>? utcNow = null)
    {
        this.context = context ?? throw new ArgumentNullException(nameof(context));
        executor = new RepairExecutor(context);
        this.utcNow = utcNow ?? (() => DateTime.UtcNow);
    }

    /// <summary>How many servers are read at once (each server's own request limit applies as well). Default 4.</summary>
    public int MaxParallelServers { get; set; } = 4;

    /// <summary>Every difference between billing and the servers in scope. Changes nothing.</summary>
    public async Task<AccountComparison> CompareAsync(ReconcileScope scope, IProgress<ReconcileProgress>? progress = null, CancellationToken cancellationToken = default) =>
        (await PlanAsync(scope, new RepairOptions(), progress, cancellationToken).ConfigureAwait(false)).Comparison;

    /// <summary>What Repair would do, action by action (what -WhatIf shows). Changes nothing.</summary>
    public async Task<RepairPlan> PlanAsync(ReconcileScope scope, RepairOptions? options = null, IProgress<ReconcileProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (scope == null)
        {
            throw new ArgumentNullException(nameof(scope));
        }

        options ??= new RepairOptions();
        var failures = new ConcurrentQueue<ReconcileServerFailure>();
        IReadOnlyList<BillingServer> servers = await ResolveServersAsync(scope, failures, cancellationToken).ConfigureAwait(false);
        var results = new ConcurrentDictionary<string, ServerReconciliation>(StringComparer.OrdinalIgnoreCase);
        int done = 0;
        using var parallel = new SemaphoreSlim(Math.Max(1, MaxParallelServers));
        await Task.WhenAll(servers.Select(async server =>
        {
            await parallel.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                ServerSnapshot snapshot = await ServerSnapshot.ReadAsync(context, server, scope.UsersOn(server.Name), cancellationToken).ConfigureAwait(false);
                results[server.Name] = ServerReconciliation.Of(snapshot, options, utcNow());
            }
            catch (CpanelBillingException failure)
            {
                failures.Enqueue(new ReconcileServerFailure(server.Name, failure));
            }
            finally
            {
                parallel.Release();
                progress?.Report(new ReconcileProgress(server.Name, Interlocked.Increment(ref done), servers.Count));
            }
        })).ConfigureAwait(false);

        List<ServerReconciliation> ordered = results.OrderBy(r => r.Key, StringComparer.OrdinalIgnoreCase).Select(r => r.Value).ToList();
        var comparison = new AccountComparison(
            ordered.SelectMany(r => r.Differences).ToList(),
            failures.OrderBy(f => f.ServerName, StringComparer.OrdinalIgnoreCase).ToList(),
            ordered.Count,
            ordered.Sum(r => r.AccountsCompared));
        return new RepairPlan(comparison, ordered.SelectMany(r => r.Actions).ToList(), ordered.SelectMany(r => r.Unrepaired).ToList());
    }

    /// <summary>
    /// Applies one action of a plan. Expected failures (the server refused, billing failed, the account is busy) are
    /// returned as a Failed outcome, not thrown, so a caller can go on with the next action.
    /// </summary>
    public Task<RepairOutcome> ApplyAsync(RepairAction action, CancellationToken cancellationToken = default) =>
        executor.ApplyAsync(action ?? throw new ArgumentNullException(nameof(action)), cancellationToken);

    /// <summary>Applies actions one after the other, in the order given (a plan's order for one account matters).</summary>
    public async Task<IReadOnlyList<RepairOutcome>> ApplyInOrderAsync(IEnumerable<RepairAction> actions, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<RepairOutcome>();
        foreach (RepairAction action in actions ?? throw new ArgumentNullException(nameof(actions)))
        {
            outcomes.Add(await ApplyAsync(action, cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }

    /// <summary>Plans, then applies every action in order.</summary>
    public async Task<RepairReport> RepairAsync(ReconcileScope scope, RepairOptions? options = null, IProgress<ReconcileProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        RepairPlan plan = await PlanAsync(scope, options, progress, cancellationToken).ConfigureAwait(false);
        return new RepairReport(plan, await ApplyInOrderAsync(plan.Actions, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// The journal: server-changing calls with their outcome, oldest first, filtered by the database, streamed as
    /// read (with <see cref="JournalFilter.Newest"/>, the database returns only that many, which are held until the end).
    /// </summary>
    public async IAsyncEnumerable<OperationJournalEntry> ListJournalAsync(JournalFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (filter == null)
        {
            throw new ArgumentNullException(nameof(filter));
        }

        if (filter.Newest is < 1)
        {
            throw new OperationArgumentException(OperationErrorIds.InvalidJournalFilter, $"Newest is {filter.Newest}; give 1 or more.", null, "Newest");
        }

        if (filter.UserName != null && filter.ServerName == null)
        {
            throw new OperationArgumentException(OperationErrorIds.InvalidJournalFilter, "A user name needs the server it is on; give the server as well.", filter.UserName, "Server");
        }

        // Every filter, the newest N included, is applied by the database: nothing is read only to be skipped.
        var query = new OperationJournalQuery { Status = filter.Status, UserName = filter.UserName, Limit = filter.Newest, NewestFirst = filter.Newest != null };
        if (filter.ServerName != null)
        {
            query.ServerId = (await ServerLookup.RequireAsync(context.Billing, filter.ServerName, cancellationToken).ConfigureAwait(false)).Id;
        }

        if (filter.Newest == null)
        {
            await foreach (OperationJournalEntry entry in context.Billing.ListOperationsAsync(query, cancellationToken).ConfigureAwait(false))
            {
                yield return entry;
            }

            yield break;
        }

        // The newest N arrive newest first and are listed oldest first, as without Newest.
        var newest = new Stack<OperationJournalEntry>();
        await foreach (OperationJournalEntry entry in context.Billing.ListOperationsAsync(query, cancellationToken).ConfigureAwait(false))
        {
            newest.Push(entry);
        }

        foreach (OperationJournalEntry entry in newest)
        {
            yield return entry;
        }
    }

    private async Task<IReadOnlyList<BillingServer>> ResolveServersAsync(ReconcileScope scope, ConcurrentQueue<ReconcileServerFailure> failures, CancellationToken cancellationToken)
    {
        if (scope.IsAllServers)
        {
            return await context.Billing.ListServersAsync(includeDisabled: false, cancellationToken).ConfigureAwait(false);
        }

        var servers = new List<BillingServer>();
        foreach (string name in scope.ServerNames)
        {
            try
            {
                servers.Add(await ServerLookup.RequireAsync(context.Billing, name, cancellationToken).ConfigureAwait(false));
            }
            catch (CpanelBillingException failure)
            {
                failures.Enqueue(new ReconcileServerFailure(name, failure));
            }
        }

        return servers;
    }
}

/// <summary>Which journal entries to list. Every filter that is set must match.</summary>
public sealed class JournalFilter
{
    /// <summary>The server's name in billing.</summary>
    public string? ServerName { get; set; }

    /// <summary>The cPanel user the calls were about (needs <see cref="ServerName"/>).</summary>
    public string? UserName { get; set; }

    public OperationStatus? Status { get; set; }

    /// <summary>Only the newest this many entries (still listed oldest first); null for all.</summary>
    public int? Newest { get; set; }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Fanout;
using CpanelBilling.Core.Operations.Servers;

namespace CpanelBilling.Core.Operations.Reconcile;

/// <summary>
/// Compare and Repair. Compare reads each server once (listaccts; showbw and listpkgs only when needed) and sets it
/// against billing and the journal: every difference, typed, with the side Repair takes. Repair turns the
/// differences into a plan of actions — journal entries settled from the server's state first, then billing's
/// truth for status, package, own limits and dedicated IP, the server's for an opening billing missed and for a
/// shared address, and (only when asked) imports and deletions — and applies them through the account operations
/// (each account's in order, accounts side by side), so every server change is journaled, leased and throttled like
/// any other. Servers are read through <see cref="ServerFanOut"/>: a server that cannot be read is a failure of its
/// own and the others go on.
/// </summary>
public sealed class ReconcileOperations
{
    private readonly OperationContext context;
    private readonly RepairExecutor executor;
    private int maxParallelServers = 4;
    private int maxParallelAccounts = 4;

    public ReconcileOperations(OperationContext context)
    {
        this.context = context ?? throw new ArgumentNullException(nameof(context));
        executor = new RepairExecutor(context);
    }

    /// <summary>How many servers are read at once (each server's own request limit applies as well). Default 4.</summary>
    public int MaxParallelServers
    {
        get => maxParallelServers;
        set => maxParallelServers = AtLeastOne(value);
    }

    /// <summary>How many accounts are repaired at once, each account's actions in order (each server's own limits apply as well). Default 4.</summary>
    public int MaxParallelAccounts
    {
        get => maxParallelAccounts;
        set => maxParallelAccounts = AtLeastOne(value);
    }

    /// <summary>Every difference between billing and the servers in scope. Changes nothing.</summary>
    public async Task<AccountComparison> CompareAsync(ReconcileScope scope, IProgress<ServerProgress>? progress = null, CancellationToken cancellationToken = default) =>
        (await PlanAsync(scope, new RepairOptions(), progress, cancellationToken).ConfigureAwait(false)).Comparison;

    /// <summary>What Repair would do, action by action (what -WhatIf shows). Changes nothing.</summary>
    public async Task<RepairPlan> PlanAsync(ReconcileScope scope, RepairOptions? options = null, IProgress<ServerProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (scope == null)
        {
            throw new ArgumentNullException(nameof(scope));
        }

        RepairOptions planOptions = options ?? new RepairOptions();
        var (servers, failures) = await ServerFanOut.RunAsync(
            context.Billing,
            scope.IsAllServers ? null : scope.ServerNames,
            MaxParallelServers,
            async (server, token) =>
            {
                ServerSnapshot snapshot = await ServerSnapshot.ReadAsync(context, server, scope.UsersOn(server.Name), token).ConfigureAwait(false);

                // Journal entries are aged by the clock that stamped them, which may not be this host's.
                DateTime databaseNow = await context.Billing.GetDatabaseUtcNowAsync(token).ConfigureAwait(false);
                return ServerReconciliation.Of(snapshot, planOptions, databaseNow);
            },
            progress,
            cancellationToken).ConfigureAwait(false);

        var comparison = new AccountComparison(servers.SelectMany(r => r.Differences).ToList(), failures, servers.Count, servers.Sum(r => r.AccountsCompared));
        return new RepairPlan(comparison, servers.SelectMany(r => r.Actions).ToList(), servers.SelectMany(r => r.Unrepaired).ToList());
    }

    /// <summary>
    /// Applies one action of a plan. Expected failures (the server refused, billing failed, the account is busy) are
    /// returned as a Failed outcome, not thrown, so a caller can go on with the next action.
    /// </summary>
    public Task<RepairOutcome> ApplyAsync(RepairAction action, CancellationToken cancellationToken = default) =>
        executor.ApplyAsync(action ?? throw new ArgumentNullException(nameof(action)), cancellationToken);

    /// <summary>
    /// Applies actions of a plan (all, or those an admin approved): one account's actions in the order given — a
    /// plan's order for one account matters — and up to <see cref="MaxParallelAccounts"/> accounts side by side. A
    /// failed action is a Failed outcome and the account's next actions still run (each checks billing first).
    /// Each outcome is reported as soon as it is known; all are returned in the order the actions were given.
    /// </summary>
    public async Task<IReadOnlyList<RepairOutcome>> ApplyAsync(IEnumerable<RepairAction> actions, IProgress<RepairOutcome>? progress = null, CancellationToken cancellationToken = default)
    {
        List<RepairAction> ordered = (actions ?? throw new ArgumentNullException(nameof(actions))).ToList();
        if (ordered.Any(a => a is null))
        {
            throw new ArgumentException("An action is null.", nameof(actions));
        }

        var outcomes = new RepairOutcome[ordered.Count];
        IEnumerable<IGrouping<string, int>> byAccount = Enumerable.Range(0, ordered.Count).GroupBy(i => ordered[i].Target, StringComparer.OrdinalIgnoreCase);
        await BoundedParallel.ForEachAsync(
            byAccount,
            MaxParallelAccounts,
            async (account, token) =>
            {
                foreach (int i in account)
                {
                    outcomes[i] = await executor.ApplyAsync(ordered[i], token).ConfigureAwait(false);
                    progress?.Report(outcomes[i]);
                }
            },
            cancellationToken).ConfigureAwait(false);
        return outcomes;
    }

    /// <summary>Plans, then applies every action (see <see cref="ApplyAsync(IEnumerable{RepairAction}, IProgress{RepairOutcome}, CancellationToken)"/>).</summary>
    public async Task<RepairReport> RepairAsync(ReconcileScope scope, RepairOptions? options = null, IProgress<ServerProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        RepairPlan plan = await PlanAsync(scope, options, progress, cancellationToken).ConfigureAwait(false);
        return new RepairReport(plan, await ApplyAsync(plan.Actions, null, cancellationToken).ConfigureAwait(false));
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

    private static int AtLeastOne(int value) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Give 1 or more.");
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

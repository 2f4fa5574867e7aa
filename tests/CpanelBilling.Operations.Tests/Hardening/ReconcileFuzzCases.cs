using System;
using System.Collections.Generic;
using System.Linq;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Reconcile;
using CpanelBilling.Testing.Fuzzing;

namespace CpanelBilling.Operations.Tests.Hardening;

/// <summary>
/// Cases for Compare and Repair (a scope of servers and accounts billing does not have: each becomes a failure of
/// the result, the servers in scope are never read) and the journal listing.
/// </summary>
internal static class ReconcileFuzzCases
{
    public static FuzzCase Next(InputGenerator g, FuzzTargets t) => g.Between(0, 2) switch
    {
        0 or 1 => CompareOrRepair(g, t),
        _ => Journal(g, t),
    };

    private static FuzzCase CompareOrRepair(InputGenerator g, FuzzTargets t)
    {
        // Never web01 (it would be read) and never an empty scope (that means every server).
        var entries = new List<(string Server, string? User)>();
        for (int n = g.Between(1, 3); n > 0; n--)
        {
            string server = g.Chance(0.2) ? g.Blank() : g.Chance(0.3) ? g.Noise(20).Trim() + "x" : FuzzTargets.Unknown(g, "server");
            entries.Add((server, g.Chance(0.5) ? null : g.Chance(0.2) ? g.Blank() : g.UserName()));
        }

        bool blank = entries.Any(e => string.IsNullOrWhiteSpace(e.Server) || (e.User is not null && string.IsNullOrWhiteSpace(e.User)));
        int servers = entries.Select(e => e.Server.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        bool repair = g.Chance(0.5);
        var options = new RepairOptions { ImportUnknown = g.Chance(0.5), MarkMissingDeleted = g.Chance(0.5), ImportCustomerLogin = g.Chance(0.5) ? null : g.Noise(10) };
        Expectation expect = blank
            ? Expectation.Refused(FailureKind.InvalidArgument)
            : Expectation.Completes(result => result switch
            {
                AccountComparison c when c.Differences.Count == 0 && c.Failures.Count == servers && c.Failures.All(f => f.Error.Kind == FailureKind.NotFound) => null,
                RepairReport r when r.Plan.Actions.Count == 0 && r.Plan.Comparison.Failures.Count == servers => null,
                _ => "did not report each unknown server as a failure",
            });
        return new FuzzCase(
            repair ? "ReconcileOperations.RepairAsync" : "ReconcileOperations.CompareAsync",
            string.Join("; ", entries.Select(e => FuzzText.Show(("server", e.Server), ("user", e.User)))),
            expect,
            async () =>
            {
                var scope = new ReconcileScope();
                foreach ((string server, string? user) in entries)
                {
                    _ = user is null ? scope.AddServer(server) : scope.AddAccount(server, user);
                }

                var reconcile = new ReconcileOperations(t.Context);
                return repair ? await reconcile.RepairAsync(scope, options) : await reconcile.CompareAsync(scope);
            });
    }

    private static FuzzCase Journal(InputGenerator g, FuzzTargets t)
    {
        NameChoice? server = g.Chance(0.3) ? null : t.ServerChoice(g);
        string? user = g.Chance(0.5) ? null : g.UserName();
        int? newest = g.Pick<int?>(null, null, 1, 10, 0, -1, int.MinValue);
        var filter = new JournalFilter { ServerName = server?.Value, UserName = user, Newest = newest, Status = g.Pick<OperationStatus?>(null, OperationStatus.Pending, OperationStatus.Failed) };
        Expectation expect = newest < 1 || (user is not null && server is null) ? Expectation.Refused(FailureKind.InvalidArgument, OperationErrorIds.InvalidJournalFilter)
            : server?.State == NameState.Invalid ? Expectation.Refused(FailureKind.InvalidArgument, OperationErrorIds.InvalidServerSettings)
            : server?.State == NameState.Unknown ? Expectation.Refused(FailureKind.NotFound, OperationErrorIds.ServerNotFound)
            : Expectation.Completes(result => result is List<OperationJournalEntry> { Count: 0 } ? null : "listed entries of an empty journal");
        return new FuzzCase(
            "ReconcileOperations.ListJournalAsync",
            FuzzText.Show(("server", filter.ServerName), ("user", user), ("newest", newest), ("status", filter.Status?.ToString())),
            expect,
            async () =>
            {
                var entries = new List<OperationJournalEntry>();
                await foreach (OperationJournalEntry entry in new ReconcileOperations(t.Context).ListJournalAsync(filter))
                {
                    entries.Add(entry);
                }

                return entries;
            });
    }
}

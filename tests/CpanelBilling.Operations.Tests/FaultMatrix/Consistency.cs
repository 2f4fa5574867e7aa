using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Testing.Operations;
using CpanelBilling.WhmSimulator;
using BillingLimits = CpanelBilling.Core.Billing.AccountLimits;

namespace CpanelBilling.Operations.Tests.FaultMatrix;

/// <summary>
/// Judges billing against the simulator directly (not through Compare, which is under test too): what billing
/// holds for an account must be what the server has.
/// </summary>
internal static class Consistency
{
    /// <summary>Every way billing's account and the simulator's disagree; empty when they agree.</summary>
    public static async Task<List<string>> AccountProblemsAsync(OperationsWorld world, string userName)
    {
        var problems = new List<string>();
        Account? live = (await world.AccountsAsync()).LastOrDefault(a => a.UserName == userName && a.Status != AccountStatus.Deleted);
        SimulatedAccount? onServer = world.SimState.FindAccount(userName);
        if (live == null || live.Status == AccountStatus.New)
        {
            if (onServer != null)
            {
                problems.Add($"the server has '{userName}' but billing holds it {(live == null ? "deleted or not at all" : "as New")}");
            }

            return problems;
        }

        if (onServer == null)
        {
            problems.Add($"billing holds '{userName}' {live.Status} but the server has no such account");
            return problems;
        }

        Check(problems, "domain", live.DomainName, onServer.Domain);
        Check(problems, "suspended", (live.Status == AccountStatus.Suspended).ToString(), onServer.Suspended.ToString());
        Check(problems, "package", live.PackageName, onServer.Plan);
        Check(problems, "IP address", live.IpAddress, onServer.Ip);
        ServerPackage? package = await world.Billing.FindServerPackageAsync(world.Server.Id, live.PackageName!);
        BillingLimits expected = AccountLimitValues.Effective(live.Limits, AccountLimitValues.FromPackage(package?.Settings));
        BillingLimits actual = new()
        {
            Bandwidth = MegabyteLimit.Parse(onServer.Limits.BwLimit),
            Disk = MegabyteLimit.Parse(onServer.Limits.Quota),
            EmailAccounts = CountLimit.Parse(onServer.Limits.MaxPop),
            Databases = CountLimit.Parse(onServer.Limits.MaxSql),
            AddonDomains = CountLimit.Parse(onServer.Limits.MaxAddon),
        };
        foreach (AccountLimitKind kind in AccountLimitValues.Kinds)
        {
            Check(problems, kind + " limit", AccountLimitValues.Text(expected, kind), AccountLimitValues.Text(actual, kind));
        }

        return problems;
    }

    /// <summary>Journal entries left open: a change whose end nobody recorded.</summary>
    public static async Task<List<string>> JournalProblemsAsync(OperationsWorld world)
    {
        var problems = new List<string>();
        await foreach (OperationJournalEntry entry in world.Billing.ListOperationsAsync(new OperationJournalQuery { ServerId = world.Server.Id }))
        {
            if (entry.Status is OperationStatus.Pending or OperationStatus.Unknown)
            {
                problems.Add($"journal entry {entry.Id} ({entry.Function} for '{entry.UserName}') is still {entry.Status}");
            }
        }

        return problems;
    }

    /// <summary>createacct reaching the server more than once for one user.</summary>
    public static List<string> DuplicateCreates(OperationsWorld world) =>
        world.Simulator.Server.Requests
            .Where(r => r.Function == "createacct")
            .GroupBy(r => r.FormValue("username"))
            .Where(g => g.Count() > 1)
            .Select(g => $"createacct was sent {g.Count()} times for '{g.Key}'")
            .ToList();

    /// <summary>Billing's recorded bandwidth of the month differing from the server's total, per account.</summary>
    public static async Task<List<string>> BandwidthProblemsAsync(OperationsWorld world, BillingMonth month)
    {
        var problems = new List<string>();
        foreach (Account account in (await world.AccountsAsync()).Where(a => a.Status != AccountStatus.Deleted))
        {
            long recorded = await world.Billing.GetRecordedBandwidthForAccountAsync(account.Id, month);
            long onServer = world.SimState.GetBandwidth(account.UserName, month.Year, month.Month);
            if (recorded != onServer)
            {
                problems.Add($"billing records {recorded} bytes for '{account.UserName}' in {month}, the server {onServer}");
            }
        }

        return problems;
    }

    /// <summary>Each account's bandwidth records of the month, oldest first, by user name (accounts of the given users).</summary>
    public static async Task<Dictionary<string, IReadOnlyList<BandwidthRecord>>> BandwidthRecordsAsync(OperationsWorld world, BillingMonth month, IEnumerable<string> users)
    {
        var records = new Dictionary<string, IReadOnlyList<BandwidthRecord>>(StringComparer.Ordinal);
        List<Account> accounts = await world.AccountsAsync();
        foreach (string user in users)
        {
            Account? account = accounts.LastOrDefault(a => a.UserName == user && a.Status != AccountStatus.Deleted);
            records[user] = account == null ? new BandwidthRecord[0] : await world.Billing.ListBandwidthRecordsAsync(account.Id, month);
        }

        return records;
    }

    /// <summary>
    /// The bandwidth record tells what happened: each account has one row per reading that found more than billing
    /// held (the arranged recording, then the run under test or, where that wrote nothing, the recovery), each row
    /// the server's total then and the difference; a reading wrote all its accounts or none; and the recovery wrote
    /// exactly for the accounts the run left without their row.
    /// </summary>
    public static async Task<List<string>> BandwidthRecordProblemsAsync(
        OperationsWorld world, BillingMonth month, IReadOnlyDictionary<string, long[]> totals, Dictionary<string, IReadOnlyList<BandwidthRecord>> afterRun, int recoveryWrote)
    {
        var problems = new List<string>();
        int[] runWrote = afterRun.Values.Select(r => r.Count - 1).Distinct().ToArray();
        if (runWrote.Length != 1 || runWrote[0] is not (0 or 1))
        {
            problems.Add("after the run, the accounts' bandwidth rows are " + string.Join(", ", afterRun.Select(r => $"{r.Key}: {r.Value.Count}"))
                + "; a reading is recorded in one transaction, all its accounts or none, after the one arranged row");
        }

        int leftToRecovery = afterRun.Values.Count(r => r.Count == 1);
        if (recoveryWrote != leftToRecovery)
        {
            problems.Add($"the recovery recorded {recoveryWrote} account(s), but the run had left {leftToRecovery} without the row of its reading");
        }

        Dictionary<string, IReadOnlyList<BandwidthRecord>> final = await BandwidthRecordsAsync(world, month, totals.Keys);
        foreach ((string user, long[] readings) in totals)
        {
            string expected = Show(readings.Select((total, n) => (total, total - (n == 0 ? 0 : readings[n - 1]))));
            string actual = Show(final[user].Select(r => (r.ServerTotalBytes, r.DeltaBytes)));
            if (actual != expected)
            {
                problems.Add($"billing's bandwidth rows for '{user}' are {actual}; the readings were {expected}");
            }
        }

        return problems;
    }

    private static string Show(IEnumerable<(long Total, long Delta)> rows) =>
        "[" + string.Join(", ", rows.Select(r => $"total {r.Total} +{r.Delta}")) + "]";

    private static void Check(List<string> problems, string what, string? billing, string? server)
    {
        if (!string.Equals(billing, server, System.StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{what}: billing {billing ?? "(none)"}, server {server ?? "(none)"}");
        }
    }
}

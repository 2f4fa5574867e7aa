using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Reconcile;

/// <summary>
/// Sets one server's snapshot side by side: every difference, whose truth Repair takes for it, and the actions
/// that resolve them. The rules, per account:
/// <list type="bullet">
/// <item>an open journal entry is settled from the server's state first; a change it shows made is billing's to
/// catch up with (the operation was cut short after the server did the work), so that difference takes the
/// server's side; a recent Unknown entry the server does not show yet is left alone (its request may still be
/// running there);</item>
/// <item>otherwise billing's truth wins for status, package, own limits and a dedicated IP;</item>
/// <item>the server's truth wins for an opening billing missed and for a shared address;</item>
/// <item>accounts only one side has are reported, and changed only with an explicit option.</item>
/// </list>
/// </summary>
internal sealed partial class ServerReconciliation
{
    private readonly ServerSnapshot snapshot;
    private readonly RepairOptions options;
    private readonly DateTime databaseNow;
    private readonly List<AccountDifference> differences = new();
    private readonly List<RepairAction> actions = new();
    private readonly HashSet<AccountDifference> resolved = new();

    private ServerReconciliation(ServerSnapshot snapshot, RepairOptions options, DateTime databaseNow)
    {
        this.snapshot = snapshot;
        this.options = options;
        this.databaseNow = databaseNow;
    }

    public IReadOnlyList<AccountDifference> Differences => differences;

    public IReadOnlyList<RepairAction> Actions => actions;

    /// <summary>Differences no action resolves.</summary>
    public IEnumerable<AccountDifference> Unrepaired => differences.Where(d => !resolved.Contains(d));

    /// <summary>Billing's accounts and the server's accounts compared, each counted once.</summary>
    public int AccountsCompared { get; private set; }

    private string ServerName => snapshot.Server.Name;

    public static ServerReconciliation Of(ServerSnapshot snapshot, RepairOptions options, DateTime databaseNow)
    {
        var reconciliation = new ServerReconciliation(snapshot, options, databaseNow);
        reconciliation.Run();
        return reconciliation;
    }

    private void Run()
    {
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var liveIds = new HashSet<long>();
        foreach (Account account in snapshot.BillingAccounts)
        {
            known.Add(account.UserName);
            liveIds.Add(account.Id);
            ReconcileAccount(account, snapshot.OpenEntries.Where(e => e.AccountId == account.Id).ToList());
        }

        // Entries of accounts that are deleted in billing (or were never recorded): settled from the server alone.
        foreach (IGrouping<string?, OperationJournalEntry> orphans in snapshot.OpenEntries
            .Where(e => JournaledChangeCheck.IsAccountChange(e) && !(e.AccountId is { } id && liveIds.Contains(id)))
            .GroupBy(e => e.UserName, StringComparer.OrdinalIgnoreCase))
        {
            ServerAccountView view = snapshot.ViewOf(orphans.Key);
            SettleEntries(null, orphans.Key, orphans.ToList(), orphans.ToDictionary(e => e, e => JournaledChangeCheck.Judge(e, view)), finishesOpening: false);
        }

        foreach (OperationJournalEntry entry in snapshot.OpenEntries.Where(PackageEntryCheck.IsPackageChange))
        {
            ReconcilePackageEntry(entry);
        }

        foreach (WhmAccount unknown in snapshot.ServerAccounts.Where(a => !known.Contains(a.User)).OrderBy(a => a.User, StringComparer.Ordinal))
        {
            ReconcileUnknown(unknown);
        }

        AccountsCompared = known.Count + snapshot.ServerAccounts.Count(a => !known.Contains(a.User));
    }

    private void ReconcilePackageEntry(OperationJournalEntry entry)
    {
        string package = PackageEntryCheck.PackageName(entry) ?? "?";
        string item = "#" + Text(entry.Id) + " " + entry.Function;
        if (databaseNow - entry.ChangedUtc < options.ServerEntryGrace)
        {
            Report(DifferenceKind.OpenJournalEntry, null, null, entry.Status.ToString(), null, RepairSide.None,
                $"Journal entry {entry.Id} ({entry.Function} '{package}') is {entry.Status} and recent: its operation may still be running, so Repair leaves it for now.",
                item, entry.Id);
            return;
        }

        ChangeEffect effect = PackageEntryCheck.Judge(entry, snapshot.Packages!);
        AccountDifference difference = Report(DifferenceKind.OpenJournalEntry, null, null, entry.Status.ToString(), JournaledChangeCheck.Describe(effect), RepairSide.Server,
            $"Journal entry {entry.Id} ({entry.Function} '{package}') is {entry.Status}; the server shows the change {JournaledChangeCheck.Describe(effect)}: billing's packages are read from the server and the entry is marked "
            + (effect == ChangeEffect.Made ? "Succeeded." : "Failed."),
            item, entry.Id);
        Resolve(Add(new RepairAction(RepairActionKind.SettleJournalEntry, ServerName, null, null,
            $"Read the packages of '{ServerName}' into billing and mark journal entry {entry.Id} ({entry.Function} '{package}') {(effect == ChangeEffect.Made ? "Succeeded" : "Failed")}.").WithEntry(entry.Id)), difference);
    }

    private void ReconcileUnknown(WhmAccount unknown)
    {
        AccountDifference difference = Report(DifferenceKind.NotInBilling, null, unknown.User, null, $"{unknown.Domain} ({unknown.Plan})", RepairSide.ServerWhenAsked,
            $"'{unknown.User}' ({unknown.Domain}, package '{unknown.Plan}') is on '{ServerName}' but not in billing. Repair-CpAccount -ImportUnknown records it in billing.");
        if (options.ImportUnknown)
        {
            Resolve(Add(new RepairAction(RepairActionKind.Import, ServerName, unknown.User, null,
                $"Import '{unknown.User}' ({unknown.Domain}) into billing: "
                + (options.ImportCustomerLogin == null ? $"customer '{ImportedCustomerLogin(unknown.User, ServerName)}'" : $"customer '{options.ImportCustomerLogin}'")
                + $", the plan mapped to package '{unknown.Plan}', its IP address {unknown.Ip}, {(unknown.IsSuspended ? "Suspended" : "Active")}.")
            {
                PlannedServerAccount = unknown,
            }), difference);
        }
    }

    /// <summary>The customer an account imported without a named customer gets: one per server account.</summary>
    internal static string ImportedCustomerLogin(string userName, string serverName) => (userName + "@" + serverName).ToLowerInvariant();

    private static bool Supersedes(OperationJournalEntry later, OperationJournalEntry earlier)
    {
        IReadOnlyCollection<string> touched = JournaledChangeCheck.Touches(earlier);
        return touched.Count > 0 && touched.All(JournaledChangeCheck.Touches(later).Contains);
    }

    /// <summary>True when the latest open entry matching <paramref name="match"/> is one the server shows made.</summary>
    private static bool LatestMade(List<OperationJournalEntry> entries, Dictionary<OperationJournalEntry, ChangeEffect> effects, Func<OperationJournalEntry, bool> match) =>
        entries.LastOrDefault(match) is { } latest && effects[latest] == ChangeEffect.Made;

    private RepairAction? SettleActionOf(List<OperationJournalEntry> entries, string function) =>
        SettleActionOf(entries, e => e.Function == function);

    private RepairAction? SettleActionOf(List<OperationJournalEntry> entries, Func<OperationJournalEntry, bool> match) =>
        entries.LastOrDefault(match) is { } latest ? actions.LastOrDefault(a => a.JournalEntryIds.Contains(latest.Id)) : null;

    private AccountDifference Report(
        DifferenceKind kind, Account? account, string? userName, string? billingValue, string? serverValue, RepairSide side, string description,
        string? item = null, long? journalEntryId = null, AccountLimitKind? limit = null)
    {
        var difference = new AccountDifference(kind, ServerName, account?.UserName ?? userName, account?.Id, item, billingValue, serverValue, side, description, journalEntryId, limit);
        differences.Add(difference);
        return difference;
    }

    private RepairAction Add(RepairAction action)
    {
        action.Options = options;
        actions.Add(action);
        return action;
    }

    private void Resolve(RepairAction action, AccountDifference difference)
    {
        action.Resolve(difference);
        resolved.Add(difference);
    }

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}

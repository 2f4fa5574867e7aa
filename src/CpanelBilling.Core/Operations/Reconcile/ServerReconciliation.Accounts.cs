using System;
using System.Collections.Generic;
using System.Linq;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Reconcile;

// The rules for one billing account: its open journal entries first, then each attribute, each with its side.
internal sealed partial class ServerReconciliation
{
    private void ReconcileAccount(Account account, List<OperationJournalEntry> entries)
    {
        ServerAccountView view = snapshot.ViewOf(account.UserName);
        WhmAccount? onServer = view.Account;
        bool sameAccount = ServerAccountChanges.IsSameAccount(onServer, account.DomainName);
        bool finishesOpening = account.Status == AccountStatus.New && sameAccount;
        Dictionary<OperationJournalEntry, ChangeEffect> effects = entries.ToDictionary(e => e, e => JournaledChangeCheck.Judge(e, view));
        bool packageMadeByJournal = LatestMade(entries, effects, e => e.Function == WhmFunctions.ChangePackage);

        SettleEntries(account, account.UserName, entries, effects, finishesOpening);

        if (onServer != null && !sameAccount)
        {
            Report(DifferenceKind.OtherAccountOnServer, account, null, account.DomainName, onServer.Domain, RepairSide.None,
                $"'{account.UserName}' on '{ServerName}' has domain '{onServer.Domain}' on the server but '{account.DomainName}' in billing: it is not billing's account. A person must decide (rename one of them, or remove the other).");
            return;
        }

        if (account.Status == AccountStatus.New)
        {
            if (finishesOpening)
            {
                AccountDifference difference = Report(DifferenceKind.NotRecordedAsOpen, account, null, "New", "exists", RepairSide.Server,
                    $"'{account.UserName}' ({account.DomainName}) exists on '{ServerName}' but billing holds it as New: the opening is finished from the server (adopted, not created again).");
                RepairAction finish = actions.LastOrDefault(a => a.Kind == RepairActionKind.FinishOpening && a.AccountId == account.Id)
                    ?? Add(new RepairAction(RepairActionKind.FinishOpening, ServerName, account.UserName, account,
                        $"Finish opening '{account.UserName}' ({account.DomainName}) from the account the server has: record its IP address, apply its own limits, mark it Active."));
                Resolve(finish, difference);
            }

            return;
        }

        if (onServer == null)
        {
            ReconcileMissing(account, entries, effects);
            return;
        }

        ReconcileStatus(account, onServer, entries, effects);
        RepairAction? packageChange = ReconcilePackage(account, onServer, entries, packageMadeByJournal);
        RepairAction? replansIp = packageChange ?? (packageMadeByJournal ? SettleActionOf(entries, WhmFunctions.ChangePackage) : null);
        ReconcileAddress(account, onServer, replansIp);
        ReconcileLimits(account, view, entries, effects, replansIp);
    }

    /// <summary>An action per open entry (createacct ones folded into the opening, when it is finished).</summary>
    private void SettleEntries(Account? account, string? userName, List<OperationJournalEntry> entries, Dictionary<OperationJournalEntry, ChangeEffect> effects, bool finishesOpening)
    {
        RepairAction? finish = null;
        foreach (OperationJournalEntry entry in entries)
        {
            ChangeEffect effect = effects[entry];
            if (JournaledChangeCheck.MayStillBeRunning(entry, effect, options.ServerEntryGrace, databaseNow))
            {
                Report(DifferenceKind.OpenJournalEntry, account, userName, entry.Status.ToString(), JournaledChangeCheck.Describe(effect), RepairSide.None,
                    $"Journal entry {entry.Id} ({entry.Function} for '{userName}') is Unknown and recent: the server does not show the change yet, but it may still be in progress there, so Repair leaves it for now.",
                    item: "#" + Text(entry.Id) + " " + entry.Function,
                    journalEntryId: entry.Id);
                continue;
            }

            OperationJournalEntry? later = entries.LastOrDefault(e => e.Id > entry.Id && Supersedes(e, entry));
            string serverValue = later != null ? "superseded by #" + Text(later.Id) : JournaledChangeCheck.Describe(effect);
            AccountDifference difference = Report(DifferenceKind.OpenJournalEntry, account, userName, entry.Status.ToString(), serverValue, RepairSide.Server,
                $"Journal entry {entry.Id} ({entry.Function} for '{userName}') is {entry.Status}; the server shows the change {serverValue}: "
                + (effect == ChangeEffect.Made && later == null ? "billing finishes it and the entry is marked Succeeded." : "the entry is marked Failed."),
                item: "#" + Text(entry.Id) + " " + entry.Function,
                journalEntryId: entry.Id);

            if (entry.Function == WhmFunctions.CreateAccount && finishesOpening && account != null)
            {
                finish ??= Add(new RepairAction(RepairActionKind.FinishOpening, ServerName, userName, account,
                    $"Finish opening '{userName}' ({account.DomainName}): the server has the account createacct was sent for; record its IP address, apply its own limits, mark it Active."));
                finish.WithEntry(entry.Id);
                Resolve(finish, difference);
                continue;
            }

            string what = later != null
                ? $"Mark journal entry {entry.Id} ({entry.Function}) Failed: entry {later.Id} changed the same since."
                : effect switch
                {
                    ChangeEffect.Made when entry.Function == WhmFunctions.ChangePackage =>
                        $"Finish journal entry {entry.Id} ({entry.Function} '{JournaledChangeCheck.Parameter(entry, "pkg")}'): move billing to the plan of that package, apply the account's own limits and dedicated IP again, mark it Succeeded.",
                    ChangeEffect.Made => $"Finish journal entry {entry.Id} ({entry.Function}) in billing, as the server shows the change made, and mark it Succeeded.",
                    ChangeEffect.NotMade => $"Mark journal entry {entry.Id} ({entry.Function}) Failed: the server shows the change not made.",
                    _ => $"Mark journal entry {entry.Id} ({entry.Function}) Failed: the change cannot be read back from the server; make it again if it matters.",
                };
            RepairAction settle = Add(new RepairAction(RepairActionKind.SettleJournalEntry, ServerName, userName, account, what) { SupersededBy = later?.Id }.WithEntry(entry.Id));
            Resolve(settle, difference);
        }
    }

    private void ReconcileMissing(Account account, List<OperationJournalEntry> entries, Dictionary<OperationJournalEntry, ChangeEffect> effects)
    {
        bool removedByJournal = LatestMade(entries, effects, e => e.Function == WhmFunctions.RemoveAccount);
        AccountDifference difference = Report(DifferenceKind.NotOnServer, account, null, account.Status.ToString(), null,
            removedByJournal ? RepairSide.Server : RepairSide.ServerWhenAsked,
            removedByJournal
                ? $"'{account.UserName}' is gone from '{ServerName}' (removeacct was made) but billing holds it as {account.Status}: billing marks it Deleted."
                : $"'{account.UserName}' ({account.DomainName}) is {account.Status} in billing but not on '{ServerName}'. Repair-CpAccount -MarkMissingDeleted marks it Deleted.");
        if (removedByJournal)
        {
            Resolve(SettleActionOf(entries, WhmFunctions.RemoveAccount)!, difference);
        }
        else if (options.MarkMissingDeleted)
        {
            Resolve(Add(new RepairAction(RepairActionKind.MarkDeleted, ServerName, account.UserName, account,
                $"Mark '{account.UserName}' ({account.DomainName}) Deleted in billing, as the server has no such account (checked again first); its IP addresses are released.")), difference);
        }
    }

    private void ReconcileStatus(Account account, WhmAccount onServer, List<OperationJournalEntry> entries, Dictionary<OperationJournalEntry, ChangeEffect> effects)
    {
        bool suspendedInBilling = account.Status == AccountStatus.Suspended;
        if (suspendedInBilling == onServer.IsSuspended)
        {
            return;
        }

        Func<OperationJournalEntry, bool> statusEntry = e => e.Function is WhmFunctions.SuspendAccount or WhmFunctions.UnsuspendAccount;
        bool byJournal = LatestMade(entries, effects, statusEntry);
        string serverValue = onServer.IsSuspended ? "Suspended" : "Active";
        AccountDifference difference = Report(DifferenceKind.Status, account, null, account.Status.ToString(), serverValue, byJournal ? RepairSide.Server : RepairSide.Billing,
            byJournal
                ? $"'{account.UserName}' is {serverValue} on '{ServerName}' (an unfinished operation made it so) but {account.Status} in billing: billing takes the server's status."
                : $"'{account.UserName}' is {account.Status} in billing but {serverValue} on '{ServerName}': the server is brought to billing's status.");
        if (byJournal)
        {
            Resolve(SettleActionOf(entries, statusEntry)!, difference);
            return;
        }

        RepairAction action = suspendedInBilling
            ? new RepairAction(RepairActionKind.Suspend, ServerName, account.UserName, account,
                $"Suspend '{account.UserName}' on '{ServerName}'" + (account.SuspendReason == null ? "." : $" with billing's reason '{account.SuspendReason}'."))
            : new RepairAction(RepairActionKind.Resume, ServerName, account.UserName, account, $"Unsuspend '{account.UserName}' on '{ServerName}', as billing holds it Active.");
        Resolve(Add(action), difference);
    }

    private RepairAction? ReconcilePackage(Account account, WhmAccount onServer, List<OperationJournalEntry> entries, bool byJournal)
    {
        if (string.Equals(account.PackageName, onServer.Plan, StringComparison.Ordinal))
        {
            return null;
        }

        if (account.PackageName == null)
        {
            Report(DifferenceKind.Package, account, null, null, onServer.Plan, RepairSide.None,
                $"Plan '{account.PlanName}' of '{account.UserName}' has no package on '{ServerName}', which has the account on '{onServer.Plan}'. Map the plan to a package (New-CpPlan), then repair again.");
            return null;
        }

        AccountDifference difference = Report(DifferenceKind.Package, account, null, account.PackageName, onServer.Plan, byJournal ? RepairSide.Server : RepairSide.Billing,
            byJournal
                ? $"'{account.UserName}' is on package '{onServer.Plan}' on '{ServerName}' (an unfinished plan change made it so) but on '{account.PackageName}' in billing: billing takes the server's package."
                : $"'{account.UserName}' is on package '{onServer.Plan}' on '{ServerName}' but billing's plan '{account.PlanName}' maps to '{account.PackageName}': the server is moved to billing's package.");
        if (byJournal)
        {
            Resolve(SettleActionOf(entries, WhmFunctions.ChangePackage)!, difference);
            return null;
        }

        RepairAction change = Add(new RepairAction(RepairActionKind.ChangePackage, ServerName, account.UserName, account,
            $"Move '{account.UserName}' on '{ServerName}' from package '{onServer.Plan}' to '{account.PackageName}' (billing's plan '{account.PlanName}'), then apply its own limits and dedicated IP again."));
        Resolve(change, difference);
        return change;
    }

    private void ReconcileAddress(Account account, WhmAccount onServer, RepairAction? packageChange)
    {
        if (onServer.Ip == null || string.Equals(account.IpAddress, onServer.Ip, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (account.DedicatedIp != null)
        {
            AccountDifference dedicated = Report(DifferenceKind.IpAddress, account, null, account.DedicatedIp, onServer.Ip, RepairSide.Billing,
                $"'{account.UserName}' has {onServer.Ip} on '{ServerName}' but its dedicated IP in billing is {account.DedicatedIp}: the server is moved to billing's address.");
            Resolve(packageChange ?? Add(new RepairAction(RepairActionKind.MoveToDedicatedIp, ServerName, account.UserName, account,
                $"Move '{account.UserName}' on '{ServerName}' to its dedicated IP {account.DedicatedIp} (setsiteip).")), dedicated);
            return;
        }

        AccountDifference shared = Report(DifferenceKind.IpAddress, account, null, account.IpAddress, onServer.Ip, RepairSide.Server,
            account.IpAddress == null
                ? $"Billing records no address for '{account.UserName}'; '{ServerName}' has it on {onServer.Ip}: billing records the server's address."
                : $"Billing records {account.IpAddress} for '{account.UserName}' but '{ServerName}' has it on {onServer.Ip}: billing records the server's address.");
        if (packageChange != null)
        {
            // The package change settles the address: a package with a dedicated IP gets billing's, put on the server.
            Resolve(packageChange, shared);
            return;
        }

        Resolve(Add(new RepairAction(RepairActionKind.RecordServerIp, ServerName, account.UserName, account,
            $"Record {onServer.Ip} as the address of '{account.UserName}' in billing, as the server has it.")), shared);
    }

    private void ReconcileLimits(Account account, ServerAccountView view, List<OperationJournalEntry> entries, Dictionary<OperationJournalEntry, ChangeEffect> effects, RepairAction? packageChange)
    {
        AccountLimits onServer = view.Limits;
        var lost = new List<(AccountLimitKind Kind, AccountDifference Difference)>();
        foreach (AccountLimitKind kind in AccountLimitValues.Kinds)
        {
            string? own = AccountLimitValues.Text(account.Limits, kind);
            string? server = AccountLimitValues.Text(onServer, kind);
            if (own == null || server == null || own == server)
            {
                continue;
            }

            bool byJournal = LatestMade(entries, effects, e => JournaledChangeCheck.TouchesLimit(e, kind));
            AccountDifference difference = Report(DifferenceKind.Limit, account, null, own, server, byJournal ? RepairSide.Server : RepairSide.Billing,
                byJournal
                    ? $"'{account.UserName}' has {kind.Describe()} {server} on '{ServerName}' (an unfinished limit change set it) but billing's own limit is {own}: billing takes the server's value."
                    : $"'{account.UserName}' has {kind.Describe()} {server} on '{ServerName}' but its own limit in billing is {own} (lost, e.g. by a package change or edit): billing's limit is applied again.",
                item: kind.ToString(),
                limit: kind);
            if (byJournal)
            {
                Resolve(SettleActionOf(entries, e => JournaledChangeCheck.TouchesLimit(e, kind))!, difference);
            }
            else
            {
                lost.Add((kind, difference));
            }
        }

        if (lost.Count == 0)
        {
            return;
        }

        RepairAction reapply = packageChange ?? Add(new RepairAction(RepairActionKind.ReapplyLimits, ServerName, account.UserName, account,
            $"Apply the own limits of '{account.UserName}' from billing on '{ServerName}' again: {string.Join(", ", lost.Select(l => l.Kind.Describe() + " " + l.Difference.BillingValue))}.")
        {
            LimitKinds = lost.Select(l => l.Kind).ToList(),
        });
        foreach ((_, AccountDifference difference) in lost)
        {
            Resolve(reapply, difference);
        }
    }
}

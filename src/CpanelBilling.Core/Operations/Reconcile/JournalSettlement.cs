using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Operations.Packages;
using CpanelBilling.Core.Operations.Throttling;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Reconcile;

/// <summary>
/// Settles a journal entry whose end billing never recorded (the process stopped or the database failed after the
/// server answered, or the outcome could not be read): under the account's lease, the server is read and the
/// entry judged. A change the server shows made is finished in billing — the status, the deletion, the own limits
/// sent — and the entry marked Succeeded; a plan change or an opening is finished through its operation, which
/// applies the account's own limits and IP as well. A change the server shows not made is marked Failed, except
/// a recent Unknown one, whose request may still be running on the server: it is left for a later repair. Recent is
/// by the database's clock, which stamped the entry, read after the server was. No changing call is repeated to
/// settle an entry except by those two operations.
/// </summary>
internal sealed class JournalSettlement
{
    private readonly OperationContext context;
    private readonly AccountOperations accounts;

    public JournalSettlement(OperationContext context, AccountOperations accounts)
    {
        this.context = context;
        this.accounts = accounts;
    }

    private IBillingRepository Billing => context.Billing;

    public async Task<RepairOutcome> SettleAsync(RepairAction action, CancellationToken cancellationToken)
    {
        OperationJournalEntry entry = await Billing.GetOperationAsync(action.JournalEntryIds[0], cancellationToken).ConfigureAwait(false);
        if (!IsOpen(entry))
        {
            return SettledMeanwhile(action, entry);
        }

        if (PackageEntryCheck.IsPackageChange(entry))
        {
            return await SettlePackageEntryAsync(action, entry, cancellationToken).ConfigureAwait(false);
        }

        return entry.AccountId is { } accountId
            ? await SettleAccountEntryAsync(action, entry, accountId, cancellationToken).ConfigureAwait(false)
            : await SettleUserEntryAsync(action, entry, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks the entries that are still open Failed; returns how many.</summary>
    public async Task<int> FailOpenEntriesAsync(IEnumerable<long> entryIds, string why)
    {
        int settled = 0;
        foreach (long id in entryIds)
        {
            if (await CompleteAsync(id, OperationStatus.Failed, why).ConfigureAwait(false))
            {
                settled++;
            }
        }

        return settled;
    }

    private async Task<RepairOutcome> SettleAccountEntryAsync(RepairAction action, OperationJournalEntry entry, long accountId, CancellationToken cancellationToken)
    {
        Account account = await Billing.GetAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
        string? planToFinish;
        await using (AccountWork work = await AccountWork.BeginAsync(context, account, cancellationToken).ConfigureAwait(false))
        {
            // Read again under the lease: the operation that wrote it may have finished it while this one waited.
            entry = await Billing.GetOperationAsync(entry.Id, cancellationToken).ConfigureAwait(false);
            if (!IsOpen(entry))
            {
                return SettledMeanwhile(action, entry);
            }

            if (action.SupersededBy is { } later)
            {
                return await FailAsync(action, entry, $"Superseded by journal entry {Text(later)}, which changed the same since; whether this change took effect in between cannot be read, and the server's state is the later one's.", work.Account).ConfigureAwait(false);
            }

            ServerAccountView view = await ServerAccountView.ReadAsync(work, JournaledChangeCheck.NeedsBandwidth(entry), cancellationToken).ConfigureAwait(false);
            ChangeEffect effect = JournaledChangeCheck.Judge(entry, view);
            DateTime databaseNow = await Billing.GetDatabaseUtcNowAsync(cancellationToken).ConfigureAwait(false);
            if (JournaledChangeCheck.MayStillBeRunning(entry, effect, action.Options.ServerEntryGrace, databaseNow))
            {
                return MayStillBeRunning(action, entry);
            }

            switch (effect)
            {
                case ChangeEffect.NotMade:
                    return await FailAsync(action, entry, "Settled by repair: the server shows the change was not made.", work.Account).ConfigureAwait(false);
                case ChangeEffect.Unreadable:
                    return await FailAsync(action, entry, $"Settled by repair: whether {entry.Function} took effect cannot be read back from the server; make the change again if it matters.", work.Account).ConfigureAwait(false);
            }

            planToFinish = await FinishInBillingAsync(work, entry, view, cancellationToken).ConfigureAwait(false);
            if (planToFinish == null)
            {
                await CompleteAsync(entry.Id, OperationStatus.Succeeded, null).ConfigureAwait(false);
                return RepairOutcome.Done(action, $"The server shows {entry.Function} for '{work.UserName}' made; billing was brought in line and journal entry {Text(entry.Id)} marked Succeeded.", work.Result(changed: true));
            }
        }

        // Finishing needs an operation that takes the lease itself (it was released above).
        AccountChangeResult result = entry.Function == WhmFunctions.CreateAccount
            ? await accounts.OpenAsync(AccountReference.ById(accountId), new ContinueOpeningOptions(), cancellationToken).ConfigureAwait(false)
            : await accounts.ChangePlanAsync(AccountReference.ById(accountId), planToFinish, force: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        await CompleteAsync(entry.Id, OperationStatus.Succeeded, null).ConfigureAwait(false);
        return RepairOutcome.Done(action, $"The server shows {entry.Function} for '{account.UserName}' made; the operation was finished and journal entry {Text(entry.Id)} marked Succeeded.", result);
    }

    /// <summary>
    /// Writes to billing what the operation would have written after the change. Returns the plan to finish through
    /// an operation (a plan change, or "" for an opening), or null when billing is in line.
    /// </summary>
    private async Task<string?> FinishInBillingAsync(AccountWork work, OperationJournalEntry entry, ServerAccountView view, CancellationToken cancellationToken)
    {
        Account account = work.Account;
        bool live = account.Status is AccountStatus.Active or AccountStatus.Suspended;
        switch (entry.Function)
        {
            case WhmFunctions.SuspendAccount when live:
                string? reason = JournaledChangeCheck.Parameter(entry, "reason");
                await SetStatusAsync(work, "mark the account Suspended", AccountStatus.Suspended, reason, cancellationToken).ConfigureAwait(false);
                return null;
            case WhmFunctions.UnsuspendAccount when live:
                await SetStatusAsync(work, "mark the account Active", AccountStatus.Active, null, cancellationToken).ConfigureAwait(false);
                return null;
            case WhmFunctions.RemoveAccount when account.Status != AccountStatus.Deleted:
                await SetStatusAsync(work, "mark the account Deleted", AccountStatus.Deleted, null, cancellationToken).ConfigureAwait(false);
                return null;
            case WhmFunctions.CreateAccount when account.Status == AccountStatus.New:
                return string.Empty;
            case WhmFunctions.ChangePackage when live:
                string package = JournaledChangeCheck.Parameter(entry, "pkg")!;
                BillingPlan? plan = await Billing.FindPlanForPackageAsync(work.Server.Id, package, cancellationToken).ConfigureAwait(false);
                return plan?.Name ?? throw new ReconcileException(
                    ReconcileErrorIds.NoPlanForPackage,
                    FailureKind.NotFound,
                    $"The server shows '{work.UserName}' moved to package '{package}' (journal entry {Text(entry.Id)}), but no billing plan is mapped to that package on '{work.Server.Name}'. Map a plan to it (New-CpPlan), then repair again; the entry stays open.",
                    work.UserName);
            case WhmFunctions.LimitBandwidth or WhmFunctions.EditQuota or WhmFunctions.ModifyAccount when account.Status != AccountStatus.Deleted:
                await TakeSentLimitsAsync(work, entry, cancellationToken).ConfigureAwait(false);
                return null;
            default:
                // setsiteip (billing already holds the address it sent), or an account billing has closed since.
                return null;
        }
    }

    private Task SetStatusAsync(AccountWork work, string what, AccountStatus status, string? reason, CancellationToken cancellationToken) =>
        work.UpdateBillingAsync(
            what,
            (current, ct) => Billing.SetAccountStatusAsync(current.Id, current.RowVersion, status, reason, ct),
            current => current.Status == status && (status != AccountStatus.Suspended || current.SuspendReason == reason),
            cancellationToken);

    /// <summary>
    /// The limits the entry put on the server become billing's: a value that is the package's means "as the package
    /// says" (no own limit), any other value is the account's own limit.
    /// </summary>
    private async Task TakeSentLimitsAsync(AccountWork work, OperationJournalEntry entry, CancellationToken cancellationToken)
    {
        PackageSettings? packageSettings = work.Account.PackageName == null
            ? null
            : (await Billing.FindServerPackageAsync(work.Server.Id, work.Account.PackageName, cancellationToken).ConfigureAwait(false))?.Settings;
        AccountLimits package = AccountLimitValues.FromPackage(packageSettings);
        AccountLimits own = AccountLimitValues.Clone(work.Account.Limits);
        bool changed = false;
        foreach (KeyValuePair<AccountLimitKind, string> sent in JournaledChangeCheck.SentLimits(entry, out _))
        {
            string? effective = AccountLimitValues.Text(work.Account.Limits, sent.Key) ?? AccountLimitValues.Text(package, sent.Key);
            if (effective == sent.Value)
            {
                continue;
            }

            var value = new AccountLimitsChange();
            if (AccountLimitValues.Text(package, sent.Key) != sent.Value)
            {
                value.SetFromText(sent.Key, sent.Value);
            }

            AccountLimitValues.Copy(value.Set, own, sent.Key);
            changed = true;
        }

        if (changed)
        {
            await work.UpdateBillingAsync(
                "store the account's limits",
                (current, ct) => Billing.SetAccountLimitsAsync(current.Id, current.RowVersion, own, ct),
                current => AccountLimitValues.Kinds.All(kind => AccountLimitValues.Text(current.Limits, kind) == AccountLimitValues.Text(own, kind)),
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>An account change without a billing account (a createacct refused before billing recorded it): journal only.</summary>
    private async Task<RepairOutcome> SettleUserEntryAsync(RepairAction action, OperationJournalEntry entry, CancellationToken cancellationToken)
    {
        BillingServer server = await Billing.GetServerAsync(entry.ServerId, cancellationToken).ConfigureAwait(false);
        WhmAccount? onServer = null;
        if (entry.UserName != null)
        {
            IWhmClient client = context.Servers.Connect(server);
            using (await context.Throttle.EnterAsync(server, ThrottleLane.Requests, cancellationToken).ConfigureAwait(false))
            {
                onServer = await client.GetAccountSummaryAsync(entry.UserName, cancellationToken).ConfigureAwait(false);
            }
        }

        ChangeEffect effect = JournaledChangeCheck.Judge(entry, new ServerAccountView(onServer, bandwidthRead: false, bandwidthLimit: null));
        DateTime databaseNow = await Billing.GetDatabaseUtcNowAsync(cancellationToken).ConfigureAwait(false);
        if (JournaledChangeCheck.MayStillBeRunning(entry, effect, action.Options.ServerEntryGrace, databaseNow))
        {
            return MayStillBeRunning(action, entry);
        }

        return effect == ChangeEffect.Made
            ? await SucceedAsync(action, entry, $"The server shows {entry.Function} for '{entry.UserName}' made; billing has no account for it, so only the journal entry was marked Succeeded.").ConfigureAwait(false)
            : await FailAsync(action, entry, $"Settled by repair: the server shows {entry.Function} for '{entry.UserName}' {JournaledChangeCheck.Describe(effect)}.", null).ConfigureAwait(false);
    }

    private async Task<RepairOutcome> SettlePackageEntryAsync(RepairAction action, OperationJournalEntry entry, CancellationToken cancellationToken)
    {
        DateTime databaseNow = await Billing.GetDatabaseUtcNowAsync(cancellationToken).ConfigureAwait(false);
        if (databaseNow - entry.ChangedUtc < action.Options.ServerEntryGrace)
        {
            return RepairOutcome.Skipped(action, $"Journal entry {Text(entry.Id)} ({entry.Function}) is recent; its operation may still be running.");
        }

        BillingServer server = await Billing.GetServerAsync(entry.ServerId, cancellationToken).ConfigureAwait(false);
        IWhmClient client = context.Servers.Connect(server);
        IReadOnlyList<WhmPackage> listed;
        using (await context.Throttle.EnterAsync(server, ThrottleLane.Requests, cancellationToken).ConfigureAwait(false))
        {
            listed = await PackageInventory.ReadAsync(client, cancellationToken).ConfigureAwait(false);
            await Billing.SyncServerPackagesAsync(server.Id, listed, cancellationToken).ConfigureAwait(false);
        }

        string package = PackageEntryCheck.PackageName(entry) ?? "?";
        return PackageEntryCheck.Judge(entry, listed) == ChangeEffect.Made
            ? await SucceedAsync(action, entry, $"The server shows {entry.Function} '{package}' made; billing's packages of '{server.Name}' were read from the server and journal entry {Text(entry.Id)} marked Succeeded.").ConfigureAwait(false)
            : await FailAsync(action, entry, $"Settled by repair: the server shows {entry.Function} '{package}' not made; billing's packages were read from the server.", null).ConfigureAwait(false);
    }

    private async Task<RepairOutcome> SucceedAsync(RepairAction action, OperationJournalEntry entry, string message) =>
        await CompleteAsync(entry.Id, OperationStatus.Succeeded, null).ConfigureAwait(false)
            ? RepairOutcome.Done(action, message)
            : SettledMeanwhile(action, entry);

    private async Task<RepairOutcome> FailAsync(RepairAction action, OperationJournalEntry entry, string why, Account? account) =>
        await CompleteAsync(entry.Id, OperationStatus.Failed, why).ConfigureAwait(false)
            ? RepairOutcome.Done(action, $"Journal entry {Text(entry.Id)} ({entry.Function}) marked Failed. {why}", account)
            : SettledMeanwhile(action, entry);

    /// <summary>Writes the outcome; false when someone settled the entry first. Not cancelled: it records what the server showed.</summary>
    private async Task<bool> CompleteAsync(long entryId, OperationStatus outcome, string? error)
    {
        try
        {
            await Billing.CompleteOperationAsync(entryId, outcome, error, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (BillingConflictException)
        {
            return false;
        }
    }

    private static bool IsOpen(OperationJournalEntry entry) => entry.Status is OperationStatus.Pending or OperationStatus.Unknown;

    private static RepairOutcome MayStillBeRunning(RepairAction action, OperationJournalEntry entry) =>
        RepairOutcome.Skipped(action, $"Journal entry {Text(entry.Id)} ({entry.Function}) is Unknown and recent, and the server does not show the change yet: it may still be in progress, so it is left for now.");

    private static RepairOutcome SettledMeanwhile(RepairAction action, OperationJournalEntry entry) =>
        RepairOutcome.Skipped(action, $"Journal entry {Text(entry.Id)} ({entry.Function}) was settled meanwhile ({entry.Status}).");

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}

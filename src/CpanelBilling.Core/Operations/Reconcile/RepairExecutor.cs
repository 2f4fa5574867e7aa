using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Operations.Throttling;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Reconcile;

/// <summary>
/// Applies one repair action. Server changes go through the account operations (or, for a bare setsiteip, through
/// the same account work: lease, throttle, journal); nothing here calls a server another way. Each action first
/// checks that billing (and, where it matters, the server) still is as the plan saw it, and skips otherwise.
/// </summary>
internal sealed class RepairExecutor
{
    private readonly OperationContext context;
    private readonly AccountOperations accounts;
    private readonly JournalSettlement settlement;
    private readonly AccountImport import;

    public RepairExecutor(OperationContext context)
    {
        this.context = context;
        accounts = new AccountOperations(context);
        settlement = new JournalSettlement(context, accounts);
        import = new AccountImport(context);
    }

    private IBillingRepository Billing => context.Billing;

    public async Task<RepairOutcome> ApplyAsync(RepairAction action, CancellationToken cancellationToken)
    {
        try
        {
            return action.Kind switch
            {
                RepairActionKind.SettleJournalEntry => await settlement.SettleAsync(action, cancellationToken).ConfigureAwait(false),
                RepairActionKind.FinishOpening => await FinishOpeningAsync(action, cancellationToken).ConfigureAwait(false),
                RepairActionKind.Suspend => await SuspendAsync(action, cancellationToken).ConfigureAwait(false),
                RepairActionKind.Resume => await ResumeAsync(action, cancellationToken).ConfigureAwait(false),
                RepairActionKind.ChangePackage => await ChangePackageAsync(action, cancellationToken).ConfigureAwait(false),
                RepairActionKind.ReapplyLimits => await ReapplyLimitsAsync(action, cancellationToken).ConfigureAwait(false),
                RepairActionKind.MoveToDedicatedIp => await MoveToDedicatedIpAsync(action, cancellationToken).ConfigureAwait(false),
                RepairActionKind.RecordServerIp => await RecordServerIpAsync(action, cancellationToken).ConfigureAwait(false),
                RepairActionKind.MarkDeleted => await MarkDeletedAsync(action, cancellationToken).ConfigureAwait(false),
                _ => await import.ImportAsync(action, cancellationToken).ConfigureAwait(false),
            };
        }
        catch (CpanelBillingException failure)
        {
            return RepairOutcome.Failed(action, failure);
        }
    }

    /// <summary>
    /// Continues the opening through the open operation, which adopts the server's account. The server is read under
    /// the account's lease first, so Repair only ever finishes an opening; it never creates an account.
    /// </summary>
    private async Task<RepairOutcome> FinishOpeningAsync(RepairAction action, CancellationToken cancellationToken)
    {
        Account account = await Billing.GetAccountAsync(action.AccountId!.Value, cancellationToken).ConfigureAwait(false);
        await using (AccountWork work = await AccountWork.BeginAsync(context, account, cancellationToken).ConfigureAwait(false))
        {
            if (work.Account.Status != AccountStatus.New)
            {
                return RepairOutcome.Skipped(action, $"'{work.UserName}' is {work.Account.Status} in billing now; there is no opening to finish.", work.Account);
            }

            WhmAccount? onServer = await work.ReadSummaryAsync(cancellationToken).ConfigureAwait(false);
            if (!ServerAccountChanges.IsSameAccount(onServer, work.Account.DomainName))
            {
                int settled = await settlement.FailOpenEntriesAsync(action.JournalEntryIds, "Settled by repair: the server shows no such account, so createacct was not made.").ConfigureAwait(false);
                return settled > 0
                    ? RepairOutcome.Done(action, $"The server has no account '{work.UserName}' ({work.Account.DomainName}): createacct was not made; {settled} journal entr{(settled == 1 ? "y" : "ies")} marked Failed and billing keeps the order New.", work.Account)
                    : RepairOutcome.Skipped(action, $"The server no longer has '{work.UserName}' ({work.Account.DomainName}); billing keeps the order New.", work.Account);
            }
        }

        AccountChangeResult result = await accounts.OpenAsync(AccountReference.ById(account.Id), new ContinueOpeningOptions(), cancellationToken).ConfigureAwait(false);
        return RepairOutcome.Done(action, $"'{account.UserName}' ({account.DomainName}) was adopted from the server and is {result.Account.Status} in billing.", result);
    }

    private async Task<RepairOutcome> SuspendAsync(RepairAction action, CancellationToken cancellationToken)
    {
        Account account = await Billing.GetAccountAsync(action.AccountId!.Value, cancellationToken).ConfigureAwait(false);
        if (account.Status != AccountStatus.Suspended)
        {
            return Stale(action, account, $"is {account.Status} in billing now");
        }

        AccountChangeResult result = await accounts.SuspendAsync(AccountReference.ById(account.Id), account.SuspendReason, force: true, cancellationToken).ConfigureAwait(false);
        return RepairOutcome.Done(action, $"'{account.UserName}' was suspended on '{account.ServerName}', as billing holds it.", result);
    }

    private async Task<RepairOutcome> ResumeAsync(RepairAction action, CancellationToken cancellationToken)
    {
        Account account = await Billing.GetAccountAsync(action.AccountId!.Value, cancellationToken).ConfigureAwait(false);
        if (account.Status != AccountStatus.Active)
        {
            return Stale(action, account, $"is {account.Status} in billing now");
        }

        AccountChangeResult result = await accounts.ResumeAsync(AccountReference.ById(account.Id), force: true, cancellationToken).ConfigureAwait(false);
        return RepairOutcome.Done(action, $"'{account.UserName}' was unsuspended on '{account.ServerName}', as billing holds it Active.", result);
    }

    private async Task<RepairOutcome> ChangePackageAsync(RepairAction action, CancellationToken cancellationToken)
    {
        Account account = await Billing.GetAccountAsync(action.AccountId!.Value, cancellationToken).ConfigureAwait(false);
        if (account.PlanId != action.PlannedAccount!.PlanId || account.Status is not (AccountStatus.Active or AccountStatus.Suspended))
        {
            return Stale(action, account, $"is on plan '{account.PlanName}' ({account.Status}) in billing now");
        }

        AccountChangeResult result = await accounts.ChangePlanAsync(AccountReference.ById(account.Id), account.PlanName, force: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        return RepairOutcome.Done(action, $"'{account.UserName}' is on package '{account.PackageName}' on '{account.ServerName}' again, with its own limits.", result);
    }

    private async Task<RepairOutcome> ReapplyLimitsAsync(RepairAction action, CancellationToken cancellationToken)
    {
        Account account = await Billing.GetAccountAsync(action.AccountId!.Value, cancellationToken).ConfigureAwait(false);
        var change = new AccountLimitsChange();
        foreach (AccountLimitKind kind in action.LimitKinds.Where(kind => AccountLimitValues.Has(account.Limits, kind)))
        {
            AccountLimitValues.Copy(account.Limits, change.Set, kind);
        }

        if (!AccountLimitValues.Kinds.Any(kind => AccountLimitValues.Has(change.Set, kind)) || account.Status is not (AccountStatus.Active or AccountStatus.Suspended))
        {
            return Stale(action, account, "no longer has those own limits");
        }

        AccountChangeResult result = await accounts.SetLimitsAsync(AccountReference.ById(account.Id), change, cancellationToken).ConfigureAwait(false);
        return RepairOutcome.Done(action, $"The own limits of '{account.UserName}' were applied on '{account.ServerName}' again.", result);
    }

    private async Task<RepairOutcome> MoveToDedicatedIpAsync(RepairAction action, CancellationToken cancellationToken)
    {
        Account account = await Billing.GetAccountAsync(action.AccountId!.Value, cancellationToken).ConfigureAwait(false);
        await using AccountWork work = await AccountWork.BeginAsync(context, account, cancellationToken).ConfigureAwait(false);
        string? dedicated = work.Account.DedicatedIp;
        if (dedicated == null || work.Account.Status is not (AccountStatus.Active or AccountStatus.Suspended))
        {
            return Stale(action, work.Account, "holds no dedicated IP in billing now");
        }

        WhmAccount? onServer = await work.ReadSummaryAsync(cancellationToken).ConfigureAwait(false);
        if (!ServerAccountChanges.IsSameAccount(onServer, work.Account.DomainName) || onServer!.Ip == dedicated)
        {
            return RepairOutcome.Skipped(action, $"The server shows '{work.UserName}' on {onServer?.Ip ?? "no address"}; nothing to move.", work.Account);
        }

        await work.ChangeAsync(ServerAccountChanges.SetSiteIp(work.UserName, dedicated), ThrottleLane.Requests, cancellationToken).ConfigureAwait(false);
        await work.CompleteAsync().ConfigureAwait(false);
        return RepairOutcome.Done(action, $"'{work.UserName}' was moved to its dedicated IP {dedicated} on '{work.Server.Name}'.", work.Result(changed: true));
    }

    private async Task<RepairOutcome> RecordServerIpAsync(RepairAction action, CancellationToken cancellationToken)
    {
        Account account = await Billing.GetAccountAsync(action.AccountId!.Value, cancellationToken).ConfigureAwait(false);
        await using AccountWork work = await AccountWork.BeginAsync(context, account, cancellationToken).ConfigureAwait(false);
        if (work.Account.DedicatedIp != null || work.Account.Status is not (AccountStatus.Active or AccountStatus.Suspended))
        {
            return Stale(action, work.Account, "holds a dedicated IP (or is not open) in billing now");
        }

        WhmAccount? onServer = await work.ReadSummaryAsync(cancellationToken).ConfigureAwait(false);
        string? address = ServerAccountChanges.IsSameAccount(onServer, work.Account.DomainName) ? onServer!.Ip : null;
        if (address == null || string.Equals(address, work.Account.IpAddress, System.StringComparison.OrdinalIgnoreCase))
        {
            return RepairOutcome.Skipped(action, $"Billing already records the address the server shows for '{work.UserName}' (or the server shows none).", work.Account);
        }

        await work.UpdateBillingAsync(
            "record the server's address",
            async (current, ct) =>
            {
                // Shared addresses only (no dedicated one, checked above): the old record goes, the server's comes.
                await Billing.ReleaseAccountIpsAsync(current.Id, ct).ConfigureAwait(false);
                await Billing.RecordAccountIpAsync(current.Id, address, ct).ConfigureAwait(false);
                return await Billing.GetAccountAsync(current.Id, ct).ConfigureAwait(false);
            },
            current => string.Equals(current.IpAddress, address, System.StringComparison.OrdinalIgnoreCase),
            cancellationToken).ConfigureAwait(false);
        return RepairOutcome.Done(action, $"Billing records {address} for '{work.UserName}', as the server has it.", work.Result(changed: true));
    }

    private async Task<RepairOutcome> MarkDeletedAsync(RepairAction action, CancellationToken cancellationToken)
    {
        Account account = await Billing.GetAccountAsync(action.AccountId!.Value, cancellationToken).ConfigureAwait(false);
        await using AccountWork work = await AccountWork.BeginAsync(context, account, cancellationToken).ConfigureAwait(false);
        if (work.Account.Status is not (AccountStatus.Active or AccountStatus.Suspended))
        {
            return Stale(action, work.Account, $"is {work.Account.Status} in billing now");
        }

        WhmAccount? onServer = await work.ReadSummaryAsync(cancellationToken).ConfigureAwait(false);
        if (onServer != null)
        {
            return RepairOutcome.Skipped(action, $"'{work.Server.Name}' has an account '{work.UserName}' ({onServer.Domain}) now; billing's account was not marked Deleted.", work.Account);
        }

        await work.UpdateBillingAsync(
            "mark the account Deleted",
            (current, ct) => Billing.SetAccountStatusAsync(current.Id, current.RowVersion, AccountStatus.Deleted, null, ct),
            current => current.Status == AccountStatus.Deleted,
            cancellationToken).ConfigureAwait(false);
        return RepairOutcome.Done(action, $"'{work.UserName}' is not on '{work.Server.Name}'; billing marks it Deleted and released its IP addresses.", work.Result(changed: true));
    }

    private static RepairOutcome Stale(RepairAction action, Account account, string now) =>
        RepairOutcome.Skipped(action, $"'{account.UserName}' {now}, not as the plan saw it; nothing was done. Compare again.", account);
}

using System;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts.Validation;
using CpanelBilling.Core.Operations.Throttling;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>
/// Suspends and resumes accounts. An account billing already shows in the target state is left alone unless the
/// caller forces the call. cPanel answers OK when the account already is in the target state and says so only
/// in its raw output; that is reported as a note, not a failure.
/// </summary>
internal sealed class SuspensionOperation
{
    private const string AlreadySuspendedText = "already suspended";
    private const string NotSuspendedText = "not in a suspended state";

    private readonly OperationContext context;
    private readonly AccountTargets targets;

    public SuspensionOperation(OperationContext context)
    {
        this.context = context;
        targets = new AccountTargets(context.Billing);
    }

    public async Task<AccountChangeResult> SuspendAsync(AccountReference reference, string? reason, bool force, CancellationToken cancellationToken)
    {
        string? why = AccountInput.SuspendReason(reason);
        Account account = await targets.AccountAsync(reference, orDeleted: false, cancellationToken).ConfigureAwait(false);
        if (Unchanged(account, AccountStatus.Suspended, force) is { } unchanged)
        {
            return unchanged;
        }

        await using AccountWork work = await AccountWork.BeginAsync(context, account, cancellationToken).ConfigureAwait(false);
        if (Unchanged(work.Account, AccountStatus.Suspended, force) is { } unchangedMeanwhile)
        {
            return unchangedMeanwhile;
        }

        var outcome = await work.ChangeAsync(ServerAccountChanges.Suspend(work.UserName, why), ThrottleLane.Requests, cancellationToken).ConfigureAwait(false);
        if (Says(outcome.Response, AlreadySuspendedText))
        {
            work.NoteOnLastCall($"'{work.UserName}' already was suspended on '{work.Server.Name}'; the server kept its suspension as it was.");
        }

        await work.UpdateBillingAsync(
            "mark the account Suspended",
            (current, ct) => context.Billing.SetAccountStatusAsync(current.Id, current.RowVersion, AccountStatus.Suspended, why, ct),
            current => current.Status == AccountStatus.Suspended && current.SuspendReason == why,
            cancellationToken).ConfigureAwait(false);
        await work.CompleteAsync().ConfigureAwait(false);
        return work.Result(changed: true);
    }

    public async Task<AccountChangeResult> ResumeAsync(AccountReference reference, bool force, CancellationToken cancellationToken)
    {
        Account account = await targets.AccountAsync(reference, orDeleted: false, cancellationToken).ConfigureAwait(false);
        if (Unchanged(account, AccountStatus.Active, force) is { } unchanged)
        {
            return unchanged;
        }

        await using AccountWork work = await AccountWork.BeginAsync(context, account, cancellationToken).ConfigureAwait(false);
        if (Unchanged(work.Account, AccountStatus.Active, force) is { } unchangedMeanwhile)
        {
            return unchangedMeanwhile;
        }

        var outcome = await work.ChangeAsync(ServerAccountChanges.Unsuspend(work.UserName), ThrottleLane.Requests, cancellationToken).ConfigureAwait(false);
        if (Says(outcome.Response, NotSuspendedText))
        {
            work.NoteOnLastCall($"'{work.UserName}' was not suspended on '{work.Server.Name}'.");
        }

        await work.UpdateBillingAsync(
            "mark the account Active",
            (current, ct) => context.Billing.SetAccountStatusAsync(current.Id, current.RowVersion, AccountStatus.Active, null, ct),
            current => current.Status == AccountStatus.Active,
            cancellationToken).ConfigureAwait(false);
        await work.CompleteAsync().ConfigureAwait(false);
        return work.Result(changed: true);
    }

    private static AccountChangeResult? Unchanged(Account account, AccountStatus target, bool force)
    {
        AccountStates.RequireOnServer(account, target == AccountStatus.Suspended ? "suspended" : "resumed");
        if (account.Status != target || force)
        {
            return null;
        }

        string state = target == AccountStatus.Suspended ? "suspended" : "active";
        return AccountChangeResult.Unchanged(account, $"'{account.UserName}' on '{account.ServerName}' already is {state} in billing; nothing was sent (use -Force to send it anyway).");
    }

    private static bool Says(WhmCallResult? response, string text) =>
        response?.RawOutput?.IndexOf(text, StringComparison.OrdinalIgnoreCase) >= 0;
}

using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Throttling;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>
/// Removes an account from its server with removeacct, then marks it Deleted in billing, which frees every IP
/// address it held. An account already gone from the server (read, not assumed) only needs billing updated. A
/// server account of that user name with another domain is someone else's and is not touched.
/// </summary>
internal sealed class DeleteAccountOperation
{
    private readonly OperationContext context;
    private readonly AccountTargets targets;

    public DeleteAccountOperation(OperationContext context)
    {
        this.context = context;
        targets = new AccountTargets(context.Billing);
    }

    public async Task<AccountChangeResult> DeleteAsync(AccountReference reference, bool keepDns, CancellationToken cancellationToken)
    {
        Account account = await targets.AccountAsync(reference, orDeleted: true, cancellationToken).ConfigureAwait(false);
        if (account.Status == AccountStatus.Deleted)
        {
            return AccountChangeResult.Unchanged(account, $"'{account.UserName}' on '{account.ServerName}' is already deleted.");
        }

        await using AccountWork work = await AccountWork.BeginAsync(context, account, cancellationToken).ConfigureAwait(false);
        if (work.Account.Status == AccountStatus.Deleted)
        {
            return AccountChangeResult.Unchanged(work.Account, $"'{work.UserName}' on '{work.Server.Name}' was deleted meanwhile.");
        }

        WhmAccount? onServer = await work.ReadSummaryAsync(cancellationToken).ConfigureAwait(false);
        if (onServer == null)
        {
            work.Warn($"'{work.UserName}' is not on '{work.Server.Name}' (any more); only billing was updated.");
        }
        else if (!ServerAccountChanges.IsSameAccount(onServer, work.Account.DomainName))
        {
            throw new AccountOperationException(
                AccountErrorIds.BelongsToOther,
                FailureKind.Conflict,
                $"The account '{work.UserName}' on '{work.Server.Name}' has domain '{onServer.Domain}', but billing's has '{work.Account.DomainName}': it is not this account, so it was not removed. Check with Repair-CpAccount.",
                work.UserName);
        }
        else
        {
            var outcome = await work.ChangeAsync(ServerAccountChanges.Remove(work.UserName, keepDns), ThrottleLane.AccountLifecycle, cancellationToken).ConfigureAwait(false);
            if (outcome.Adopted)
            {
                work.Warn($"removeacct for '{work.UserName}' answered with a failure ({outcome.ResolvedFailure?.GetType().Name}), but the server shows the account gone.");
            }
        }

        await work.UpdateBillingAsync(
            "mark the account Deleted",
            (current, ct) => context.Billing.SetAccountStatusAsync(current.Id, current.RowVersion, AccountStatus.Deleted, null, ct),
            current => current.Status == AccountStatus.Deleted,
            cancellationToken).ConfigureAwait(false);
        await work.CompleteAsync().ConfigureAwait(false);
        return work.Result(changed: true);
    }
}

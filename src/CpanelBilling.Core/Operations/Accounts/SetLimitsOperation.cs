using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts.Validation;

namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>
/// Changes an account's limit overrides on the server and in billing together. A limit set to a value gets that
/// value; a limit reset to the package gets the package's value on the server again (billing's stored package
/// settings say what that is) and no override in billing. An account not yet opened only changes in billing: its
/// limits go to the server when it is opened.
/// </summary>
internal sealed class SetLimitsOperation
{
    private readonly OperationContext context;
    private readonly AccountTargets targets;

    public SetLimitsOperation(OperationContext context)
    {
        this.context = context;
        targets = new AccountTargets(context.Billing);
    }

    private IBillingRepository Billing => context.Billing;

    public async Task<AccountChangeResult> SetLimitsAsync(AccountReference reference, AccountLimitsChange change, CancellationToken cancellationToken)
    {
        change.Validate();
        Account account = await targets.AccountAsync(reference, orDeleted: false, cancellationToken).ConfigureAwait(false);
        RequireNotDeleted(account);
        await using AccountWork work = await AccountWork.BeginAsync(context, account, cancellationToken).ConfigureAwait(false);
        RequireNotDeleted(work.Account);

        if (work.Account.Status != AccountStatus.New)
        {
            BillingPlan plan = await Billing.GetPlanAsync(work.Account.PlanId, cancellationToken).ConfigureAwait(false);
            (_, PackageSettings? packageSettings) = await targets.PackageAsync(plan, work.Server, cancellationToken).ConfigureAwait(false);
            AccountLimits toServer = ServerValues(work, change, AccountLimitValues.FromPackage(packageSettings));
            try
            {
                await AccountDetails.ApplyAsync(work, toServer, cancellationToken).ConfigureAwait(false);
            }
            catch (CpanelBillingException failure)
            {
                throw new AccountOperationException(
                    AccountErrorIds.LimitsNotApplied,
                    failure.Kind,
                    $"Setting the limits of '{work.UserName}' on '{work.Server.Name}' failed: {failure.Message} Billing keeps the limits it had; run the change again.",
                    work.UserName,
                    failure);
            }
        }
        else
        {
            work.Warn($"'{work.UserName}' is not opened on '{work.Server.Name}' yet; its new limits go to the server when it is opened.");
        }

        await work.UpdateBillingAsync(
            "store the account's limits",
            (current, ct) => Billing.SetAccountLimitsAsync(current.Id, current.RowVersion, Merge(current.Limits, change), ct),
            current => Same(current.Limits, Merge(current.Limits, change)),
            cancellationToken).ConfigureAwait(false);
        await work.CompleteAsync().ConfigureAwait(false);
        return work.Result(changed: true);
    }

    private static void RequireNotDeleted(Account account)
    {
        if (account.Status == AccountStatus.Deleted)
        {
            AccountStates.RequireOnServer(account, "given new limits");
        }
    }

    /// <summary>The overrides after the change.</summary>
    private static AccountLimits Merge(AccountLimits current, AccountLimitsChange change)
    {
        AccountLimits merged = AccountLimitValues.Clone(current);
        foreach (AccountLimitKind kind in AccountLimitValues.Kinds)
        {
            if (AccountLimitValues.Has(change.Set, kind))
            {
                AccountLimitValues.Copy(change.Set, merged, kind);
            }
            else if (change.ResetToPackage.Contains(kind))
            {
                AccountLimitValues.Copy(new AccountLimits(), merged, kind);
            }
        }

        return merged;
    }

    /// <summary>What to send: the new values, and the package's values for limits reset to it (when billing knows them).</summary>
    private static AccountLimits ServerValues(AccountWork work, AccountLimitsChange change, AccountLimits package)
    {
        var values = new AccountLimits();
        foreach (AccountLimitKind kind in AccountLimitValues.Kinds)
        {
            if (AccountLimitValues.Has(change.Set, kind))
            {
                AccountLimitValues.Copy(change.Set, values, kind);
            }
            else if (change.ResetToPackage.Contains(kind))
            {
                if (AccountLimitValues.Has(package, kind))
                {
                    AccountLimitValues.Copy(package, values, kind);
                }
                else
                {
                    work.Warn($"Billing does not know the package's {kind.Describe()} limit, so the server keeps its current one; sync the server's packages and set it again.");
                }
            }
        }

        return values;
    }

    private static bool Same(AccountLimits left, AccountLimits right) =>
        AccountLimitValues.Kinds.All(kind => AccountLimitValues.Text(left, kind) == AccountLimitValues.Text(right, kind));
}

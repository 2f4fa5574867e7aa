using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Throttling;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>
/// Moves an account to another plan: changepackage to the plan's package on the account's server, billing's plan
/// (and a dedicated IP when the new plan includes one), then the account's own limits again, because a package
/// change resets cPanel's per-account limits. Afterwards the server is read back: the dedicated IP is put right
/// with setsiteip when the server chose another, and limits that differ from what billing expects are reported.
/// </summary>
internal sealed class ChangePlanOperation
{
    private readonly OperationContext context;
    private readonly AccountTargets targets;

    public ChangePlanOperation(OperationContext context)
    {
        this.context = context;
        targets = new AccountTargets(context.Billing);
    }

    private IBillingRepository Billing => context.Billing;

    /// <summary>A plan change names where to: the plan, or the package on the account's server.</summary>
    internal static void CheckTarget(string? planName, string? packageName, string? target)
    {
        if (string.IsNullOrWhiteSpace(planName) && string.IsNullOrWhiteSpace(packageName))
        {
            throw AccountOperationException.Invalid(AccountErrorIds.InvalidRequest, "Give the billing plan (-Plan) or the server's package (-Package) to move to.", target);
        }
    }

    /// <param name="planName">The billing plan to move to; or null, and <paramref name="packageName"/>.</param>
    /// <param name="packageName">The package on the account's server whose plan to move to.</param>
    public async Task<AccountChangeResult> ChangePlanAsync(AccountReference reference, string? planName, string? packageName, bool force, CancellationToken cancellationToken)
    {
        CheckTarget(planName, packageName, reference.ToString());
        Account account = await targets.AccountAsync(reference, orDeleted: false, cancellationToken).ConfigureAwait(false);
        AccountStates.RequireOnServer(account, "moved to another plan");
        BillingServer server = await Billing.GetServerAsync(account.ServerId, cancellationToken).ConfigureAwait(false);
        BillingPlan plan = await targets.PlanAsync(planName, packageName, server, cancellationToken).ConfigureAwait(false);
        (string package, PackageSettings? packageSettings) = await targets.PackageAsync(plan, server, cancellationToken).ConfigureAwait(false);
        if (account.PlanId == plan.Id && !force)
        {
            return AccountChangeResult.Unchanged(account, $"'{account.UserName}' on '{account.ServerName}' already is on plan '{plan.Name}'; nothing was sent (use -Force to apply the package again).");
        }

        bool needsIp = (plan.IncludesDedicatedIp || packageSettings?.DedicatedIp == true) && account.DedicatedIp == null;
        if (needsIp && !(await Billing.ListServerIpsAsync(server.Id, cancellationToken: cancellationToken).ConfigureAwait(false)).Any(ip => ip.IsFree))
        {
            // Checked before the server changes; billing takes the address itself when it records the new plan.
            throw new NoFreeIpException(server.Name);
        }

        await using AccountWork work = await AccountWork.BeginAsync(context, account, cancellationToken).ConfigureAwait(false);
        AccountStates.RequireOnServer(work.Account, "moved to another plan");
        await work.ChangeAsync(ServerAccountChanges.ChangePackage(work.UserName, package), ThrottleLane.Requests, cancellationToken).ConfigureAwait(false);
        await work.UpdateBillingAsync(
            $"move the account to plan '{plan.Name}'",
            (current, ct) => Billing.ChangeAccountPlanAsync(current.Id, current.RowVersion, plan.Id, ct),
            current => current.PlanId == plan.Id,
            cancellationToken).ConfigureAwait(false);
        await work.CompleteAsync().ConfigureAwait(false);

        try
        {
            await AccountDetails.ApplyAsync(work, work.Account.Limits, cancellationToken).ConfigureAwait(false);
            await work.CompleteAsync().ConfigureAwait(false);
        }
        catch (CpanelBillingException failure)
        {
            // The calls that went through put billing's own limits back: they are in line and done.
            await work.CompleteAsync().ConfigureAwait(false);
            throw new AccountOperationException(
                AccountErrorIds.LimitsNotApplied,
                failure.Kind,
                $"'{work.UserName}' is on package '{package}' now, but applying its own limits again failed: {failure.Message} Apply them with Set-CpAccountLimit, or run Set-CpAccountPackage -Force.",
                work.UserName,
                failure);
        }

        await PutDedicatedIpRightAsync(work, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<LimitDifference> differences = await VerifyAsync(work, package, packageSettings, cancellationToken).ConfigureAwait(false);
        return work.Result(changed: true, differences);
    }

    /// <summary>The server may pick its own free address for a package with IP=y; billing's choice wins.</summary>
    private static async Task PutDedicatedIpRightAsync(AccountWork work, CancellationToken cancellationToken)
    {
        string? dedicated = work.Account.DedicatedIp;
        if (dedicated == null)
        {
            return;
        }

        WhmAccount? onServer = await work.ReadSummaryAsync(cancellationToken).ConfigureAwait(false);
        if (onServer?.Ip != null && onServer.Ip != dedicated)
        {
            await work.ChangeAsync(ServerAccountChanges.SetSiteIp(work.UserName, dedicated), ThrottleLane.Requests, cancellationToken).ConfigureAwait(false);
            await work.CompleteAsync().ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyList<LimitDifference>> VerifyAsync(AccountWork work, string package, PackageSettings? packageSettings, CancellationToken cancellationToken)
    {
        WhmAccount? summary = await work.ReadSummaryAsync(cancellationToken).ConfigureAwait(false);
        if (summary == null)
        {
            work.Warn($"'{work.UserName}' could not be found on '{work.Server.Name}' to verify the change.");
            return System.Array.Empty<LimitDifference>();
        }

        if (summary.Plan != package)
        {
            work.Warn($"The server shows '{work.UserName}' on package '{summary.Plan}', not '{package}'.");
        }

        MegabyteLimit? bandwidth = await work.ReadAsync((client, ct) => ServerLimits.ReadBandwidthAsync(client, work.UserName, ct), cancellationToken).ConfigureAwait(false);
        AccountLimits expected = AccountLimitValues.Effective(work.Account.Limits, AccountLimitValues.FromPackage(packageSettings));
        IReadOnlyList<LimitDifference> differences = AccountLimitValues.Differences(expected, ServerLimits.FromSummary(summary, bandwidth));
        foreach (LimitDifference difference in differences)
        {
            work.Warn($"After the package change, '{work.UserName}' has {difference.Limit.Describe()} {difference.OnServer} on the server, but billing expects {difference.Expected}.");
        }

        return differences;
    }
}

using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing.Sql;

namespace CpanelBilling.Core.Billing;

internal sealed partial class BillingRepository
{
    public Task<BillingPlan> AddPlanAsync(string name, bool includesDedicatedIp, CancellationToken cancellationToken = default)
    {
        string planName = ColumnLimits.Required(name, "plan name", ColumnLimits.PlanName);
        return WriteAsync(async session =>
        {
            long id;
            try
            {
                id = (await session.Sql(Statements.InsertPlan)
                    .With("@name", planName)
                    .With("@includes_dedicated_ip", includesDedicatedIp)
                    .With("@now", Now())
                    .ScalarInt64Async(cancellationToken).ConfigureAwait(false))!.Value;
            }
            catch (DbException exception) when (IsUniqueViolation(exception))
            {
                throw new BillingAlreadyExistsException(
                    BillingErrorIds.PlanAlreadyExists, $"Billing already has a plan named '{planName}'. Choose another name.", planName, exception);
            }

            return await RequirePlanAsync(session, id, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<BillingPlan> GetPlanAsync(long planId, CancellationToken cancellationToken = default) =>
        ReadAsync(session => RequirePlanAsync(session, planId, cancellationToken), cancellationToken);

    public Task<BillingPlan?> FindPlanAsync(string name, CancellationToken cancellationToken = default) =>
        ReadAsync(async session =>
        {
            long? id = await session.Sql(Statements.SelectPlanByName).With("@name", (name ?? "").Trim())
                .ScalarInt64Async(cancellationToken).ConfigureAwait(false);
            return id.HasValue ? await RequirePlanAsync(session, id.Value, cancellationToken).ConfigureAwait(false) : null;
        }, cancellationToken);

    public Task<IReadOnlyList<BillingPlan>> ListPlansAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<BillingPlan>>(async session =>
        {
            ILookup<long, PlanPackage> packages = await ReadPlanPackagesAsync(session, planId: null, cancellationToken).ConfigureAwait(false);
            return await session.Sql(Statements.SelectPlans)
                .ListAsync(r => RowMappers.Plan(r, packages[r.Int64("id")].ToList()), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<BillingPlan> MapPlanToPackageAsync(long planId, long serverId, string packageName, CancellationToken cancellationToken = default)
    {
        string package = ColumnLimits.Required(packageName, "package name", ColumnLimits.PackageName);
        return WriteAsync(async session =>
        {
            BillingPlan plan = await RequirePlanAsync(session, planId, cancellationToken).ConfigureAwait(false);
            BillingServer server = await RequireServerAsync(session, serverId, cancellationToken).ConfigureAwait(false);
            await RefuseMovingLiveAccountsAsync(session, plan, server, package, cancellationToken).ConfigureAwait(false);
            await session.Sql(Statements.UpsertPlanPackage)
                .With("@plan_id", planId).With("@server_id", serverId).With("@package_name", package)
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return await RequirePlanAsync(session, planId, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<BillingPlan?> FindPlanForPackageAsync(long serverId, string packageName, CancellationToken cancellationToken = default) =>
        ReadAsync(async session =>
        {
            long? planId = await session.Sql(Statements.SelectPlanIdByPackage)
                .With("@server_id", serverId).With("@package_name", (packageName ?? "").Trim())
                .ScalarInt64Async(cancellationToken).ConfigureAwait(false);
            return planId.HasValue ? await RequirePlanAsync(session, planId.Value, cancellationToken).ConfigureAwait(false) : null;
        }, cancellationToken);

    /// <summary>
    /// An account's package is its plan's package on its server, so re-mapping the plan there would move every live
    /// account of the plan on that server to the other package in billing alone, and a repair would then change
    /// them all on the server. Refused (Conflict) while such accounts exist, unless the package stays the same.
    /// </summary>
    private async Task RefuseMovingLiveAccountsAsync(BillingSession session, BillingPlan plan, BillingServer server, string package, CancellationToken cancellationToken)
    {
        string? current = await session.Sql(Statements.SelectPlanPackageName).With("@plan_id", plan.Id).With("@server_id", server.Id)
            .ScalarStringAsync(cancellationToken).ConfigureAwait(false);
        if (current == null || string.Equals(current, package, StringComparison.Ordinal))
        {
            return;
        }

        long live = await session.Sql(Statements.CountPlanLiveAccountsOnServer).With("@plan_id", plan.Id).With("@server_id", server.Id)
            .ScalarInt64Async(cancellationToken).ConfigureAwait(false) ?? 0;
        if (live > 0)
        {
            throw new BillingConflictException(
                BillingErrorIds.PlanHasLiveAccountsOnServer,
                $"Plan '{plan.Name}' is package '{current}' on server '{server.Name}' for {live} account(s) that are not deleted; mapping it to " +
                $"'{package}' would move them all to that package in billing while the server keeps them on '{current}'. Move them to another " +
                $"plan first (Get-CpAccount -Plan '{plan.Name}' -Server '{server.Name}' | Set-CpAccountPackage -Plan <plan>), or sell " +
                $"'{package}' as a plan of its own (New-CpPlan).",
                plan.Name);
        }
    }

    private async Task<BillingPlan> RequirePlanAsync(BillingSession session, long planId, CancellationToken cancellationToken)
    {
        ILookup<long, PlanPackage> packages = await ReadPlanPackagesAsync(session, planId, cancellationToken).ConfigureAwait(false);
        return await session.Sql(Statements.SelectPlanById).With("@plan_id", planId)
                .SingleOrDefaultAsync(r => RowMappers.Plan(r, packages[planId].ToList()), cancellationToken).ConfigureAwait(false)
            ?? throw PlanNotFound(Id(planId));
    }

    /// <summary>The cPanel package of the plan on the server; NotFound when the plan is not offered there.</summary>
    private async Task<string> RequirePlanPackageNameAsync(BillingSession session, BillingPlan plan, BillingServer server, CancellationToken cancellationToken) =>
        await session.Sql(Statements.SelectPlanPackageName).With("@plan_id", plan.Id).With("@server_id", server.Id)
            .ScalarStringAsync(cancellationToken).ConfigureAwait(false)
        ?? throw new BillingNotFoundException(
            BillingErrorIds.PlanNotOnServer,
            $"Plan '{plan.Name}' has no package on server '{server.Name}'. Map the plan to one of the server's packages first.",
            plan.Name);

    /// <summary>
    /// Whether the plan's package on the server gives accounts a dedicated IP (listpkgs IP=y): the server then
    /// takes one from its pool on createacct, so billing must hand one out too. NotFound when the plan has no
    /// package on the server.
    /// </summary>
    private async Task<bool> PlanPackageHasDedicatedIpAsync(BillingSession session, BillingPlan plan, BillingServer server, CancellationToken cancellationToken)
    {
        string packageName = await RequirePlanPackageNameAsync(session, plan, server, cancellationToken).ConfigureAwait(false);
        ServerPackage? package = await session.Sql(Statements.SelectServerPackageByName).With("@server_id", server.Id).With("@name", packageName)
            .SingleOrDefaultAsync(RowMappers.Package, cancellationToken).ConfigureAwait(false);
        return package != null && !package.IsRemoved && package.Settings.DedicatedIp == true;
    }

    private async Task<ILookup<long, PlanPackage>> ReadPlanPackagesAsync(BillingSession session, long? planId, CancellationToken cancellationToken)
    {
        List<KeyValuePair<long, PlanPackage>> rows = await session.Sql(Statements.SelectPlanPackages).With("@plan_id", planId)
            .ListAsync(RowMappers.PlanPackage, cancellationToken).ConfigureAwait(false);
        return rows.ToLookup(p => p.Key, p => p.Value);
    }

    private static BillingNotFoundException PlanNotFound(string plan) =>
        new BillingNotFoundException(BillingErrorIds.PlanNotFound, $"Billing has no plan '{plan}'. Add it first, or check the name or id.", plan);
}

using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing.Sql;

namespace CpanelBilling.Core.Billing;

internal sealed partial class BillingRepository
{
    public Task<Account> OpenAccountAsync(AccountOpening opening, CancellationToken cancellationToken = default)
    {
        if (opening == null)
        {
            throw new ArgumentNullException(nameof(opening));
        }

        string userName = ColumnLimits.Lowered(opening.UserName, "user name", ColumnLimits.UserName);
        string domainName = ColumnLimits.Lowered(opening.DomainName, "domain name", ColumnLimits.DomainName);
        AccountStatus status = RequireStatus(opening.Status);
        if (status == AccountStatus.Deleted)
        {
            throw new BillingInvalidValueException("A new account cannot start out deleted.", "status");
        }

        AccountLimits limits = opening.Limits ?? new AccountLimits();
        return WriteAsync(async session =>
        {
            BillingServer server = await RequireServerAsync(session, opening.ServerId, cancellationToken).ConfigureAwait(false);
            Customer customer = await RequireCustomerAsync(session, opening.CustomerId, cancellationToken).ConfigureAwait(false);
            BillingPlan plan = await RequirePlanAsync(session, opening.PlanId, cancellationToken).ConfigureAwait(false);
            bool packageHasIp = await PlanPackageHasDedicatedIpAsync(session, plan, server, cancellationToken).ConfigureAwait(false);
            if (await FindLiveAccountIdAsync(session, server.Id, userName, cancellationToken).ConfigureAwait(false) != null)
            {
                throw UserNameTaken(server, userName);
            }

            Domain domain = await ResolveDomainAsync(session, customer, domainName, cancellationToken).ConfigureAwait(false);
            if (await session.Sql(Statements.SelectLiveAccountIdByDomain).With("@domain_id", domain.Id)
                    .ScalarInt64Async(cancellationToken).ConfigureAwait(false) != null)
            {
                throw DomainHasAccount(domainName);
            }

            long accountId;
            try
            {
                accountId = (await BindLimits(session.Sql(Statements.InsertAccount), limits)
                    .With("@customer_id", customer.Id)
                    .With("@server_id", server.Id)
                    .With("@domain_id", domain.Id)
                    .With("@plan_id", plan.Id)
                    .With("@user_name", userName)
                    .With("@status", (int)status)
                    .With("@suspend_reason", (string?)null)
                    .With("@wants_dedicated_ip", opening.WantsDedicatedIp)
                    .With("@now", Now())
                    .ScalarInt64Async(cancellationToken).ConfigureAwait(false))!.Value;
            }
            catch (DbException exception) when (IsUniqueViolation(exception))
            {
                // Another writer opened the same user name or domain after our checks (SQL Server only).
                bool userTaken = await FindLiveAccountIdAsync(session, server.Id, userName, cancellationToken).ConfigureAwait(false) != null;
                throw userTaken ? UserNameTaken(server, userName, exception) : DomainHasAccount(domainName, exception);
            }

            if (plan.IncludesDedicatedIp || packageHasIp || opening.WantsDedicatedIp)
            {
                await TakeFreeDedicatedIpAsync(session, accountId, server, cancellationToken).ConfigureAwait(false);
            }

            return await RequireAccountAsync(session, accountId, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<Account> GetAccountAsync(long accountId, CancellationToken cancellationToken = default) =>
        ReadAsync(session => RequireAccountAsync(session, accountId, cancellationToken), cancellationToken);

    public Task<Account?> FindAccountAsync(long serverId, string userName, CancellationToken cancellationToken = default) =>
        ReadAsync(
            session => session.Sql(Statements.SelectLiveAccountByUser)
                .With("@server_id", serverId).With("@user_name", (userName ?? "").Trim().ToLowerInvariant())
                .SingleOrDefaultAsync(RowMappers.Account, cancellationToken),
            cancellationToken);

    public IAsyncEnumerable<Account> ListAccountsAsync(AccountQuery query, CancellationToken cancellationToken = default)
    {
        if (query == null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        int? status = query.Status.HasValue ? (int)RequireStatus(query.Status.Value) : null;
        AccountStatusFilter statusFilter = status.HasValue ? AccountStatusFilter.One : query.IncludeDeleted ? AccountStatusFilter.Any : AccountStatusFilter.Live;
        NameFilter users = NameFilter.Of(query.UserNames, "user name");
        NameFilter domains = NameFilter.Of(query.DomainNames, "domain name");
        var statements = new List<IAsyncEnumerable<Account>>();
        foreach (NameBatch userBatch in users.Batches)
        {
            foreach (NameBatch domainBatch in domains.Batches)
            {
                var shape = new AccountListShape(
                    query.ServerId.HasValue,
                    query.CustomerId.HasValue,
                    query.PlanId.HasValue,
                    statusFilter,
                    userBatch.ExactNames.Count,
                    userBatch.LikePatterns.Count,
                    domainBatch.ExactNames.Count,
                    domainBatch.LikePatterns.Count);
                statements.Add(StreamAsync(
                    Statements.SelectAccounts(shape),
                    command =>
                    {
                        BindIfSet(command, "@server_id", query.ServerId);
                        BindIfSet(command, "@customer_id", query.CustomerId);
                        BindIfSet(command, "@plan_id", query.PlanId);
                        BindIfSet(command, "@status", status);
                        userBatch.Bind(command, "@user_name", "@user_like");
                        domainBatch.Bind(command, "@domain_name", "@domain_like");
                    },
                    RowMappers.Account,
                    cancellationToken));
            }
        }

        // Each statement reads in id order, so merging them keeps the listing in id order; an account that names of
        // two batches match (a pattern in one, its exact name in another) is listed once.
        IAsyncEnumerable<Account> rows = statements.Count == 1
            ? statements[0]
            : OrderedUnion.MergeAsync(statements, a => a.Id, cancellationToken);

        // The database narrows by LIKE; a set such as [a-c] (which LIKE cannot say on SQLite) is decided here.
        return users.IsEmpty && domains.IsEmpty
            ? rows
            : WhereAsync(rows, a => users.IsMatch(a.UserName) && domains.IsMatch(a.DomainName), cancellationToken);
    }

    public Task<IReadOnlyList<string>> ListAccountUserNamesAsync(long? serverId, string prefix, int limit, CancellationToken cancellationToken = default)
    {
        if (prefix == null)
        {
            throw new ArgumentNullException(nameof(prefix));
        }

        if (limit < 1)
        {
            throw new BillingInvalidValueException("The most user names to return must be at least 1.", "limit");
        }

        return ReadAsync<IReadOnlyList<string>>(async session =>
        {
            BillingCommand command = session.Sql(serverId.HasValue ? Statements.SelectServerLiveUserNamesByPrefix : Statements.SelectLiveUserNamesByPrefix)
                .With("@prefix", NamePattern.EscapeLike(prefix.ToLowerInvariant()) + "%")
                .With("@limit", limit);
            BindIfSet(command, "@server_id", serverId);
            return await command.ListAsync(row => row.String("user_name"), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<Account> SetAccountStatusAsync(long accountId, long expectedRowVersion, AccountStatus status, string? suspendReason = null, CancellationToken cancellationToken = default)
    {
        RequireStatus(status);
        string? reason = status == AccountStatus.Suspended
            ? ColumnLimits.Optional(suspendReason, "suspend reason", ColumnLimits.SuspendReason)
            : null;
        return WriteAsync(async session =>
        {
            int changed;
            try
            {
                changed = await session.Sql(Statements.UpdateAccountStatus)
                    .With("@status", (int)status)
                    .With("@suspend_reason", reason)
                    .With("@now", Now())
                    .With("@account_id", accountId)
                    .With("@expected_row_version", expectedRowVersion)
                    .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbException exception) when (IsUniqueViolation(exception))
            {
                // Bringing a deleted account back while its user name or domain is live again.
                Account account = await RequireAccountAsync(session, accountId, cancellationToken).ConfigureAwait(false);
                throw new BillingAlreadyExistsException(
                    BillingErrorIds.AccountUserNameTaken,
                    $"Account {accountId} cannot be restored: user name '{account.UserName}' or domain '{account.DomainName}' belongs to a live account on server '{account.ServerName}' now.",
                    account.UserName,
                    exception);
            }

            await EnsureChangedAsync(session, changed, accountId, expectedRowVersion, cancellationToken).ConfigureAwait(false);
            if (status == AccountStatus.Deleted)
            {
                await ReleaseIpsAsync(session, accountId, cancellationToken).ConfigureAwait(false);
            }

            return await RequireAccountAsync(session, accountId, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<Account> ChangeAccountPlanAsync(long accountId, long expectedRowVersion, long planId, CancellationToken cancellationToken = default) =>
        WriteAsync(async session =>
        {
            Account account = await RequireAccountAsync(session, accountId, cancellationToken).ConfigureAwait(false);
            BillingPlan plan = await RequirePlanAsync(session, planId, cancellationToken).ConfigureAwait(false);
            BillingServer server = await RequireServerAsync(session, account.ServerId, cancellationToken).ConfigureAwait(false);
            bool packageHasIp = await PlanPackageHasDedicatedIpAsync(session, plan, server, cancellationToken).ConfigureAwait(false);
            int changed = await session.Sql(Statements.UpdateAccountPlan)
                .With("@plan_id", planId)
                .With("@now", Now())
                .With("@account_id", accountId)
                .With("@expected_row_version", expectedRowVersion)
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            await EnsureChangedAsync(session, changed, accountId, expectedRowVersion, cancellationToken).ConfigureAwait(false);
            if ((plan.IncludesDedicatedIp || packageHasIp) && account.DedicatedIp == null)
            {
                await TakeFreeDedicatedIpAsync(session, accountId, server, cancellationToken).ConfigureAwait(false);
            }

            return await RequireAccountAsync(session, accountId, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<Account> SetAccountLimitsAsync(long accountId, long expectedRowVersion, AccountLimits limits, CancellationToken cancellationToken = default)
    {
        if (limits == null)
        {
            throw new ArgumentNullException(nameof(limits));
        }

        return WriteAsync(async session =>
        {
            int changed = await BindLimits(session.Sql(Statements.UpdateAccountLimits), limits)
                .With("@now", Now())
                .With("@account_id", accountId)
                .With("@expected_row_version", expectedRowVersion)
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            await EnsureChangedAsync(session, changed, accountId, expectedRowVersion, cancellationToken).ConfigureAwait(false);
            return await RequireAccountAsync(session, accountId, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    private async Task<Account> RequireAccountAsync(BillingSession session, long accountId, CancellationToken cancellationToken) =>
        await session.Sql(Statements.SelectAccountById).With("@account_id", accountId)
            .SingleOrDefaultAsync(RowMappers.Account, cancellationToken).ConfigureAwait(false)
        ?? throw AccountNotFound(accountId);

    private async Task RequireAccountExistsAsync(BillingSession session, long accountId, CancellationToken cancellationToken)
    {
        if (await session.Sql(Statements.SelectAccountExists).With("@account_id", accountId).ScalarInt64Async(cancellationToken).ConfigureAwait(false) != 1)
        {
            throw AccountNotFound(accountId);
        }
    }

    private Task<long?> FindLiveAccountIdAsync(BillingSession session, long serverId, string userName, CancellationToken cancellationToken) =>
        session.Sql(Statements.SelectLiveAccountIdByUser).With("@server_id", serverId).With("@user_name", userName)
            .ScalarInt64Async(cancellationToken);

    /// <summary>An update that matched no row: the account is gone (NotFound) or was changed meanwhile (Conflict).</summary>
    private async Task EnsureChangedAsync(BillingSession session, int changedRows, long accountId, long expectedRowVersion, CancellationToken cancellationToken)
    {
        if (changedRows == 1)
        {
            return;
        }

        await RequireAccountExistsAsync(session, accountId, cancellationToken).ConfigureAwait(false);
        throw new BillingConflictException(
            BillingErrorIds.AccountRowVersionConflict,
            $"Account {accountId} was changed by someone else after it was read (row version {expectedRowVersion} is no longer current). Read the account again and retry.",
            Id(accountId));
    }

    private static BillingCommand BindLimits(BillingCommand command, AccountLimits limits) =>
        command
            .With("@bandwidth_limit_mb", limits.Bandwidth)
            .With("@disk_limit_mb", limits.Disk)
            .With("@email_accounts_limit", limits.EmailAccounts)
            .With("@databases_limit", limits.Databases)
            .With("@addon_domains_limit", limits.AddonDomains);

    private static AccountStatus RequireStatus(AccountStatus status) =>
        Enum.IsDefined(typeof(AccountStatus), status)
            ? status
            : throw new BillingInvalidValueException($"{(int)status} is not an account status.", "status");

    private static BillingNotFoundException AccountNotFound(long accountId) =>
        new BillingNotFoundException(BillingErrorIds.AccountNotFound, $"Billing has no account {accountId}.", Id(accountId));

    private static BillingAlreadyExistsException UserNameTaken(BillingServer server, string userName, Exception? inner = null) =>
        new BillingAlreadyExistsException(
            BillingErrorIds.AccountUserNameTaken,
            $"Server '{server.Name}' already has a live account '{userName}' in billing. Choose another user name.",
            userName,
            inner);

    private static BillingAlreadyExistsException DomainHasAccount(string domainName, Exception? inner = null) =>
        new BillingAlreadyExistsException(
            BillingErrorIds.AccountDomainTaken,
            $"Domain '{domainName}' already has a live account in billing.",
            domainName,
            inner);
}

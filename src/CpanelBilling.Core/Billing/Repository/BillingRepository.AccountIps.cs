using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing.Sql;

namespace CpanelBilling.Core.Billing;

// Which account holds which address (itemip).
internal sealed partial class BillingRepository
{
    public Task<AccountIp> AssignDedicatedIpAsync(long accountId, CancellationToken cancellationToken = default) =>
        WriteAsync(async session =>
        {
            Account account = await RequireAccountAsync(session, accountId, cancellationToken).ConfigureAwait(false);
            AccountIp? held = (await ReadAccountIpsAsync(session, accountId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(ip => ip.IsDedicated);
            if (held != null)
            {
                return held;
            }

            BillingServer server = await RequireServerAsync(session, account.ServerId, cancellationToken).ConfigureAwait(false);
            long serverIpId = await TakeFreeDedicatedIpAsync(session, accountId, server, cancellationToken).ConfigureAwait(false);
            return (await ReadAccountIpsAsync(session, accountId, cancellationToken).ConfigureAwait(false)).Single(ip => ip.ServerIpId == serverIpId);
        }, cancellationToken);

    public Task<AccountIp> RecordAccountIpAsync(long accountId, string address, CancellationToken cancellationToken = default)
    {
        string text = ColumnLimits.Lowered(address, "IP address", ColumnLimits.Address);
        return WriteAsync(async session =>
        {
            Account account = await RequireAccountAsync(session, accountId, cancellationToken).ConfigureAwait(false);
            DateTime now = Now();
            Tuple<long, bool>? known = await session.Sql(Statements.SelectServerIpByAddress)
                .With("@server_id", account.ServerId).With("@address", text)
                .SingleOrDefaultAsync(r => Tuple.Create(r.Int64("id"), r.Bool("is_dedicated")), cancellationToken).ConfigureAwait(false);
            long serverIpId = known?.Item1 ?? (await session.Sql(Statements.InsertServerIp)
                .With("@server_id", account.ServerId).With("@address", text).With("@is_dedicated", false).With("@now", now)
                .ScalarInt64Async(cancellationToken).ConfigureAwait(false))!.Value;
            bool dedicated = known?.Item2 ?? false;

            long? holding = await session.Sql(Statements.SelectItemIpExists).With("@account_id", accountId).With("@server_ip_id", serverIpId)
                .ScalarInt64Async(cancellationToken).ConfigureAwait(false);
            if (holding == 0)
            {
                try
                {
                    await session.Sql(Statements.InsertItemIp)
                        .With("@account_id", accountId).With("@server_ip_id", serverIpId).With("@is_dedicated", dedicated).With("@now", now)
                        .ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (DbException exception) when (IsUniqueViolation(exception))
                {
                    throw new BillingAlreadyExistsException(
                        BillingErrorIds.IpHeldByOtherAccount,
                        $"Address {text} is the dedicated IP of another account in billing.",
                        text,
                        exception);
                }
            }

            return (await ReadAccountIpsAsync(session, accountId, cancellationToken).ConfigureAwait(false)).Single(ip => ip.ServerIpId == serverIpId);
        }, cancellationToken);
    }

    public Task<int> ReleaseAccountIpsAsync(long accountId, CancellationToken cancellationToken = default) =>
        WriteAsync(async session =>
        {
            await RequireAccountExistsAsync(session, accountId, cancellationToken).ConfigureAwait(false);
            return await ReleaseIpsAsync(session, accountId, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<IReadOnlyList<AccountIp>> ListAccountIpsAsync(long accountId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<AccountIp>>(async session =>
        {
            await RequireAccountExistsAsync(session, accountId, cancellationToken).ConfigureAwait(false);
            return await ReadAccountIpsAsync(session, accountId, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Takes a free dedicated IP of the server for the account in one atomic statement (NoFreeIp).</summary>
    private async Task<long> TakeFreeDedicatedIpAsync(BillingSession session, long accountId, BillingServer server, CancellationToken cancellationToken) =>
        await session.Sql(Statements.TakeFreeDedicatedIp)
            .With("@account_id", accountId).With("@server_id", server.Id).With("@now", Now())
            .ScalarInt64Async(cancellationToken).ConfigureAwait(false)
        ?? throw new NoFreeIpException(server.Name);

    private async Task<int> ReleaseIpsAsync(BillingSession session, long accountId, CancellationToken cancellationToken)
    {
        await session.Sql(Statements.FreeAccountDedicatedIps).With("@account_id", accountId).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return await session.Sql(Statements.DeleteAccountIps).With("@account_id", accountId).ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task<List<AccountIp>> ReadAccountIpsAsync(BillingSession session, long accountId, CancellationToken cancellationToken) =>
        session.Sql(Statements.SelectAccountIps).With("@account_id", accountId).ListAsync(RowMappers.AccountIp, cancellationToken);
}

using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing.Sql;

namespace CpanelBilling.Core.Billing;

internal sealed partial class BillingRepository
{
    public Task<BillingServer> AddServerAsync(string name, ServerSettings settings, CancellationToken cancellationToken = default)
    {
        string serverName = ColumnLimits.Required(name, "server name", ColumnLimits.ServerName);
        ServerSettings checkedSettings = Checked(settings);
        return WriteAsync(async session =>
        {
            long id;
            try
            {
                id = (await BindServer(session.Sql(Statements.InsertServer), checkedSettings)
                    .With("@name", serverName)
                    .With("@now", Now())
                    .ScalarInt64Async(cancellationToken).ConfigureAwait(false))!.Value;
            }
            catch (DbException exception) when (IsUniqueViolation(exception))
            {
                throw new BillingAlreadyExistsException(
                    BillingErrorIds.ServerAlreadyExists, $"Billing already has a server named '{serverName}'. Choose another name.", serverName, exception);
            }

            return await RequireServerAsync(session, id, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<BillingServer> UpdateServerAsync(long serverId, ServerSettings settings, CancellationToken cancellationToken = default)
    {
        ServerSettings checkedSettings = Checked(settings);
        return WriteAsync(async session =>
        {
            int changed = await BindServer(session.Sql(Statements.UpdateServer), checkedSettings)
                .With("@server_id", serverId)
                .With("@now", Now())
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            if (changed == 0)
            {
                throw ServerNotFound(Id(serverId));
            }

            return await RequireServerAsync(session, serverId, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<BillingServer> GetServerAsync(long serverId, CancellationToken cancellationToken = default) =>
        ReadAsync(session => RequireServerAsync(session, serverId, cancellationToken), cancellationToken);

    public Task<BillingServer?> FindServerAsync(string name, CancellationToken cancellationToken = default) =>
        ReadAsync(
            session => session.Sql(Statements.SelectServerByName).With("@name", (name ?? "").Trim())
                .SingleOrDefaultAsync(RowMappers.Server, cancellationToken),
            cancellationToken);

    public Task<IReadOnlyList<BillingServer>> ListServersAsync(bool includeDisabled = true, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<BillingServer>>(
            async session => await session.Sql(Statements.SelectServers).With("@include_disabled", includeDisabled)
                .ListAsync(RowMappers.Server, cancellationToken).ConfigureAwait(false),
            cancellationToken);

    public Task<int> RemoveServerAsync(long serverId, bool evenWithLiveAccounts = false, CancellationToken cancellationToken = default) =>
        WriteAsync(async session =>
        {
            BillingServer server = await RequireServerAsync(session, serverId, cancellationToken).ConfigureAwait(false);
            long live = await session.Sql(Statements.CountServerLiveAccounts).With("@server_id", serverId)
                .ScalarInt64Async(cancellationToken).ConfigureAwait(false) ?? 0;
            if (live > 0 && !evenWithLiveAccounts)
            {
                throw new BillingConflictException(
                    BillingErrorIds.ServerHasLiveAccounts,
                    $"Server '{server.Name}' has {live} account(s) that are not deleted; billing keeps the server while they exist.",
                    server.Name);
            }

            long accounts = await session.Sql(Statements.CountServerAccounts).With("@server_id", serverId)
                .ScalarInt64Async(cancellationToken).ConfigureAwait(false) ?? 0;
            foreach (string statement in new[]
            {
                Statements.DeleteServerLeases, Statements.DeleteServerJournal, Statements.DeleteServerBandwidth,
                Statements.DeleteServerItemIps, Statements.DeleteServerAccounts, Statements.DeleteServerIps,
                Statements.DeleteServerPlanPackages, Statements.DeleteServerPackages, Statements.DeleteServer,
            })
            {
                await session.Sql(statement).With("@server_id", serverId).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            }

            return (int)accounts;
        }, cancellationToken);

    private async Task<BillingServer> RequireServerAsync(BillingSession session, long serverId, CancellationToken cancellationToken) =>
        await session.Sql(Statements.SelectServerById).With("@server_id", serverId)
            .SingleOrDefaultAsync(RowMappers.Server, cancellationToken).ConfigureAwait(false)
        ?? throw ServerNotFound(Id(serverId));

    private static BillingNotFoundException ServerNotFound(string server) =>
        new BillingNotFoundException(BillingErrorIds.ServerNotFound, $"Billing has no server '{server}'. Add it first, or check the name or id.", server);

    private static ServerSettings Checked(ServerSettings settings)
    {
        if (settings == null)
        {
            throw new System.ArgumentNullException(nameof(settings));
        }

        return new ServerSettings
        {
            HostName = ColumnLimits.Required(settings.HostName, "host name", ColumnLimits.HostName),
            Port = ColumnLimits.Port(settings.Port),
            WhmUser = ColumnLimits.Required(settings.WhmUser, "WHM user", ColumnLimits.WhmUser),
            TokenVault = ColumnLimits.Optional(settings.TokenVault, "token vault", ColumnLimits.TokenVault),
            TokenSecretName = ColumnLimits.Required(settings.TokenSecretName, "token secret name", ColumnLimits.TokenSecret),
            PinnedCertificateThumbprint = ColumnLimits.Optional(settings.PinnedCertificateThumbprint, "certificate thumbprint", ColumnLimits.Thumbprint),
            MaxConcurrentRequests = ColumnLimits.Positive(settings.MaxConcurrentRequests, "maximum of concurrent requests"),
            MaxConcurrentAccountLifecycleCalls = ColumnLimits.Positive(settings.MaxConcurrentAccountLifecycleCalls, "maximum of concurrent account creations and removals"),
            Enabled = settings.Enabled,
        };
    }

    private static BillingCommand BindServer(BillingCommand command, ServerSettings settings) =>
        command
            .With("@host_name", settings.HostName)
            .With("@port", settings.Port)
            .With("@whm_user", settings.WhmUser)
            .With("@token_vault", settings.TokenVault)
            .With("@token_secret", settings.TokenSecretName)
            .With("@cert_thumbprint", settings.PinnedCertificateThumbprint)
            .With("@max_concurrent_requests", settings.MaxConcurrentRequests)
            .With("@max_concurrent_account_lifecycle_calls", settings.MaxConcurrentAccountLifecycleCalls)
            .With("@enabled", settings.Enabled);
}

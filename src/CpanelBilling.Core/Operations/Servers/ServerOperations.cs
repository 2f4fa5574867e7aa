using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Core.Operations.Servers;

/// <summary>
/// The servers billing knows: add, read, change, enable or disable, remove. Settings are checked before anything
/// is stored (<see cref="OperationArgumentException"/>); no server is called here (see
/// <see cref="ServerConnectionCheck"/> for that).
/// </summary>
public sealed class ServerOperations
{
    private readonly OperationContext context;

    public ServerOperations(OperationContext context) => this.context = context ?? throw new ArgumentNullException(nameof(context));

    public async Task<BillingServer> AddAsync(ServerDefinition definition, CancellationToken cancellationToken = default)
    {
        (string name, ServerSettings settings) = CheckDefinition(definition);
        return await context.Billing.AddServerAsync(name, settings, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The rules a new server must meet (name, host, port, user, pin, limits), without touching billing: for
    /// -WhatIf and -Confirm to refuse what <see cref="AddAsync"/> would. Returns the name and settings as stored.
    /// </summary>
    public static (string Name, ServerSettings Settings) CheckDefinition(ServerDefinition definition)
    {
        if (definition is null)
        {
            throw new ArgumentNullException(nameof(definition));
        }

        string name = ServerSettingsRules.CheckName(definition.Name);
        ServerSettings settings = ServerSettingsRules.Check(name, new ServerSettings
        {
            HostName = definition.HostName,
            Port = definition.Port,
            WhmUser = definition.WhmUser,
            TokenVault = definition.TokenVault,
            TokenSecretName = string.IsNullOrWhiteSpace(definition.TokenSecretName) ? ServerDefinition.DefaultTokenSecretName(name) : definition.TokenSecretName!,
            PinnedCertificateThumbprint = definition.CertificateThumbprint,
            MaxConcurrentRequests = definition.MaxConcurrentRequests,
            MaxConcurrentAccountLifecycleCalls = definition.MaxConcurrentAccountLifecycleCalls,
            Enabled = definition.Enabled,
        });
        return (name, settings);
    }

    public Task<BillingServer> GetAsync(string name, CancellationToken cancellationToken = default) =>
        ServerLookup.RequireAsync(context.Billing, name, cancellationToken);

    public Task<IReadOnlyList<BillingServer>> ListAsync(bool includeDisabled = true, CancellationToken cancellationToken = default) =>
        context.Billing.ListServersAsync(includeDisabled, cancellationToken);

    /// <summary>Applies the given changes over the stored settings; the result must meet every rule an added server meets.</summary>
    public async Task<BillingServer> UpdateAsync(string name, ServerUpdate update, CancellationToken cancellationToken = default)
    {
        (BillingServer server, ServerSettings changed) = await CheckUpdateAsync(name, update, cancellationToken).ConfigureAwait(false);
        return await context.Billing.UpdateServerAsync(server.Id, changed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the server and checks the settings <paramref name="update"/> would leave it with, changing nothing: for
    /// -WhatIf and -Confirm to refuse what <see cref="UpdateAsync"/> would.
    /// </summary>
    public async Task<(BillingServer Server, ServerSettings Changed)> CheckUpdateAsync(string name, ServerUpdate update, CancellationToken cancellationToken = default)
    {
        if (update is null)
        {
            throw new ArgumentNullException(nameof(update));
        }

        BillingServer server = await ServerLookup.RequireAsync(context.Billing, name, cancellationToken).ConfigureAwait(false);
        ServerSettings current = server.Settings;
        ServerSettings changed = ServerSettingsRules.Check(server.Name, new ServerSettings
        {
            HostName = update.HostName ?? current.HostName,
            Port = update.Port ?? current.Port,
            WhmUser = update.WhmUser ?? current.WhmUser,
            TokenVault = update.TokenVault ?? current.TokenVault,
            TokenSecretName = update.TokenSecretName ?? current.TokenSecretName,
            PinnedCertificateThumbprint = update.CertificateThumbprint ?? current.PinnedCertificateThumbprint,
            MaxConcurrentRequests = update.MaxConcurrentRequests ?? current.MaxConcurrentRequests,
            MaxConcurrentAccountLifecycleCalls = update.MaxConcurrentAccountLifecycleCalls ?? current.MaxConcurrentAccountLifecycleCalls,
            Enabled = update.Enabled ?? current.Enabled,
        });
        return (server, changed);
    }

    /// <summary>A disabled server stays in billing with everything it has, but operations leave it alone.</summary>
    public Task<BillingServer> SetEnabledAsync(string name, bool enabled, CancellationToken cancellationToken = default) =>
        UpdateAsync(name, new ServerUpdate { Enabled = enabled }, cancellationToken);

    /// <summary>
    /// Removes the server from billing with everything billing keeps for it (packages, IPs, plan mappings, journal,
    /// accounts with their IPs and bandwidth). Refused with <see cref="ServerHasLiveAccountsException"/> while it
    /// has accounts that are not deleted, unless <paramref name="force"/>. Nothing is done on the server itself.
    /// </summary>
    public async Task<ServerRemoval> RemoveAsync(string name, bool force = false, CancellationToken cancellationToken = default)
    {
        BillingServer server = await ServerLookup.RequireAsync(context.Billing, name, cancellationToken).ConfigureAwait(false);
        int live = await CountLiveAccountsAsync(server, cancellationToken).ConfigureAwait(false);
        if (live > 0 && !force)
        {
            throw new ServerHasLiveAccountsException(server.Name, live);
        }

        int removed;
        try
        {
            removed = await context.Billing.RemoveServerAsync(server.Id, evenWithLiveAccounts: force, cancellationToken).ConfigureAwait(false);
        }
        catch (BillingConflictException) when (!force)
        {
            // An account was opened on the server between the count and the removal.
            throw new ServerHasLiveAccountsException(server.Name, await CountLiveAccountsAsync(server, cancellationToken).ConfigureAwait(false));
        }

        return new ServerRemoval(server, removed, live);
    }

    /// <summary>
    /// Checks a removal before it is asked for or shown (-WhatIf, -Confirm): the number of live accounts it would
    /// take with it, or <see cref="ServerHasLiveAccountsException"/> when there are some and <paramref name="force"/>
    /// is not given, as <see cref="RemoveAsync"/> would refuse.
    /// </summary>
    public async Task<int> CheckRemovalAsync(string name, bool force, CancellationToken cancellationToken = default)
    {
        BillingServer server = await ServerLookup.RequireAsync(context.Billing, name, cancellationToken).ConfigureAwait(false);
        int live = await CountLiveAccountsAsync(server, cancellationToken).ConfigureAwait(false);
        return live > 0 && !force ? throw new ServerHasLiveAccountsException(server.Name, live) : live;
    }

    private async Task<int> CountLiveAccountsAsync(BillingServer server, CancellationToken cancellationToken)
    {
        int live = 0;
        await foreach (Account _ in context.Billing.ListAccountsAsync(new AccountQuery { ServerId = server.Id }, cancellationToken).ConfigureAwait(false))
        {
            live++;
        }

        return live;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Packages;
using CpanelBilling.Core.Operations.Throttling;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Servers;

/// <summary>What a sync changed in billing, and what it found that needs a person.</summary>
public sealed class ServerSyncResult
{
    internal ServerSyncResult(BillingServer server, SyncResult packages, SyncResult ips, IReadOnlyList<string> warnings)
    {
        Server = server;
        Packages = packages;
        Ips = ips;
        Warnings = warnings;
    }

    public BillingServer Server { get; }

    /// <summary>Packages added, refreshed, and marked removed (never dropped).</summary>
    public SyncResult Packages { get; }

    /// <summary>IP addresses added, refreshed, and marked removed; which account holds which address is kept.</summary>
    public SyncResult Ips { get; }

    /// <summary>Billing and server disagree in a way a sync must not settle alone (a plan on a package gone, an IP held by an account but free on the server …).</summary>
    public IReadOnlyList<string> Warnings { get; }
}

/// <summary>
/// Reads a server's packages (listpkgs, every package with all its limits) and IP addresses (listips) into billing
/// in one go. Packages and IPs gone from the server are marked removed, not dropped; billing's record of which
/// account holds which address is kept.
/// </summary>
public sealed class ServerSync
{
    private readonly OperationContext context;

    public ServerSync(OperationContext context) => this.context = context ?? throw new ArgumentNullException(nameof(context));

    public async Task<ServerSyncResult> SyncAsync(string serverName, CancellationToken cancellationToken = default)
    {
        BillingServer server = await ServerLookup.RequireAsync(context.Billing, serverName, cancellationToken).ConfigureAwait(false);
        IWhmClient client = context.Servers.Connect(server);

        // Both lists are read before billing changes, so a server that fails half-way leaves billing as it was.
        IReadOnlyList<WhmIpAddress> addresses;
        SyncResult packages;
        using (await context.Throttle.EnterAsync(server, ThrottleLane.Requests, cancellationToken).ConfigureAwait(false))
        {
            addresses = await client.ListIpAddressesAsync(cancellationToken).ConfigureAwait(false);
            packages = await PackageInventory.ReadIntoBillingAsync(context, server, client, cancellationToken).ConfigureAwait(false);
        }

        SyncResult ips = await context.Billing.SyncServerIpsAsync(server.Id, addresses.Select(ToDefinition).ToList(), cancellationToken).ConfigureAwait(false);

        var warnings = new List<string>();
        await WarnAboutOrphanedPlansAsync(server, warnings, cancellationToken).ConfigureAwait(false);
        await WarnAboutHeldAddressesAsync(server, warnings, cancellationToken).ConfigureAwait(false);
        return new ServerSyncResult(server, packages, ips, warnings);
    }

    /// <summary>
    /// listips → billing: the main address is the shared one; every other address can serve as a dedicated IP, and
    /// is free when the server has it in its unallocated pool (used 0).
    /// </summary>
    internal static ServerIpDefinition ToDefinition(WhmIpAddress address) => new()
    {
        Address = address.Address,
        IsMain = address.IsMain,
        IsDedicated = !address.IsMain,
        IsUsed = address.IsUsed,
    };

    private async Task WarnAboutOrphanedPlansAsync(BillingServer server, List<string> warnings, CancellationToken cancellationToken)
    {
        var live = new HashSet<string>(
            (await context.Billing.ListServerPackagesAsync(server.Id, includeRemoved: false, cancellationToken).ConfigureAwait(false)).Select(p => p.Name),
            StringComparer.Ordinal);
        foreach (BillingPlan plan in await context.Billing.ListPlansAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (PlanPackage mapping in plan.Packages.Where(m => m.ServerId == server.Id && !live.Contains(m.PackageName)))
            {
                warnings.Add(
                    $"Plan '{plan.Name}' is carried by package '{mapping.PackageName}', which server '{server.Name}' no longer has: new accounts on the plan cannot be opened there. "
                    + "Map the plan to another package, or add the package on the server again (New-CpPackage).");
            }
        }
    }

    private async Task WarnAboutHeldAddressesAsync(BillingServer server, List<string> warnings, CancellationToken cancellationToken)
    {
        foreach (ServerIp ip in await context.Billing.ListServerIpsAsync(server.Id, includeRemoved: true, cancellationToken).ConfigureAwait(false))
        {
            if (ip.DedicatedToAccountId is not { } accountId)
            {
                continue;
            }

            string? problem = ip.RemovedUtc.HasValue ? "no longer has the address" : !ip.IsUsedOnServer ? "lists it as free" : null;
            if (problem is not null)
            {
                Account holder = await context.Billing.GetAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
                warnings.Add($"{ip.Address} is the dedicated IP of account '{holder.UserName}' in billing, but server '{server.Name}' {problem}. Check the account (Repair-CpAccount).");
            }
        }
    }
}

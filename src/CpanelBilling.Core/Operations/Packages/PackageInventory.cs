using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Packages;

/// <summary>Reads a server's packages and brings billing's copy in line: the one way both sync and package changes do it.</summary>
internal static class PackageInventory
{
    /// <summary>listpkgs with want=all (every package, not only those root may create), then billing's sync.</summary>
    public static async Task<(IReadOnlyList<WhmPackage> Listed, SyncResult Sync)> ReadIntoBillingAsync(
        OperationContext context, BillingServer server, IWhmClient client, CancellationToken cancellationToken)
    {
        IReadOnlyList<WhmPackage> listed = await client.ListPackagesAsync(PackageVisibility.All, cancellationToken).ConfigureAwait(false);
        SyncResult sync = await context.Billing.SyncServerPackagesAsync(server.Id, listed, cancellationToken).ConfigureAwait(false);
        return (listed, sync);
    }
}

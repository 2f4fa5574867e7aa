using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Packages;

/// <summary>Reads a server's packages and brings billing's copy in line: the one way both sync and package changes do it.</summary>
internal static class PackageInventory
{
    /// <summary>listpkgs with want=all: every package, not only those the WHM user may create.</summary>
    public static Task<IReadOnlyList<WhmPackage>> ReadAsync(IWhmClient client, CancellationToken cancellationToken) =>
        client.ListPackagesAsync(PackageVisibility.All, cancellationToken);

    /// <summary>Reads the server's packages, then makes billing's list match (gone packages are marked, not dropped).</summary>
    public static async Task<SyncResult> ReadIntoBillingAsync(OperationContext context, BillingServer server, IWhmClient client, CancellationToken cancellationToken)
    {
        IReadOnlyList<WhmPackage> listed = await ReadAsync(client, cancellationToken).ConfigureAwait(false);
        return await context.Billing.SyncServerPackagesAsync(server.Id, listed, cancellationToken).ConfigureAwait(false);
    }
}

using System.Linq;
using CpanelBilling.Core.Operations.Servers;

namespace CpanelBilling.Types;

/// <summary>What Sync-CpServer changed in billing for one server.</summary>
public sealed class CpServerSync
{
    public string Server { get; set; } = "";

    public string[] PackagesAdded { get; set; } = System.Array.Empty<string>();

    public string[] PackagesUpdated { get; set; } = System.Array.Empty<string>();

    /// <summary>Packages gone from the server, now marked removed in billing (never dropped).</summary>
    public string[] PackagesRemoved { get; set; } = System.Array.Empty<string>();

    public string[] IpsAdded { get; set; } = System.Array.Empty<string>();

    public string[] IpsUpdated { get; set; } = System.Array.Empty<string>();

    /// <summary>Addresses gone from the server, now marked removed in billing.</summary>
    public string[] IpsRemoved { get; set; } = System.Array.Empty<string>();

    /// <summary>Disagreements a sync does not settle alone (also written as warnings).</summary>
    public string[] Warnings { get; set; } = System.Array.Empty<string>();

    public override string ToString() => Server;

    internal static CpServerSync From(ServerSyncResult result) => new()
    {
        Server = result.Server.Name,
        PackagesAdded = result.Packages.Added.ToArray(),
        PackagesUpdated = result.Packages.Updated.ToArray(),
        PackagesRemoved = result.Packages.Removed.ToArray(),
        IpsAdded = result.Ips.Added.ToArray(),
        IpsUpdated = result.Ips.Updated.ToArray(),
        IpsRemoved = result.Ips.Removed.ToArray(),
        Warnings = result.Warnings.ToArray(),
    };
}

using System.Text.Json;

namespace CpanelBilling.Core.Whm;

/// <summary>One IPv4 address of the server, as listips reports it.</summary>
public sealed class WhmIpAddress
{
    public string Address { get; private set; } = string.Empty;

    /// <summary>The public (NAT) address; equals <see cref="Address"/> without NAT.</summary>
    public string? PublicAddress { get; private set; }

    public string? Interface { get; private set; }

    public string? Netmask { get; private set; }

    public string? Network { get; private set; }

    /// <summary>The server's main (shared) address.</summary>
    public bool IsMain { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>False only for addresses in the free pool.</summary>
    public bool IsUsed { get; private set; }

    public bool IsDedicated { get; private set; }

    public bool IsRemovable { get; private set; }

    public override string ToString() => Address;

    internal static WhmIpAddress FromJson(JsonElement ip) => new()
    {
        Address = JsonValues.GetRequiredString(ip, "ip"),
        PublicAddress = JsonValues.GetString(ip, "public_ip"),
        Interface = JsonValues.GetString(ip, "if"),
        Netmask = JsonValues.GetString(ip, "netmask"),
        Network = JsonValues.GetString(ip, "network"),
        IsMain = JsonValues.GetFlag(ip, "mainaddr"),
        IsActive = JsonValues.GetFlag(ip, "active"),
        IsUsed = JsonValues.GetFlag(ip, "used"),
        IsDedicated = JsonValues.GetFlag(ip, "dedicated"),
        IsRemovable = JsonValues.GetFlag(ip, "removable"),
    };
}

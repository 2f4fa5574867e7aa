namespace CpanelBilling.WhmSimulator;

/// <summary>
/// An IPv4 address bound on the simulated server. The main address is shared by every account without a dedicated
/// IP; every other address is a dedicated IP, free until an account takes it.
/// </summary>
public sealed record SimulatedIp
{
    public required string Address { get; init; }
    public bool IsMain { get; init; }
    public string Interface { get; init; } = "eth0";
    public string Netmask { get; init; } = "255.255.255.0";

    /// <summary>The NAT public address reported by API 1 (<c>public_ip</c>); null means the same as <see cref="Address"/>.</summary>
    public string? PublicIp { get; init; }
}

using System;

namespace CpanelBilling.Core.Billing;

/// <summary>An IP address of a server, as <c>listips</c> reports it, as billing last saw it.</summary>
public sealed class ServerIpDefinition
{
    public string Address { get; set; } = "";

    /// <summary>On the server's dedicated-IP list (listips <c>dedicated</c>).</summary>
    public bool IsDedicated { get; set; }

    /// <summary>The server's main (shared) address (listips <c>mainaddr</c>).</summary>
    public bool IsMain { get; set; }

    /// <summary>Not in the server's free pool (listips <c>used</c>).</summary>
    public bool IsUsed { get; set; }
}

/// <summary>An IP address of a server in billing, with who holds it.</summary>
public sealed class ServerIp
{
    internal ServerIp(long id, long serverId, ServerIpDefinition definition, long? dedicatedToAccountId, DateTime firstSeenUtc, DateTime lastSeenUtc, DateTime? removedUtc)
    {
        Id = id;
        ServerId = serverId;
        Address = definition.Address;
        IsDedicated = definition.IsDedicated;
        IsMain = definition.IsMain;
        IsUsedOnServer = definition.IsUsed;
        DedicatedToAccountId = dedicatedToAccountId;
        FirstSeenUtc = firstSeenUtc;
        LastSeenUtc = lastSeenUtc;
        RemovedUtc = removedUtc;
    }

    public long Id { get; }

    public long ServerId { get; }

    public string Address { get; }

    public bool IsDedicated { get; }

    public bool IsMain { get; }

    /// <summary>The server said the address is in use (at the last sync, or billing gave it to an account since).</summary>
    public bool IsUsedOnServer { get; }

    /// <summary>The account holding the address as its dedicated IP.</summary>
    public long? DedicatedToAccountId { get; }

    public DateTime FirstSeenUtc { get; }

    public DateTime LastSeenUtc { get; }

    /// <summary>When a sync first missed the address on the server; null while the server has it.</summary>
    public DateTime? RemovedUtc { get; }

    /// <summary>Free to hand out as a dedicated IP.</summary>
    public bool IsFree => IsDedicated && !IsMain && !IsUsedOnServer && !RemovedUtc.HasValue && !DedicatedToAccountId.HasValue;

    public override string ToString() => Address;
}

/// <summary>An address an account holds (a row of <c>itemip</c>).</summary>
public sealed class AccountIp
{
    internal AccountIp(long accountId, long serverIpId, string address, bool isDedicated, DateTime assignedUtc)
    {
        AccountId = accountId;
        ServerIpId = serverIpId;
        Address = address;
        IsDedicated = isDedicated;
        AssignedUtc = assignedUtc;
    }

    public long AccountId { get; }

    public long ServerIpId { get; }

    public string Address { get; }

    /// <summary>Held by this account alone (a dedicated IP), rather than shared with other accounts.</summary>
    public bool IsDedicated { get; }

    public DateTime AssignedUtc { get; }

    public override string ToString() => Address;
}

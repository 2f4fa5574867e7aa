using System;
using System.Collections.Generic;

namespace CpanelBilling.Core.Billing;

/// <summary>
/// A plan the hosting company sells. On each server where it is offered it maps to one cPanel package
/// (the same plan may be "gold" on one server and "host_gold" on another).
/// </summary>
public sealed class BillingPlan
{
    internal BillingPlan(long id, string name, bool includesDedicatedIp, DateTime createdUtc, IReadOnlyList<PlanPackage> packages)
    {
        Id = id;
        Name = name;
        IncludesDedicatedIp = includesDedicatedIp;
        CreatedUtc = createdUtc;
        Packages = packages;
    }

    public long Id { get; }

    public string Name { get; }

    /// <summary>Every account opened on the plan gets a dedicated IP from the server's pool.</summary>
    public bool IncludesDedicatedIp { get; }

    public DateTime CreatedUtc { get; }

    /// <summary>The cPanel package of the plan on each server that offers it.</summary>
    public IReadOnlyList<PlanPackage> Packages { get; }

    public override string ToString() => Name;
}

/// <summary>The cPanel package that carries a plan on one server.</summary>
public sealed class PlanPackage
{
    internal PlanPackage(long serverId, string serverName, string packageName)
    {
        ServerId = serverId;
        ServerName = serverName;
        PackageName = packageName;
    }

    public long ServerId { get; }

    public string ServerName { get; }

    public string PackageName { get; }

    public override string ToString() => ServerName + ":" + PackageName;
}

using System;
using System.Linq;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Types;

/// <summary>A billing plan and the cPanel package that carries it on each server (Get-CpPlan, New-CpPlan). Pipes into -Plan.</summary>
public sealed class CpPlan
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The same as <see cref="Name"/>, so a plan binds -Plan by property name.</summary>
    public string Plan => Name;

    /// <summary>Every account opened on the plan gets a dedicated IP.</summary>
    public bool DedicatedIp { get; set; }

    /// <summary>The package per server, as "server:package".</summary>
    public string[] Packages { get; set; } = Array.Empty<string>();

    public DateTime Created { get; set; }

    public override string ToString() => Name;

    internal static CpPlan From(BillingPlan plan) => new()
    {
        Id = plan.Id,
        Name = plan.Name,
        DedicatedIp = plan.IncludesDedicatedIp,
        Packages = plan.Packages.Select(p => p.ServerName + ":" + p.PackageName).ToArray(),
        Created = plan.CreatedUtc,
    };
}

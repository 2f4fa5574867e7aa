using System;

namespace CpanelBilling.Core.Billing;

/// <summary>
/// A cPanel account as billing records it, with the names of what it refers to. <see cref="RowVersion"/> is the
/// version this copy was read at: every change passes it back, and a change made meanwhile by someone else fails
/// with a conflict instead of being overwritten.
/// </summary>
public sealed class Account
{
    public long Id { get; internal set; }

    public long CustomerId { get; internal set; }

    public string CustomerLogin { get; internal set; } = "";

    public long ServerId { get; internal set; }

    public string ServerName { get; internal set; } = "";

    public long DomainId { get; internal set; }

    /// <summary>The account's main domain.</summary>
    public string DomainName { get; internal set; } = "";

    public long PlanId { get; internal set; }

    public string PlanName { get; internal set; } = "";

    /// <summary>The cPanel package of the plan on the account's server; null when the plan is not mapped there.</summary>
    public string? PackageName { get; internal set; }

    /// <summary>The cPanel user name, unique on its server among accounts that are not deleted.</summary>
    public string UserName { get; internal set; } = "";

    public AccountStatus Status { get; internal set; }

    public string? SuspendReason { get; internal set; }

    /// <summary>The account itself asks for a dedicated IP (besides plans that include one).</summary>
    public bool WantsDedicatedIp { get; internal set; }

    /// <summary>The dedicated IP the account holds, if any.</summary>
    public string? DedicatedIp { get; internal set; }

    /// <summary>The account's address: its dedicated IP, else the shared IP recorded for it.</summary>
    public string? IpAddress { get; internal set; }

    public AccountLimits Limits { get; internal set; } = new AccountLimits();

    public DateTime CreatedUtc { get; internal set; }

    public DateTime ChangedUtc { get; internal set; }

    public long RowVersion { get; internal set; }

    public override string ToString() => ServerName + "/" + UserName;
}

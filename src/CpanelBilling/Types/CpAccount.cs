using System;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Types;

/// <summary>
/// A cPanel account as billing holds it (Get-CpAccount, and what the account cmdlets return). Pipes into the other
/// account cmdlets by Server and UserName. A limit is the account's own override ("unlimited" or a number; MB for
/// bandwidth and disk); empty means the package decides.
/// </summary>
public class CpAccount
{
    public long Id { get; set; }

    /// <summary>The billing server name; binds -Server.</summary>
    public string Server { get; set; } = "";

    /// <summary>The cPanel user name; binds -UserName.</summary>
    public string UserName { get; set; } = "";

    /// <summary>The main domain; binds -Domain of New-CpAccount.</summary>
    public string Domain { get; set; } = "";

    /// <summary>The customer's login; binds -Customer.</summary>
    public string Customer { get; set; } = "";

    /// <summary>The billing plan; binds -Plan.</summary>
    public string Plan { get; set; } = "";

    /// <summary>The cPanel package of the plan on the account's server.</summary>
    public string? Package { get; set; }

    public CpAccountStatus Status { get; set; }

    public string? SuspendReason { get; set; }

    /// <summary>The account's address: its dedicated IP, else the shared IP recorded for it.</summary>
    public string? IpAddress { get; set; }

    /// <summary>The dedicated IP the account holds, if any.</summary>
    public string? DedicatedIp { get; set; }

    public string? BandwidthLimit { get; set; }

    public string? DiskLimit { get; set; }

    public string? EmailAccountsLimit { get; set; }

    public string? DatabasesLimit { get; set; }

    public string? AddonDomainsLimit { get; set; }

    public DateTime Created { get; set; }

    public DateTime Changed { get; set; }

    public override string ToString() => Server + "/" + UserName;

    internal static CpAccount From(Account account) => Fill(new CpAccount(), account);

    internal static T Fill<T>(T target, Account account)
        where T : CpAccount
    {
        target.Id = account.Id;
        target.Server = account.ServerName;
        target.UserName = account.UserName;
        target.Domain = account.DomainName;
        target.Customer = account.CustomerLogin;
        target.Plan = account.PlanName;
        target.Package = account.PackageName;
        target.Status = (CpAccountStatus)(int)account.Status;
        target.SuspendReason = account.SuspendReason;
        target.IpAddress = account.IpAddress;
        target.DedicatedIp = account.DedicatedIp;
        target.BandwidthLimit = account.Limits.Bandwidth?.ToString();
        target.DiskLimit = account.Limits.Disk?.ToString();
        target.EmailAccountsLimit = account.Limits.EmailAccounts?.ToString();
        target.DatabasesLimit = account.Limits.Databases?.ToString();
        target.AddonDomainsLimit = account.Limits.AddonDomains?.ToString();
        target.Created = account.CreatedUtc;
        target.Changed = account.ChangedUtc;
        return target;
    }
}

/// <summary>An account New-CpAccount opened, with the generated password when -ReturnCredential asked for it.</summary>
public sealed class CpNewAccount : CpAccount
{
    /// <summary>The user name and generated password; shown once, kept nowhere.</summary>
    public System.Management.Automation.PSCredential? Credential { get; set; }
}

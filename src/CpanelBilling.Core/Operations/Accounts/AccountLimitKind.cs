namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>The per-account limits billing can override (see <see cref="Billing.AccountLimits"/>).</summary>
public enum AccountLimitKind
{
    /// <summary>Monthly bandwidth in MB (limitbw).</summary>
    Bandwidth,

    /// <summary>Disk quota in MB (editquota).</summary>
    Disk,

    /// <summary>E-mail accounts (modifyacct MAXPOP).</summary>
    EmailAccounts,

    /// <summary>Databases (modifyacct MAXSQL).</summary>
    Databases,

    /// <summary>Addon domains (modifyacct MAXADDON).</summary>
    AddonDomains,
}

internal static class AccountLimitKindText
{
    public static string Describe(this AccountLimitKind kind) => kind switch
    {
        AccountLimitKind.Bandwidth => "bandwidth",
        AccountLimitKind.Disk => "disk",
        AccountLimitKind.EmailAccounts => "e-mail accounts",
        AccountLimitKind.Databases => "databases",
        _ => "addon domains",
    };
}

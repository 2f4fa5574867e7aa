using System;
using System.Collections.Generic;

namespace CpanelBilling.Core.Whm;

/// <summary>The WHM API 1 functions the client calls, and which of them only read.</summary>
public static class WhmFunctions
{
    public const string Version = "version";
    public const string GetHostname = "gethostname";
    public const string AppList = "applist";
    public const string CreateAccount = "createacct";
    public const string RemoveAccount = "removeacct";
    public const string SuspendAccount = "suspendacct";
    public const string UnsuspendAccount = "unsuspendacct";
    public const string ChangePackage = "changepackage";
    public const string ModifyAccount = "modifyacct";
    public const string LimitBandwidth = "limitbw";
    public const string EditQuota = "editquota";
    public const string ChangePassword = "passwd";
    public const string AccountSummary = "accountsummary";
    public const string ListAccounts = "listaccts";
    public const string ListPackages = "listpkgs";
    public const string AddPackage = "addpkg";
    public const string EditPackage = "editpkg";
    public const string DeletePackage = "killpkg";
    public const string ShowBandwidth = "showbw";
    public const string ListIps = "listips";
    public const string SetSiteIp = "setsiteip";

    /// <summary>Every function the module calls: what a token's ACLs must allow for the module to work fully.</summary>
    public static IReadOnlyList<string> All { get; } = new[]
    {
        Version, GetHostname, AppList, CreateAccount, RemoveAccount, SuspendAccount, UnsuspendAccount, ChangePackage,
        ModifyAccount, LimitBandwidth, EditQuota, ChangePassword, AccountSummary, ListAccounts, ListPackages, AddPackage,
        EditPackage, DeletePackage, ShowBandwidth, ListIps, SetSiteIp,
    };

    private static readonly HashSet<string> ReadOnlyFunctions = new(StringComparer.Ordinal)
    {
        Version, GetHostname, AppList, AccountSummary, ListAccounts, ListPackages, ShowBandwidth, ListIps,
    };

    /// <summary>True for functions that change nothing on the server; only these are ever retried.</summary>
    public static bool IsReadOnly(string function) => ReadOnlyFunctions.Contains(function);
}

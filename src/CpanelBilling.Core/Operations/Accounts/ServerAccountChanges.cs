using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Operations.Journal;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>
/// The server-changing calls of account operations, each with the read that tells whether it is in effect: what
/// the journal uses to settle a lost answer, and a refusal that may mean "already done", by looking at the server.
/// </summary>
internal static class ServerAccountChanges
{
    /// <summary>createacct. In effect when the server has the user with this domain; a different domain is someone else's account.</summary>
    public static ServerChange<CreateAccountResult> Create(CreateAccountRequest request) => new(
        WhmFunctions.CreateAccount,
        Journaled(request.ToParameters().ToLogView()),
        (client, ct) => client.CreateAccountAsync(request, ct),
        async (client, ct) => IsSameAccount(await client.GetAccountSummaryAsync(request.Username, ct).ConfigureAwait(false), request.Domain))
    {
        CheckServerWhen = failure => failure is WhmCallFailedException { Kind: FailureKind.AlreadyExists },
    };

    /// <summary>removeacct. In effect when the server no longer has the user; "no such user" is checked, not believed.</summary>
    public static ServerChange<WhmCallResult> Remove(string user, bool keepDns) => new(
        WhmFunctions.RemoveAccount,
        Parameters(("user", user), ("keepdns", keepDns ? "1" : "0")),
        (client, ct) => client.RemoveAccountAsync(user, keepDns, ct),
        async (client, ct) => await client.GetAccountSummaryAsync(user, ct).ConfigureAwait(false) == null)
    {
        CheckServerWhen = failure => failure is WhmCallFailedException { Kind: FailureKind.NotFound },
    };

    public static ServerChange<WhmCallResult> Suspend(string user, string? reason) => new(
        WhmFunctions.SuspendAccount,
        Parameters(("user", user), ("reason", reason)),
        (client, ct) => client.SuspendAccountAsync(user, reason, cancellationToken: ct),
        async (client, ct) => (await client.GetAccountSummaryAsync(user, ct).ConfigureAwait(false))?.IsSuspended == true)
    {
        CheckServerWhen = failure => failure is WhmCallFailedException,
    };

    public static ServerChange<WhmCallResult> Unsuspend(string user) => new(
        WhmFunctions.UnsuspendAccount,
        Parameters(("user", user)),
        (client, ct) => client.UnsuspendAccountAsync(user, ct),
        async (client, ct) => (await client.GetAccountSummaryAsync(user, ct).ConfigureAwait(false)) is { IsSuspended: false })
    {
        CheckServerWhen = failure => failure is WhmCallFailedException,
    };

    public static ServerChange<WhmCallResult> ChangePackage(string user, string package) => new(
        WhmFunctions.ChangePackage,
        Parameters(("user", user), ("pkg", package)),
        (client, ct) => client.ChangePackageAsync(user, package, ct),
        async (client, ct) => (await client.GetAccountSummaryAsync(user, ct).ConfigureAwait(false))?.Plan == package);

    public static ServerChange<BandwidthLimitResult> LimitBandwidth(string user, MegabyteLimit limit) => new(
        WhmFunctions.LimitBandwidth,
        Parameters(("user", user), ("bwlimit", limit.ToString())),
        (client, ct) => client.LimitBandwidthAsync(user, limit, ct),
        async (client, ct) => (await ServerLimits.ReadBandwidthAsync(client, user, ct).ConfigureAwait(false)) == limit);

    public static ServerChange<WhmCallResult> EditQuota(string user, MegabyteLimit quota) => new(
        WhmFunctions.EditQuota,
        Parameters(("user", user), ("quota", quota.ToString())),
        (client, ct) => client.EditQuotaAsync(user, quota, ct),
        async (client, ct) => (await client.GetAccountSummaryAsync(user, ct).ConfigureAwait(false))?.DiskLimit == quota);

    /// <summary>modifyacct with the count limits that are given (MAXPOP, MAXSQL, MAXADDON); null ones are not sent.</summary>
    public static ServerChange<ModifyAccountResult> ModifyCounts(string user, CountLimit? emailAccounts, CountLimit? databases, CountLimit? addonDomains)
    {
        var request = new ModifyAccountRequest(user) { MaxPop = emailAccounts, MaxSql = databases, MaxAddons = addonDomains };
        return new ServerChange<ModifyAccountResult>(
            WhmFunctions.ModifyAccount,
            Journaled(request.ToParameters().ToLogView()),
            (client, ct) => client.ModifyAccountAsync(request, ct),
            async (client, ct) => await client.GetAccountSummaryAsync(user, ct).ConfigureAwait(false) is { } account
                && (emailAccounts == null || account.MaxPop == emailAccounts)
                && (databases == null || account.MaxSql == databases)
                && (addonDomains == null || account.MaxAddons == addonDomains));
    }

    public static ServerChange<WhmCallResult> SetSiteIp(string user, string ip) => new(
        WhmFunctions.SetSiteIp,
        Parameters(("user", user), ("ip", ip)),
        (client, ct) => client.SetSiteIpAsync(user, ip, ct),
        async (client, ct) => (await client.GetAccountSummaryAsync(user, ct).ConfigureAwait(false))?.Ip == ip);

    /// <summary>
    /// passwd. A password cannot be read back, so a lost answer cannot be settled by reading: the check says so,
    /// and the journal records the outcome as unknown rather than guessing.
    /// </summary>
    public static ServerChange<IReadOnlyList<string>> SetPassword(string user, WhmSecret password) => new(
        WhmFunctions.ChangePassword,
        Parameters(("user", user), ("password", SecretMasking.Mask)),
        (client, ct) => client.ChangePasswordAsync(user, password, cancellationToken: ct),
        (client, ct) => throw new AccountOperationException(
            AccountErrorIds.PasswordUnverifiable,
            FailureKind.Ambiguous,
            $"Whether the password of '{user}' changed cannot be read from the server; set it again to be sure.",
            user));

    /// <summary>True when the server's account is the one meant: same main domain (cPanel compares domains without case).</summary>
    public static bool IsSameAccount(WhmAccount? onServer, string? domain) =>
        onServer != null && string.Equals(onServer.Domain, domain, StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyDictionary<string, string?> Parameters(params (string Name, string? Value)[] parameters) =>
        parameters.Where(p => p.Value != null).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    // The call log's view of the parameters: secrets already masked. A repeated name keeps its last value.
    private static IReadOnlyDictionary<string, string?> Journaled(IReadOnlyList<KeyValuePair<string, string>> logView)
    {
        var parameters = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> pair in logView)
        {
            parameters[pair.Key] = pair.Value;
        }

        return parameters;
    }
}

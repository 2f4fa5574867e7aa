using System;
using System.Globalization;

namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>Names one billing account: by its id, or by server name and cPanel user name (the live account).</summary>
public sealed class AccountReference
{
    private AccountReference(long? accountId, string? serverName, string? userName)
    {
        AccountId = accountId;
        ServerName = serverName;
        UserName = userName;
    }

    public long? AccountId { get; }

    public string? ServerName { get; }

    public string? UserName { get; }

    public static AccountReference ById(long accountId) =>
        accountId > 0 ? new AccountReference(accountId, null, null) : throw new ArgumentOutOfRangeException(nameof(accountId), accountId, "Account ids start at 1.");

    public static AccountReference ByUserName(string serverName, string userName)
    {
        if (string.IsNullOrWhiteSpace(serverName))
        {
            throw new ArgumentException("The server name must not be empty.", nameof(serverName));
        }

        if (string.IsNullOrWhiteSpace(userName))
        {
            throw new ArgumentException("The user name must not be empty.", nameof(userName));
        }

        return new AccountReference(null, serverName.Trim(), userName.Trim().ToLowerInvariant());
    }

    public override string ToString() => AccountId.HasValue
        ? "account " + AccountId.Value.ToString(CultureInfo.InvariantCulture)
        : ServerName + "/" + UserName;
}

using System.Globalization;

namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>
/// Names one billing account: by its id, or by server name and cPanel user name (the live account). A reference
/// that cannot name any account (an id below 1, a blank name) is refused with the operations' InvalidArgument
/// error, as any other bad input, since its values come straight from cmdlet parameters and piped objects.
/// </summary>
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
        accountId > 0
            ? new AccountReference(accountId, null, null)
            : throw AccountOperationException.Invalid(
                AccountErrorIds.InvalidRequest, $"Account id {accountId.ToString(CultureInfo.InvariantCulture)} names no account; account ids start at 1.", "AccountId");

    public static AccountReference ByUserName(string serverName, string userName)
    {
        if (string.IsNullOrWhiteSpace(serverName))
        {
            throw AccountOperationException.Invalid(AccountErrorIds.InvalidRequest, "The server name is empty; give the server the account is on.", "Server");
        }

        if (string.IsNullOrWhiteSpace(userName))
        {
            throw AccountOperationException.Invalid(AccountErrorIds.InvalidUserName, "The user name is empty; give the account's cPanel user name.", "UserName");
        }

        return new AccountReference(null, serverName.Trim(), userName.Trim().ToLowerInvariant());
    }

    public override string ToString() => AccountId.HasValue
        ? "account " + AccountId.Value.ToString(CultureInfo.InvariantCulture)
        : ServerName + "/" + UserName;
}

namespace CpanelBilling.Core.Operations.Servers;

/// <summary>No API token is available for a server in this session. Says how to supply one; never shows one.</summary>
public sealed class ServerCredentialMissingException : CpanelBillingException
{
    public ServerCredentialMissingException(string serverName, string whmUser, string secretName, string? vault)
        : base(
            OperationErrorIds.ServerCredentialMissing,
            FailureKind.AuthenticationFailed,
            $"No API token for server '{serverName}'. Pass -Credential (user '{whmUser}', the token as password) to Connect-CpBilling or Add-CpServer, "
            + $"or store the token with SecretManagement: Set-Secret -Name '{secretName}'{(vault is null ? "" : " -Vault '" + vault + "'")} -Secret <token>.",
            serverName)
    {
    }
}

/// <summary>The server is disabled in billing, so operations leave it alone.</summary>
public sealed class ServerDisabledException : CpanelBillingException
{
    public ServerDisabledException(string serverName)
        : base(
            OperationErrorIds.ServerDisabled,
            FailureKind.InvalidArgument,
            $"Server '{serverName}' is disabled in billing. Enable it with Set-CpServer -Name '{serverName}' -Enabled to work on it.",
            serverName)
    {
    }
}

/// <summary>A server still has accounts that are not deleted, so removing it from billing was refused.</summary>
public sealed class ServerHasLiveAccountsException : CpanelBillingException
{
    public ServerHasLiveAccountsException(string serverName, int liveAccounts)
        : base(
            OperationErrorIds.ServerHasLiveAccounts,
            FailureKind.Conflict,
            $"Server '{serverName}' still has {liveAccounts} account(s) in billing that are not deleted, so it was not removed. "
            + $"Remove or move those accounts first, disable the server instead (Set-CpServer -Name '{serverName}' -Enabled:$false), "
            + "or use -Force to remove the server with every account, IP, package and bandwidth record billing keeps for it.",
            serverName)
    {
        LiveAccounts = liveAccounts;
    }

    public int LiveAccounts { get; }
}

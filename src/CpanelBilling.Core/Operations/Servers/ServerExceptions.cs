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
            $"Server '{serverName}' is disabled in billing. Enable it with Set-CpServer -Name '{serverName}' -Enabled $true to work on it.",
            serverName)
    {
    }
}

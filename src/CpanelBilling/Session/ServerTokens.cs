using System;
using System.Management.Automation;
using CpanelBilling.Commands;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Whm;
using CpanelBilling.Errors;

namespace CpanelBilling.Session;

/// <summary>
/// Keeps the API token a command was given for a server (-Credential: the WHM user, the token as password): in the
/// SecretManagement vault and secret billing names for the server, so later sessions find it, and in this session.
/// Without SecretManagement the token lives for this session only, and the warning says how to keep it.
/// </summary>
internal static class ServerTokens
{
    /// <summary>
    /// The WHM credential of -Credential, checked before anything is changed: a token pasted with a trailing space
    /// or line break stops the command with a clear error instead of failing later.
    /// </summary>
    public static WhmCredential? Check(CpCmdlet cmdlet, PSCredential? credential, string target)
    {
        if (credential is null)
        {
            return null;
        }

        WhmCredential? usable = null;
        try
        {
            usable = new WhmCredential(credential.UserName, credential.Password);
        }
        catch (ArgumentException invalid)
        {
            string why = invalid.Message.Replace($" (Parameter '{invalid.ParamName}')", string.Empty);
            cmdlet.ThrowTerminatingError(ErrorRecordFactory.Create(
                ErrorIds.InvalidCredential, ErrorCategory.InvalidArgument, target, $"-Credential cannot be used: {why} Give the WHM user and, as password, the API token exactly as WHM shows it."));
        }

        return usable;
    }

    public static void Keep(CpSessionCmdlet cmdlet, BillingServer server, PSCredential credential, WhmCredential checkedCredential)
    {
        ServerSettings settings = server.Settings;
        cmdlet.Session.Credentials.Set(server.Name, checkedCredential);
        string store = settings.TokenVault is null
            ? $"Set-Secret -Name '{settings.TokenSecretName}' -SecureStringSecret <token>"
            : $"Set-Secret -Name '{settings.TokenSecretName}' -Vault '{settings.TokenVault}' -SecureStringSecret <token>";
        if (!SecretVault.IsAvailable(cmdlet))
        {
            cmdlet.WriteWarning(
                $"Microsoft.PowerShell.SecretManagement is not installed, so the API token of '{server.Name}' is kept for this session only. "
                + $"To keep it: Install-Module Microsoft.PowerShell.SecretManagement (and a vault module such as Microsoft.PowerShell.SecretStore), register a vault, then {store}.");
            return;
        }

        try
        {
            SecretVault.Set(cmdlet, settings.TokenSecretName, settings.TokenVault, credential.Password);
            cmdlet.WriteVerbose($"API token of '{server.Name}' stored in SecretManagement as secret '{settings.TokenSecretName}'{(settings.TokenVault is null ? " (default vault)" : " in vault '" + settings.TokenVault + "'")}.");
        }
        catch (Exception failure) when (failure is RuntimeException or InvalidOperationException)
        {
            cmdlet.WriteWarning(
                $"The API token of '{server.Name}' could not be stored in SecretManagement ({failure.Message}); it is kept for this session only. To keep it: {store}.");
        }
    }
}

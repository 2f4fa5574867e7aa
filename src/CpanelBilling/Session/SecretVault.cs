using System;
using System.Linq;
using System.Management.Automation;
using System.Security;

namespace CpanelBilling.Session;

/// <summary>
/// The bridge to Microsoft.PowerShell.SecretManagement, where API tokens are kept between sessions. It runs
/// PowerShell commands, so it is used only on the pipeline thread (workers find tokens already cached in the
/// session). When the module is not installed, nothing is stored and the caller says how to supply a token.
/// </summary>
internal static class SecretVault
{
    private const string Module = "Microsoft.PowerShell.SecretManagement";

    public static bool IsAvailable(PSCmdlet cmdlet) =>
        cmdlet.InvokeCommand.InvokeScript(
            $"[bool](Get-Command -Name '{Module}\\Get-Secret' -ErrorAction Ignore)", false, System.Management.Automation.Runspaces.PipelineResultTypes.None, null)
        .Select(o => LanguagePrimitives.IsTrue(o)).FirstOrDefault();

    /// <summary>
    /// The token stored under <paramref name="name"/>, or null when there is none (or no SecretManagement). A secret
    /// that is simply not there is the usual case (a token given per session); any other failure (a locked vault, a
    /// vault that is not registered) becomes a warning, or the caller's "no API token" would hide why the stored
    /// token was not read.
    /// </summary>
    public static SecureString? TryGet(PSCmdlet cmdlet, string name, string? vault)
    {
        if (!IsAvailable(cmdlet))
        {
            return null;
        }

        var results = cmdlet.InvokeCommand.InvokeScript(
            $$"""
            param($n, $v)
            $read = @{ Name = $n; ErrorAction = 'SilentlyContinue'; ErrorVariable = 'failures' }
            if ($v) { $read.Vault = $v }
            try { {{Module}}\Get-Secret @read } catch { $failures = @($_) }
            $failures | Where-Object { $_.FullyQualifiedErrorId -notlike 'GetSecretNotFound,*' }
            """,
            false, System.Management.Automation.Runspaces.PipelineResultTypes.None, null, name, vault);
        SecureString? token = null;
        foreach (object? result in results.Select(o => o?.BaseObject))
        {
            switch (result)
            {
                case ErrorRecord failure:
                    cmdlet.WriteWarning($"SecretManagement could not read the secret '{name}'{(vault is null ? "" : " from vault '" + vault + "'")}: {failure.Exception.Message}");
                    break;
                case SecureString secure:
                    token ??= secure;
                    break;
                case PSCredential credential:
                    token ??= credential.Password;
                    break;
                case string text:
                    token ??= ToSecure(text);
                    break;
            }
        }

        return token;
    }

    /// <summary>Stores the token; throws when SecretManagement is not available or the vault refuses.</summary>
    public static void Set(PSCmdlet cmdlet, string name, string? vault, SecureString token)
    {
        if (!IsAvailable(cmdlet))
        {
            throw new InvalidOperationException($"{Module} is not installed, so the token cannot be stored.");
        }

        cmdlet.InvokeCommand.InvokeScript(
            $"param($n, $v, $s) if ($v) {{ {Module}\\Set-Secret -Name $n -Vault $v -SecureStringSecret $s -ErrorAction Stop }} else {{ {Module}\\Set-Secret -Name $n -SecureStringSecret $s -ErrorAction Stop }}",
            false, System.Management.Automation.Runspaces.PipelineResultTypes.None, null, name, vault, token);
    }

    private static SecureString ToSecure(string text)
    {
        var secure = new SecureString();
        foreach (char c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }
}

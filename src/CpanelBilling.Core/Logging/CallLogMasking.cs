using System;

namespace CpanelBilling.Core.Logging;

/// <summary>Which call parameters the log never shows.</summary>
public static class CallLogMasking
{
    public const string Mask = "********";

    private static readonly string[] SecretNameParts = { "pass", "token", "secret", "accesshash" };

    /// <summary>True for names that carry secrets: anything containing "pass" (password, pass, db_pass), tokens, hashes.</summary>
    public static bool IsSecretName(string name)
    {
        foreach (string part in SecretNameParts)
        {
            if (name.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}

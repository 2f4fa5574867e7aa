using System;
using System.Collections.Generic;

namespace CpanelBilling.Core;

/// <summary>
/// The one rule for keeping secrets out of what people read: the call log, the operation journal, exception
/// messages and ToString. A parameter whose name says it carries a secret is shown as <see cref="Mask"/>.
/// </summary>
public static class SecretMasking
{
    /// <summary>What is shown in place of a secret.</summary>
    public const string Mask = "********";

    private static readonly string[] SecretNameParts = { "pass", "token", "secret", "accesshash", "apikey", "api_key", "private" };

    /// <summary>
    /// True for names that carry secrets: anything containing "pass" (password, pass, db_pass), "token", "secret",
    /// "accesshash", "apikey"/"api_key" or "private", and the bare name "key"; case is ignored.
    /// </summary>
    public static bool IsSecretName(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        foreach (string part in SecretNameParts)
        {
            if (name.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return string.Equals(name, "key", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A copy of <paramref name="parameters"/> with the value of every secret-named one masked (null stays null).</summary>
    internal static IReadOnlyDictionary<string, string?> MaskParameters(IReadOnlyDictionary<string, string?> parameters)
    {
        var masked = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string?> pair in parameters)
        {
            masked[pair.Key] = pair.Value is not null && IsSecretName(pair.Key) ? Mask : pair.Value;
        }

        return masked;
    }
}

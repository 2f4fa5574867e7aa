using System;
using System.Collections.Generic;

namespace CpanelBilling.Core.Billing;

/// <summary>
/// Keeps secrets out of the journal: a parameter whose name says it is a password, token, key or secret is stored
/// as <see cref="OperationJournalEntry.RedactedValue"/>. The journal is read by people and copied into tickets.
/// </summary>
internal static class JournalRedaction
{
    private static readonly string[] SecretNameParts = { "pass", "token", "secret", "apikey", "api_key", "accesshash", "private" };

    public static IReadOnlyDictionary<string, string?> Redact(IReadOnlyDictionary<string, string?> parameters)
    {
        var stored = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string?> pair in parameters)
        {
            stored[pair.Key] = IsSecret(pair.Key) && pair.Value != null ? OperationJournalEntry.RedactedValue : pair.Value;
        }

        return stored;
    }

    internal static bool IsSecret(string parameterName)
    {
        string name = parameterName.ToLowerInvariant();
        foreach (string part in SecretNameParts)
        {
            if (name.IndexOf(part, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return name == "key";
    }
}

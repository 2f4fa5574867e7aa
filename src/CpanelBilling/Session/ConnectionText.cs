using System.Data.Common;
using System.Text.RegularExpressions;

namespace CpanelBilling.Session;

/// <summary>Shows where billing lives without showing a password: connection strings may carry one.</summary>
internal static class ConnectionText
{
    private static readonly Regex SecretKey = new("pass|pwd|secret|token|key", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static string Mask(string target)
    {
        if (target.IndexOf('=') < 0)
        {
            return target; // a file path
        }

        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = target };
            foreach (string key in new System.Collections.Generic.List<string>(KeysOf(builder)))
            {
                if (SecretKey.IsMatch(key))
                {
                    builder[key] = "********";
                }
            }

            return builder.ConnectionString;
        }
        catch (System.ArgumentException)
        {
            // Not a connection string we can parse: show nothing of it rather than risk a password.
            return "(connection string)";
        }
    }

    private static System.Collections.Generic.IEnumerable<string> KeysOf(DbConnectionStringBuilder builder)
    {
        foreach (object key in builder.Keys)
        {
            yield return (string)key;
        }
    }
}

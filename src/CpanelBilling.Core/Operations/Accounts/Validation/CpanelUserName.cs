using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace CpanelBilling.Core.Operations.Accounts.Validation;

/// <summary>
/// cPanel's rules for the user name of a new account (whm-api-facts §2): at most 16 lowercase letters, digits and
/// underscores, not starting with a digit; no reserved name, prefix or suffix. MySQL database prefixes use the
/// first 8 characters, so those must differ from every other account's on the server.
/// </summary>
public static class CpanelUserName
{
    public const int MaxLength = 16;

    /// <summary>The length of the database prefix: user names must differ in their first this many characters.</summary>
    public const int UniquePrefixLength = 8;

    private static readonly Regex Shape = new("^(?![-.0-9])[_a-z0-9]{1,16}$", RegexOptions.CultureInvariant);
    private static readonly Regex OnlySeparatorsAndDigits = new("^[-._0-9]+$", RegexOptions.CultureInvariant);

    // Names of system users and services, and the aliases a stock /etc/aliases defines.
    private static readonly HashSet<string> ReservedNames = new(StringComparer.Ordinal)
    {
        "abrt", "all", "clamav", "cpanel-ccs", "cpeasyapache", "cpses", "cptkt", "cphulkd", "cpwebcalls", "dbus", "dirs",
        "dnsadmin", "dovecot", "eximstats", "files", "ftpxferlog", "haldaemon", "information_schema", "mailman", "modsec",
        "munin", "mydns", "nobody", "performance_schema", "postgres", "postmaster", "proftpd", "root", "roundcube",
        "shadow", "spamassassin", "ssl", "sys", "system", "tcpdump", "tmp", "tomcat", "toor", "virtfs", "virtual",
        "webmaster", "whmxfer", "_lock",
        "abuse", "adm", "bin", "daemon", "ftp", "games", "gopher", "halt", "hostmaster", "info", "lp", "mail",
        "mailer-daemon", "marketing", "news", "noc", "operator", "sales", "security", "shutdown", "support", "sync",
        "usenet", "uucp", "www", "apache", "mysql", "named", "nscd", "ntp", "rpc", "dumper", "webalizer",
    };

    private static readonly string[] ReservedPrefixes = { "test", "passwd.", "cpmydns", "cpanel", "mydns", "pg_toast", "pg_temp", "cpses", "cptkt", "cpbackup" };

    private static readonly string[] ReservedSuffixes = { ".lock", ".cache", ".yaml", ".json", ".db", "assword" };

    /// <summary>Why <paramref name="name"/> (already lower case) cannot be a new account's user name, or null when it can.</summary>
    public static string? Problem(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (name.Length == 0)
        {
            return "The user name is empty.";
        }

        if (name.Length > MaxLength)
        {
            return $"The user name '{name}' has {name.Length} characters; cPanel allows at most {MaxLength}.";
        }

        if (!Shape.IsMatch(name))
        {
            return $"The user name '{name}' may contain only lowercase letters, digits and underscores, and must not start with a digit.";
        }

        if (ReservedNames.Contains(name) || OnlySeparatorsAndDigits.IsMatch(name))
        {
            return $"The user name '{name}' is reserved on cPanel servers.";
        }

        string? prefix = ReservedPrefixes.FirstOrDefault(p => name.StartsWith(p, StringComparison.Ordinal));
        if (prefix != null)
        {
            return $"The user name '{name}' starts with '{prefix}', which cPanel reserves.";
        }

        string? suffix = ReservedSuffixes.FirstOrDefault(s => name.EndsWith(s, StringComparison.Ordinal));
        return suffix == null ? null : $"The user name '{name}' ends with '{suffix}', which cPanel reserves.";
    }

    /// <summary>The part of a user name that must be unique on a server (its database prefix).</summary>
    public static string UniquePrefix(string name) =>
        name.Length > UniquePrefixLength ? name.Substring(0, UniquePrefixLength) : name;

    /// <summary>True when two user names cannot both exist on one server.</summary>
    public static bool Collide(string name, string other) =>
        string.Equals(UniquePrefix(name), UniquePrefix(other), StringComparison.Ordinal);
}

using System;
using System.Linq;
using System.Text.RegularExpressions;
using CpanelBilling.WhmSimulator.Api;

namespace CpanelBilling.WhmSimulator.Validation;

/// <summary>cPanel's rules for a new account name (Cpanel::Validate::Username, Whostmgr::Accounts::NameConflict).</summary>
internal static partial class UsernameRules
{
    public const int MaxLength = 16;

    // MySQL database prefixes use the first 8 characters, so those must be unique across accounts.
    private const int PrefixLength = 8;

    private static readonly string[] ReservedNames =
    {
        "abrt", "all", "clamav", "cpanel-ccs", "cpeasyapache", "cpses", "cptkt", "cphulkd", "cpwebcalls", "dbus", "dirs",
        "dnsadmin", "dovecot", "eximstats", "files", "ftpxferlog", "haldaemon", "information_schema", "mailman", "modsec",
        "munin", "mydns", "nobody", "performance_schema", "postgres", "postmaster", "proftpd", "root", "roundcube", "shadow",
        "spamassassin", "ssl", "sys", "system", "tcpdump", "tmp", "tomcat", "toor", "virtfs", "virtual", "webmaster",
        "whmxfer", "_lock",
        // Aliases a stock /etc/aliases defines.
        "mailer-daemon", "bin", "daemon", "adm", "lp", "sync", "shutdown", "halt", "mail", "news", "uucp", "operator",
        "games", "gopher", "ftp", "abuse", "noc", "security", "hostmaster", "info", "marketing", "sales", "support",
        "usenet", "www", "webalizer", "named", "nscd", "rpc", "apache", "mysql", "ntp", "dumper",
    };

    private static readonly string[] ReservedPrefixes = { "test", "passwd.", "cpmydns", "cpanel", "mydns", "pg_toast", "pg_temp", "cpses", "cptkt", "cpbackup" };

    private static readonly string[] ReservedSuffixes = { ".lock", ".cache", ".yaml", ".json", ".db", "assword" };

    /// <summary>
    /// Checks a (lowercased) name for a new account or a rename. Returns cPanel's message, or null when the name is
    /// acceptable. <paramref name="currentUser"/> is the account being renamed, which does not conflict with itself.
    /// </summary>
    public static string? Check(string name, SimulatorState state, string? currentUser = null)
    {
        if (!NewAccountName().IsMatch(name))
        {
            return $"{CpanelText.Quote(name)} is not a valid username on this system.";
        }

        if (IsReserved(name))
        {
            return $"{CpanelText.Quote(name)} is a reserved username on this system.";
        }

        var others = state.Accounts.Where(a => a.User != currentUser).ToArray();
        if (others.Any(a => a.User == name))
        {
            return $"This system already has an account named {CpanelText.Quote(name)}.";
        }

        var prefix = name.Length > PrefixLength ? name[..PrefixLength] : name;
        if (others.Any(a => (a.User.Length > PrefixLength ? a.User[..PrefixLength] : a.User) == prefix))
        {
            return $"The name of another account on this server has the same initial {PrefixLength} characters as the given username ({name}). "
                   + $"Each username\u2019s first {PrefixLength} characters must be unique.";
        }

        return null;
    }

    private static bool IsReserved(string name) =>
        ReservedNames.Contains(name)
        || ReservedPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))
        || ReservedSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal))
        || OnlySeparatorsAndDigits().IsMatch(name);

    // Lowercase letters, digits and underscore; not starting with a digit, '-' or '.'; at most 16 characters.
    [GeneratedRegex("^(?![-.0-9])[_a-z0-9]{1,16}$", RegexOptions.CultureInvariant)]
    private static partial Regex NewAccountName();

    [GeneratedRegex("^[-._0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex OnlySeparatorsAndDigits();
}

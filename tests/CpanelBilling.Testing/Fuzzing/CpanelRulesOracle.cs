using System;
using System.Collections.Generic;
using System.Linq;

namespace CpanelBilling.Testing.Fuzzing;

/// <summary>
/// An independent reading of cPanel's rules (whm-api-facts §2 user names, §3 domains) and of the module's own
/// text rules, written character by character from the facts rather than from the validators' regular
/// expressions: the fuzz tests hold each validator's verdict against this one. Only ASCII letters change case;
/// every other character is judged as given, so a character that Unicode case mapping would turn into an ASCII
/// letter (the Kelvin sign, a dotted capital I) is a character cPanel's rules do not allow.
/// </summary>
public static class CpanelRulesOracle
{
    private const int MaxUserNameLength = 16;
    private const int MaxDomainLength = 254;
    private const int MaxLabelLength = 63;

    // §2: reserved names, plus the aliases of a stock /etc/aliases that the module recognizes.
    private static readonly HashSet<string> ReservedUserNames = new(StringComparer.Ordinal)
    {
        "abrt", "all", "clamav", "cpanel-ccs", "cpeasyapache", "cpses", "cptkt", "cphulkd", "cpwebcalls", "dbus", "dirs",
        "dnsadmin", "dovecot", "eximstats", "files", "ftpxferlog", "haldaemon", "information_schema", "mailman", "modsec",
        "munin", "mydns", "nobody", "performance_schema", "postgres", "postmaster", "proftpd", "root", "roundcube",
        "shadow", "spamassassin", "ssl", "sys", "system", "tcpdump", "tmp", "tomcat", "toor", "virtfs", "virtual",
        "webmaster", "whmxfer", "_lock",
        "abuse", "adm", "bin", "daemon", "ftp", "games", "gopher", "halt", "hostmaster", "info", "lp", "mail",
        "mailer-daemon", "marketing", "news", "noc", "operator", "sales", "security", "shutdown", "support", "sync",
        "usenet", "www", "apache", "mysql", "named", "nscd", "ntp", "rpc", "dumper", "webalizer",
    };

    public static readonly string[] ReservedUserNamePrefixes = { "test", "passwd.", "cpmydns", "cpanel", "mydns", "pg_toast", "pg_temp", "cpses", "cptkt", "cpbackup" };

    public static readonly string[] ReservedUserNameSuffixes = { ".lock", ".cache", ".yaml", ".json", ".db", "assword" };

    public static readonly string[] ReservedTopLabels = { "bkup", "bkup2", "cache", "json", "lock", "mbox", "offset", "stor", "yaml", "invalid", "localhost" };

    public static IReadOnlyCollection<string> ReservedNames => ReservedUserNames;

    /// <summary>True when cPanel takes <paramref name="given"/> (surrounding white space aside, any case) as a new account's user name.</summary>
    public static bool IsValidUserName(string? given)
    {
        string name = AsciiLower((given ?? "").Trim());
        if (name.Length is 0 or > MaxUserNameLength || IsDigit(name[0]))
        {
            return false;
        }

        if (name.Any(c => !(IsLowerLetter(c) || IsDigit(c) || c == '_')) || name.All(c => IsDigit(c) || c == '_'))
        {
            return false;
        }

        return !ReservedUserNames.Contains(name)
            && !ReservedUserNamePrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))
            && !ReservedUserNameSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal));
    }

    /// <summary>
    /// True when cPanel takes <paramref name="given"/> (surrounding white space and trailing dots aside, any case)
    /// as an account's main domain. Stricter than cPanel in one point, on purpose: an all-numeric top-level label
    /// is refused, because no such TLD exists and it reads as an IPv4 address (RFC 3696 §2).
    /// </summary>
    public static bool IsValidDomain(string? given)
    {
        string domain = AsciiLower((given ?? "").Trim().TrimEnd('.'));
        if (domain.Length is 0 or > MaxDomainLength || domain.StartsWith("www.", StringComparison.Ordinal))
        {
            return false;
        }

        string[] labels = domain.Split('.');
        if (labels.Length < 2 || !labels.All(IsLabel))
        {
            return false;
        }

        string top = labels[labels.Length - 1];
        bool topShape = top.All(c => IsLowerLetter(c) || IsDigit(c)) || top.StartsWith("xn--", StringComparison.Ordinal);
        if (!topShape || top.All(IsDigit) || ReservedTopLabels.Contains(top))
        {
            return false;
        }

        return !(domain is "cpanel.net" or "cpanel.com"
            || domain.EndsWith(".cpanel.net", StringComparison.Ordinal)
            || domain.EndsWith(".cpanel.com", StringComparison.Ordinal));
    }

    /// <summary>
    /// A suspension reason: none (empty or white space), or at most 1000 characters of one line of well-formed text
    /// once trimmed: no control character, no line or paragraph separator, no half of a surrogate pair.
    /// </summary>
    public static bool IsValidSuspendReason(string? given)
    {
        string reason = (given ?? "").Trim();
        return reason.Length <= 1000 && IsOneLineOfText(reason);
    }

    /// <summary>An optional contact address: none (blank), or one '@' with text on both sides, at most 254 characters, no white space or control character.</summary>
    public static bool IsValidContactEmail(string? given)
    {
        if (string.IsNullOrWhiteSpace(given))
        {
            return true;
        }

        string email = given!.Trim();
        int at = email.IndexOf('@');
        return email.Length <= 254 && at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1
            && !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) && IsWellFormed(email);
    }

    /// <summary>Text without control characters, line or paragraph separators, or unpaired surrogates.</summary>
    public static bool IsOneLineOfText(string text) =>
        IsWellFormed(text) && !text.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029');

    /// <summary>Every surrogate is half of a pair, so the text has a UTF-8 form (what goes on the wire and into billing).</summary>
    public static bool IsWellFormed(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLabel(string label) =>
        label.Length is >= 1 and <= MaxLabelLength
        && label[0] != '-' && label[label.Length - 1] != '-'
        && label.All(c => IsLowerLetter(c) || IsDigit(c) || c == '-');

    private static string AsciiLower(string text) =>
        new(text.Select(c => c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c).ToArray());

    private static bool IsLowerLetter(char c) => c is >= 'a' and <= 'z';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}

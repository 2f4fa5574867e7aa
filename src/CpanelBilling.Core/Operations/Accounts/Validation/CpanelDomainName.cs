using System;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;

namespace CpanelBilling.Core.Operations.Accounts.Validation;

/// <summary>
/// cPanel's rules for an account's main domain (whm-api-facts §3): at most 254 characters, at least two labels of
/// 1–63 letters, digits and hyphens (no hyphen at either end), a TLD of letters and digits or an xn-- label, not an
/// IP address, no reserved TLD, not cPanel's own domains, not starting with www.
/// </summary>
public static class CpanelDomainName
{
    public const int MaxLength = 254;

    private static readonly Regex Label = new("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant);
    private static readonly Regex TopLabel = new("^(?:[a-z0-9]+|xn--[a-z0-9-]+)$", RegexOptions.CultureInvariant);

    private static readonly string[] ReservedTopLabels = { "bkup", "bkup2", "cache", "json", "lock", "mbox", "offset", "stor", "yaml", "invalid", "localhost" };

    private static readonly string[] CpanelDomains = { "cpanel.net", "cpanel.com" };

    /// <summary>The domain as cPanel stores it: trimmed, lower case, without a trailing dot.</summary>
    public static string Normalize(string domain) => (domain ?? "").Trim().TrimEnd('.').ToLowerInvariant();

    /// <summary>Why <paramref name="domain"/> (normalized) cannot be an account's main domain, or null when it can.</summary>
    public static string? Problem(string domain)
    {
        if (domain is null)
        {
            throw new ArgumentNullException(nameof(domain));
        }

        if (domain.Length == 0)
        {
            return "The domain is empty.";
        }

        if (domain.Length > MaxLength)
        {
            return $"The domain has {domain.Length} characters; cPanel allows at most {MaxLength}.";
        }

        if (IPAddress.TryParse(domain, out _))
        {
            return $"'{domain}' is an IP address, not a domain name.";
        }

        string[] labels = domain.Split('.');
        if (labels.Length < 2)
        {
            return $"'{domain}' is not a domain name with a top-level domain (e.g. example.com).";
        }

        string? bad = labels.FirstOrDefault(label => !Label.IsMatch(label));
        if (bad != null)
        {
            return $"'{domain}' has the label '{bad}'; each label must be 1 to 63 letters, digits or hyphens, not starting or ending with a hyphen.";
        }

        string top = labels[labels.Length - 1];
        if (!TopLabel.IsMatch(top) || top.All(char.IsDigit))
        {
            return $"'{domain}' does not end in a valid top-level domain.";
        }

        if (ReservedTopLabels.Contains(top))
        {
            return $"cPanel does not accept domains ending in '.{top}'.";
        }

        if (CpanelDomains.Any(own => domain == own || domain.EndsWith("." + own, StringComparison.Ordinal)))
        {
            return $"cPanel refuses '{domain}': it is one of cPanel's own domains.";
        }

        return domain.StartsWith("www.", StringComparison.Ordinal)
            ? $"'{domain}' starts with 'www.'; give the domain without it."
            : null;
    }
}

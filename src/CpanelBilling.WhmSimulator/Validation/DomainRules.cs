using System;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using CpanelBilling.WhmSimulator.Api;

namespace CpanelBilling.WhmSimulator.Validation;

/// <summary>cPanel's checks for a new main domain (Cpanel::Validate::Domain and DomainCreation::Primary).</summary>
internal static partial class DomainRules
{
    private static readonly string[] ForbiddenTlds = { "bkup", "bkup2", "cache", "json", "lock", "mbox", "offset", "stor", "yaml", "invalid", "localhost" };

    // Multi-label public suffixes a client might plausibly try (single labels already fail the dot rule).
    private static readonly string[] PublicSuffixes =
    {
        "co.uk", "org.uk", "me.uk", "ac.uk", "gov.uk", "ltd.uk", "plc.uk", "com.au", "net.au", "org.au", "co.nz", "org.nz",
        "co.za", "com.br", "co.jp", "com.cn", "com.mx", "co.in", "com.tr", "com.pl", "github.io", "blogspot.com",
    };

    /// <summary>
    /// Checks a lowercased domain for use as an account's main domain. Returns cPanel's message, or null when it is
    /// acceptable. <paramref name="currentUser"/> is the account whose domain changes, which does not conflict with itself.
    /// </summary>
    public static string? Check(string domain, string newUser, SimulatorState state, string? currentUser = null)
    {
        if (SyntaxProblem(domain) is { } why)
        {
            return $"The system cannot accept {CpanelText.Quote(domain)} as a domain name ({why}).";
        }

        if (domain == newUser || state.FindAccount(domain) is not null)
        {
            return "The domain name may not be the same as a username.";
        }

        if (string.Equals(domain, state.Hostname, StringComparison.OrdinalIgnoreCase))
        {
            return "You may not create a domain with a name that is the server\u2019s hostname.";
        }

        if (PublicSuffixes.Contains(domain))
        {
            return $"The system cannot create the domain {CpanelText.Quote(domain)} because it is a top-level domain or other public suffix. "
                   + "You must use a different domain name.";
        }

        var holder = state.FindAccountByDomain(domain);
        if (holder is not null && holder.User != currentUser)
        {
            // The wording a live server gave when the domain already belonged to another account.
            return $"The domain {CpanelText.Quote(domain)} already exists in the Apache configuration.";
        }

        return null;
    }

    private static string? SyntaxProblem(string domain)
    {
        if (IPAddress.TryParse(domain, out _))
        {
            return "argument is an IP address, not a domain name";
        }

        if (domain.StartsWith("www.", StringComparison.Ordinal))
        {
            return $"{domain} starts with {CpanelText.Quote("www.")}, which is not allowed";
        }

        if (domain.Length > 254)
        {
            return "domain name cannot exceed 254 characters";
        }

        var labels = domain.Split('.');
        if (labels.Length < 2)
        {
            return "domain name must have a valid TLD label";
        }

        foreach (var label in labels)
        {
            if (!Label().IsMatch(label))
            {
                return $"domain name element {label} does not conform to requirements";
            }
        }

        var tld = labels[^1];
        if (!(TopLabel().IsMatch(tld) || tld.StartsWith("xn--", StringComparison.Ordinal)) || ForbiddenTlds.Contains(tld))
        {
            return "domain name must have a valid TLD label";
        }

        if (domain is "cpanel.net" or "cpanel.com" || domain.EndsWith(".cpanel.net", StringComparison.Ordinal)
            || domain.EndsWith(".cpanel.com", StringComparison.Ordinal))
        {
            return "cPanel\u2019s own domains cannot be used";
        }

        return null;
    }

    [GeneratedRegex("^(?!-)[a-z0-9-]{1,63}(?<!-)$", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex("^[a-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TopLabel();
}

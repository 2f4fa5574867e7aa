using System.Text.RegularExpressions;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// Maps a failure reason from WHM to a <see cref="FailureKind"/>. Reasons vary between cPanel versions: an
/// "API failure: " prefix, an "(XID abc123) " error id, curly or straight quotes, a Perl " at FILE line N." suffix.
/// So reasons are normalized first and then matched by meaning, never compared byte for byte.
/// </summary>
internal static class ReasonClassifier
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly Regex ApiFailurePrefix = new(@"^\s*API failure:\s*", Options);
    private static readonly Regex XidPrefix = new(@"^\s*\(XID\s+[a-z0-9]+\)\s*", Options);
    private static readonly Regex PerlLocationSuffix = new(@"\s+at\s+\S+\s+line\s+\d+\.?\s*$", Options);
    private static readonly Regex WhiteSpace = new(@"\s+", Options);

    // Order matters: the first rule that matches wins, so the narrower meanings come first
    // ("Invalid user: bob" is a missing account, not a malformed argument).
    private static readonly (Regex Pattern, FailureKind Kind)[] Rules =
    {
        (new Regex(@"\bdo(es)? not have (a|any) (user|account|package) named\b", Options), FailureKind.NotFound),
        (new Regex(@"\bdoes not exist\b|\bno accounts? (was |were )?found\b|^invalid user\b|\bno such (user|account|package)\b", Options), FailureKind.NotFound),

        (new Regex(@"\balready (has|have) an? (account|user|group|database owner)\b|\balready exists?\b|\bis already owned by\b|\balready in use\b", Options), FailureKind.AlreadyExists),
        (new Regex(@"\bsame initial \d+ characters\b", Options), FailureKind.AlreadyExists),

        (new Regex(@"\b(no|not enough)\b[^.]*\b(free|available|unused|more|dedicated)\b[^.]*\bip(s| address(es)?)?\b", Options), FailureKind.NoFreeIp),
        (new Regex(@"\bip (address )?pool\b[^.]*\b(empty|exhausted)\b", Options), FailureKind.NoFreeIp),

        (new Regex(@"\baccess denied\b|\bpermission\b|\bdo(es)? not have access\b|\byou do not own\b|\broot (access|privileges?)\b|\bonly be \w+ by root\b", Options), FailureKind.PermissionDenied),
        (new Regex(@"\bmay not create any more\b|\bcannot have an account with an unlimited\b|\bserver cannot give\b|\byou are not allowed\b", Options), FailureKind.PermissionDenied),

        (new Regex(@"\binvalid\b|\bis not a valid\b|\breserved\b|\brequired\b|\bmust (specify|select|provide|at least)\b|\bprovide the\b|\bmay not be empty\b", Options), FailureKind.InvalidArgument),
        (new Regex(@"\bcannot accept\b|\bunknown search type\b|\btoo weak\b|\bmay not be the same\b|\bpublic suffix\b|\bis not allowed\b|\bunconfigured ip\b|\bnot a shared ip\b|\bno (user name|password) supplied\b|\bcannot remove yourself\b|\bmay not create a domain\b", Options), FailureKind.InvalidArgument),
        (new Regex(@"\bnot configured\b|\bis already dedicated to\b|\bis not a reseller\b|\bdoes not own the domain\b", Options), FailureKind.InvalidArgument),
    };

    public static FailureKind Classify(string? reason)
    {
        string text = Normalize(reason);
        foreach ((Regex pattern, FailureKind kind) in Rules)
        {
            if (pattern.IsMatch(text))
            {
                return kind;
            }
        }

        return FailureKind.Other;
    }

    /// <summary>The reason without decorations: no "API failure:", no XID, no Perl location, straight quotes, single spaces.</summary>
    public static string Normalize(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return string.Empty;
        }

        string text = reason!
            .Replace('\u201C', '"').Replace('\u201D', '"').Replace('\u201E', '"').Replace('\u00AB', '"').Replace('\u00BB', '"')
            .Replace('\u2018', '\'').Replace('\u2019', '\'').Replace('\u201A', '\'');
        text = WhiteSpace.Replace(text, " ").Trim();

        // The prefixes can stack ("API failure: (XID x) …"), in either order.
        string previous;
        do
        {
            previous = text;
            text = ApiFailurePrefix.Replace(text, string.Empty);
            text = XidPrefix.Replace(text, string.Empty);
        }
        while (text.Length != previous.Length);

        return PerlLocationSuffix.Replace(text, string.Empty).Trim();
    }
}

using System;

namespace CpanelBilling.WhmSimulator.Security;

/// <summary>Checks <c>Authorization: whm USER:TOKEN</c> (scheme case-insensitive) in constant time.</summary>
internal sealed class TokenAuthenticator
{
    private readonly string _user;
    private readonly string _token;

    public TokenAuthenticator(string user, string token)
    {
        _user = user;
        _token = token;
    }

    public bool IsValid(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return false;
        }

        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !authorization.AsSpan(0, space).Equals("whm", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var detail = authorization[(space + 1)..].Trim();
        var colon = detail.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == detail.Length - 1)
        {
            return false;
        }

        return FixedTimeEquals(detail[..colon], _user) & FixedTimeEquals(detail[(colon + 1)..], _token);
    }

    private static bool FixedTimeEquals(string given, string expected) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(expected));
}

using System;
using System.Diagnostics;
using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// A WHM user (root or a reseller) and its API token. The token is never shown: not by ToString, the debugger or
/// any serializer. It is turned into clear text only when the Authorization header of a request is built, and once
/// when the credential is made (to check it and to take its fingerprint).
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class WhmCredential
{
    // The key of the token fingerprints: random per process and never written anywhere, so a fingerprint tells
    // nothing about a token outside this process (unlike a plain hash, which a short token list could reverse).
    private static readonly byte[] FingerprintKey = NewFingerprintKey();

    private readonly WhmSecret token;
    private readonly byte[] tokenFingerprint;

    public WhmCredential(string user, string token)
        : this(user, new WhmSecret(token))
    {
    }

    public WhmCredential(string user, SecureString token)
        : this(user, new WhmSecret(token))
    {
    }

    public WhmCredential(string user, WhmSecret token)
    {
        User = ValidateUser(user);
        this.token = token ?? throw new ArgumentNullException(nameof(token));
        string clearText = token.Reveal();
        if (HasHeaderBreakingCharacter(clearText))
        {
            // A CR/LF or space would split or corrupt the header; cPanel tokens are plain alphanumerics.
            throw new ArgumentException("The API token contains white space or control characters.", nameof(token));
        }

        tokenFingerprint = Fingerprint(clearText);
    }

    /// <summary>The WHM user the token belongs to.</summary>
    public string User { get; }

    /// <summary>
    /// True when <paramref name="other"/> is the same WHM user with the same token, e.g. a token read from a vault
    /// again. Compares keyed fingerprints taken when each credential was made, never the tokens themselves.
    /// </summary>
    public bool IsSameAs(WhmCredential? other)
    {
        if (other is null || !string.Equals(User, other.User, StringComparison.Ordinal))
        {
            return false;
        }

        int difference = 0;
        for (int i = 0; i < tokenFingerprint.Length; i++)
        {
            difference |= tokenFingerprint[i] ^ other.tokenFingerprint[i];
        }

        return difference == 0;
    }

    public override string ToString() => User + " (API token)";

    /// <summary>The value of the Authorization header: <c>whm USER:TOKEN</c>.</summary>
    internal string BuildAuthorizationHeaderValue() => "whm " + User + ":" + token.Reveal();

    private static byte[] Fingerprint(string clearText)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(clearText);
        try
        {
            using var hmac = new HMACSHA256(FingerprintKey);
            return hmac.ComputeHash(bytes);
        }
        finally
        {
            Array.Clear(bytes, 0, bytes.Length);
        }
    }

    private static byte[] NewFingerprintKey()
    {
        byte[] key = new byte[32];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(key);
        }

        return key;
    }

    private static string ValidateUser(string user)
    {
        if (string.IsNullOrWhiteSpace(user))
        {
            throw new ArgumentException("The WHM user name must not be empty.", nameof(user));
        }

        if (user.IndexOf(':') >= 0 || HasHeaderBreakingCharacter(user))
        {
            throw new ArgumentException("The WHM user name must not contain ':', white space or control characters.", nameof(user));
        }

        return user;
    }

    private static bool HasHeaderBreakingCharacter(string text)
    {
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}

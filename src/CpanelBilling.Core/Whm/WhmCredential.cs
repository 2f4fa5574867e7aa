using System;
using System.Diagnostics;
using System.Security;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// A WHM user (root or a reseller) and its API token. The token is never shown: not by ToString, the debugger or
/// any serializer. It is turned into clear text only when the Authorization header of a request is built.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class WhmCredential
{
    private readonly WhmSecret token;

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
        if (HasHeaderBreakingCharacter(token.Reveal()))
        {
            // A CR/LF or space would split or corrupt the header; cPanel tokens are plain alphanumerics.
            throw new ArgumentException("The API token contains white space or control characters.", nameof(token));
        }
    }

    /// <summary>The WHM user the token belongs to.</summary>
    public string User { get; }

    public override string ToString() => User + " (API token)";

    /// <summary>The value of the Authorization header: <c>whm USER:TOKEN</c>.</summary>
    internal string BuildAuthorizationHeaderValue() => "whm " + User + ":" + token.Reveal();

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

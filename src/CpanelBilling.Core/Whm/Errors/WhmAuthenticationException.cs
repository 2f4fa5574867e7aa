namespace CpanelBilling.Core.Whm;

/// <summary>
/// The server refused the credentials (HTTP 401/403, or the legacy "Access denied" reply), or cPHulk brute-force
/// protection has locked the user or address out. Never retried: retrying a refused login extends a lockout.
/// </summary>
public sealed class WhmAuthenticationException : WhmApiException
{
    internal WhmAuthenticationException(WhmCallInfo call, string user, int? httpStatus, bool isLockout)
        : base(
            isLockout ? "WhmLockedOut" : "WhmAuthenticationFailed",
            FailureKind.AuthenticationFailed,
            BuildMessage(call, user, httpStatus, isLockout),
            call,
            mayHaveExecuted: false)
    {
        User = user;
        HttpStatus = httpStatus;
        IsLockout = isLockout;
    }

    /// <summary>The WHM user whose token was refused.</summary>
    public string User { get; }

    public int? HttpStatus { get; }

    /// <summary>True when cPHulk brute-force protection reported a lockout.</summary>
    public bool IsLockout { get; }

    private static string BuildMessage(WhmCallInfo call, string user, int? httpStatus, bool isLockout)
    {
        string status = httpStatus is null ? string.Empty : $" (HTTP {httpStatus})";
        return isLockout
            ? $"WHM on {call.Server} refused user '{user}'{status}: cPHulk brute-force protection has locked out this user or this address. Wait until the lockout expires or ask the server's administrator to whitelist this address in cPHulk; each further attempt extends the lockout."
            : $"WHM on {call.Server} refused the API token of user '{user}'{status}. Check the user name and the token, and that the token is neither expired nor restricted to other addresses or functions.";
    }
}

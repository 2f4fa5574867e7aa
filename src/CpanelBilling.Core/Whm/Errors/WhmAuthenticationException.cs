namespace CpanelBilling.Core.Whm;

/// <summary>
/// The server refused the credentials (HTTP 401/403, or the legacy "Access denied" reply), or cPHulk brute-force
/// protection has locked the user or address out. Never retried: retrying a refused login extends a lockout. Once a
/// server has refused a credential, later calls with it are not sent at all and end with this error too, with
/// <see cref="RefusedEarlier"/> set (see <see cref="WhmClientFactory"/>).
/// </summary>
public sealed class WhmAuthenticationException : WhmApiException
{
    internal WhmAuthenticationException(WhmCallInfo call, string user, int? httpStatus, bool isLockout)
        : this(call, user, httpStatus, isLockout, refusedEarlier: false)
    {
    }

    private WhmAuthenticationException(WhmCallInfo call, string user, int? httpStatus, bool isLockout, bool refusedEarlier)
        : base(
            isLockout ? "WhmLockedOut" : "WhmAuthenticationFailed",
            FailureKind.AuthenticationFailed,
            refusedEarlier ? BuildEarlierMessage(call, user, httpStatus, isLockout) : BuildMessage(call, user, httpStatus, isLockout),
            call,
            mayHaveExecuted: false)
    {
        User = user;
        HttpStatus = httpStatus;
        IsLockout = isLockout;
        RefusedEarlier = refusedEarlier;
    }

    /// <summary>The WHM user whose token was refused.</summary>
    public string User { get; }

    /// <summary>The HTTP status of the refusal (of the earlier one when <see cref="RefusedEarlier"/>).</summary>
    public int? HttpStatus { get; }

    /// <summary>True when cPHulk brute-force protection reported a lockout.</summary>
    public bool IsLockout { get; }

    /// <summary>
    /// True when this call was not sent because the server had already refused the same credential: sending it
    /// again would only count as one more failed login.
    /// </summary>
    public bool RefusedEarlier { get; }

    /// <summary>The error of a call not sent because the server refused the same credential earlier.</summary>
    internal static WhmAuthenticationException NotSent(WhmCallInfo call, string user, int? httpStatus, bool isLockout) =>
        new(call, user, httpStatus, isLockout, refusedEarlier: true);

    private static string BuildMessage(WhmCallInfo call, string user, int? httpStatus, bool isLockout)
    {
        string status = StatusText(httpStatus);
        return isLockout
            ? $"WHM on {call.Server} refused user '{user}'{status}: cPHulk brute-force protection has locked out this user or this address. Wait until the lockout expires or ask the server's administrator to whitelist this address in cPHulk; each further attempt extends the lockout, so no more calls with this token are sent to this server."
            : $"WHM on {call.Server} refused the API token of user '{user}'{status}. Check the user name and the token, and that the token is neither expired nor restricted to other addresses or functions. No more calls with this token are sent to this server: each refused login counts toward a cPHulk lockout.";
    }

    private static string BuildEarlierMessage(WhmCallInfo call, string user, int? httpStatus, bool isLockout)
    {
        string status = StatusText(httpStatus);
        const string GiveAgain = "(Set-CpServer -Name <server> -Credential, Connect-CpBilling -Server <server> -Credential, or Add-CpServer -Credential for a new server)";
        return isLockout
            ? $"Not sent: WHM on {call.Server} refused user '{user}' earlier in this session{status} because cPHulk brute-force protection has locked out this user or this address, and each attempt would extend the lockout. Once the lockout has expired or this address is whitelisted in cPHulk, give the token again {GiveAgain} to try it again."
            : $"Not sent: WHM on {call.Server} refused the API token of user '{user}' earlier in this session{status}, and each refused login counts toward a cPHulk lockout. Give the right token {GiveAgain}, or store it in the token's SecretManagement vault; a token given again is tried again.";
    }

    private static string StatusText(int? httpStatus) => httpStatus is null ? string.Empty : $" (HTTP {httpStatus})";
}

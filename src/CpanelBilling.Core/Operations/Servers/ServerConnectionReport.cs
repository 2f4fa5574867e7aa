using System;
using System.Collections.Generic;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Servers;

/// <summary>How a connection check ended.</summary>
public enum ConnectionCheckStatus
{
    /// <summary>The server answered with the token accepted.</summary>
    Connected = 0,

    /// <summary>The server refused the API token (wrong, expired, or limited to other addresses).</summary>
    AuthenticationRefused,

    /// <summary>cPHulk has locked out the user or this address; further attempts extend the lockout.</summary>
    LockedOut,

    /// <summary>The TLS certificate was refused: not chained to a trusted root and not pinned, or not the pinned one.</summary>
    CertificateNotTrusted,

    /// <summary>No connection: nothing listens on the port, the host is unknown, or the connection broke.</summary>
    Unreachable,

    /// <summary>The server did not answer in time.</summary>
    Timeout,

    /// <summary>Something answered, but with an HTTP error or not as WHM API 1 does.</summary>
    ServerError,

    /// <summary>WHM answered and refused the call itself (e.g. the token may not call it).</summary>
    CallRefused,

    /// <summary>No API token is available for the server in this session, so nothing was sent.</summary>
    CredentialMissing,
}

/// <summary>
/// What a connection check found: whether and how the server answered, its version and host name, the round-trip
/// time, the TLS certificate it presented and why it was (not) trusted, and which of the module's WHM functions the
/// token may call. A failed check is a report with a <see cref="Status"/>, not an exception.
/// </summary>
public sealed class ServerConnectionReport
{
    internal ServerConnectionReport(string? serverName, WhmEndpoint endpoint, string whmUser)
    {
        ServerName = serverName;
        Host = endpoint.Host;
        Port = endpoint.Port;
        WhmUser = whmUser;
        CertificatePinned = endpoint.PinnedCertificateSha256 is not null;
    }

    /// <summary>The server's name in billing; null for a host checked without being in billing.</summary>
    public string? ServerName { get; }

    public string Host { get; }

    public int Port { get; }

    public string WhmUser { get; }

    public ConnectionCheckStatus Status { get; internal set; }

    public bool Succeeded => Status == ConnectionCheckStatus.Connected;

    /// <summary>Why the check failed and what to do; null when it succeeded.</summary>
    public string? Message { get; internal set; }

    /// <summary>The failure behind <see cref="Status"/>, for callers that report errors; null when it succeeded.</summary>
    public CpanelBillingException? Error { get; internal set; }

    /// <summary>The cPanel &amp; WHM version, e.g. 11.120.0.16.</summary>
    public string? Version { get; internal set; }

    /// <summary>The host name the server reports for itself (gethostname).</summary>
    public string? ServerHostName { get; internal set; }

    /// <summary>How long the first call (version) took, the TLS handshake included when the connection was new.</summary>
    public TimeSpan? RoundTrip { get; internal set; }

    /// <summary>The certificate the server presented, trusted or not; null when no TLS handshake took place.</summary>
    public WhmCertificateInfo? Certificate { get; internal set; }

    /// <summary>A pin was given for the endpoint (so only that certificate is trusted).</summary>
    public bool CertificatePinned { get; }

    /// <summary>
    /// How to pin the presented certificate (a command to run after confirming the thumbprint on the server); null
    /// unless the certificate was not trusted.
    /// </summary>
    public string? PinHint { get; internal set; }

    /// <summary>The module's WHM functions the token may call (per applist); empty when that could not be read.</summary>
    public IReadOnlyList<string> AllowedFunctions { get; internal set; } = Array.Empty<string>();

    /// <summary>The module's WHM functions the token may not call; the operations that need them will be refused.</summary>
    public IReadOnlyList<string> MissingFunctions { get; internal set; } = Array.Empty<string>();

    /// <summary>Things that work but deserve attention (a certificate about to expire, functions the token lacks …).</summary>
    public IReadOnlyList<string> Warnings { get; internal set; } = Array.Empty<string>();

    public override string ToString() => (ServerName ?? Host + ":" + Port) + ": " + Status;
}

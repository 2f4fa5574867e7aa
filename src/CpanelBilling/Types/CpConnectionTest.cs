using System;
using System.Linq;
using CpanelBilling.Core.Operations.Servers;

namespace CpanelBilling.Types;

/// <summary>What Test-CpServerConnection found for one server: a failed check is a result with a Status, not an error.</summary>
public sealed class CpConnectionTest
{
    /// <summary>The server's name in billing; empty for a host tested with -HostName.</summary>
    public string Server { get; set; } = "";

    public string HostName { get; set; } = "";

    public int Port { get; set; }

    public string WhmUser { get; set; } = "";

    public bool Succeeded { get; set; }

    /// <summary>Connected, AuthenticationRefused, LockedOut, CertificateNotTrusted, Unreachable, Timeout, ServerError, CallRefused or CredentialMissing.</summary>
    public string Status { get; set; } = "";

    /// <summary>Why the check failed and what to do; empty when it succeeded.</summary>
    public string Message { get; set; } = "";

    /// <summary>The cPanel &amp; WHM version.</summary>
    public string Version { get; set; } = "";

    /// <summary>The host name the server reports for itself.</summary>
    public string ServerHostName { get; set; } = "";

    /// <summary>Milliseconds of the first call (TLS handshake included on a new connection).</summary>
    public double? RoundTripMs { get; set; }

    public string CertificateSubject { get; set; } = "";

    public string CertificateIssuer { get; set; } = "";

    public DateTime? CertificateNotBefore { get; set; }

    public DateTime? CertificateNotAfter { get; set; }

    /// <summary>SHA-256 thumbprint of the certificate the server presented (the value to pin).</summary>
    public string CertificateThumbprint { get; set; } = "";

    /// <summary>Chain (a trusted root vouches for it), Pin (it is the pinned certificate) or NotTrusted.</summary>
    public string CertificateTrust { get; set; } = "";

    /// <summary>The command that pins the presented certificate, after its thumbprint is confirmed on the server.</summary>
    public string PinHint { get; set; } = "";

    /// <summary>The module's WHM functions the token may call.</summary>
    public string[] AllowedFunctions { get; set; } = Array.Empty<string>();

    /// <summary>The module's WHM functions the token may not call.</summary>
    public string[] MissingFunctions { get; set; } = Array.Empty<string>();

    public string[] Warnings { get; set; } = Array.Empty<string>();

    public override string ToString() => (Server.Length > 0 ? Server : HostName + ":" + Port) + ": " + Status;

    internal static CpConnectionTest From(ServerConnectionReport report) => new()
    {
        Server = report.ServerName ?? "",
        HostName = report.Host,
        Port = report.Port,
        WhmUser = report.WhmUser,
        Succeeded = report.Succeeded,
        Status = report.Status.ToString(),
        Message = report.Message ?? "",
        Version = report.Version ?? "",
        ServerHostName = report.ServerHostName ?? "",
        RoundTripMs = report.RoundTrip is { } roundTrip ? Math.Round(roundTrip.TotalMilliseconds, 1) : null,
        CertificateSubject = report.Certificate?.Subject ?? "",
        CertificateIssuer = report.Certificate?.Issuer ?? "",
        CertificateNotBefore = report.Certificate?.NotBeforeUtc,
        CertificateNotAfter = report.Certificate?.NotAfterUtc,
        CertificateThumbprint = report.Certificate?.Sha256Thumbprint ?? "",
        CertificateTrust = report.Certificate?.Trust.ToString() ?? "",
        PinHint = report.PinHint ?? "",
        AllowedFunctions = report.AllowedFunctions.ToArray(),
        MissingFunctions = report.MissingFunctions.ToArray(),
        Warnings = report.Warnings.ToArray(),
    };
}

using System;

namespace CpanelBilling.Core.Whm;

/// <summary>Why a server's TLS certificate was trusted, or that it was not.</summary>
public enum CertificateTrust
{
    /// <summary>Refused: it does not chain to a trusted root (no pin), or it does not match the pin.</summary>
    NotTrusted = 0,

    /// <summary>It chains to a trusted root and names the host (no pin was given).</summary>
    Chain,

    /// <summary>Its SHA-256 thumbprint equals the endpoint's pin (a self-signed certificate, typically).</summary>
    Pin,
}

/// <summary>
/// The TLS certificate a WHM server presented at a handshake, and the verdict on it. A certificate is public, so
/// all of this may be shown and logged.
/// </summary>
public sealed class WhmCertificateInfo
{
    internal WhmCertificateInfo(string subject, string issuer, DateTime notBeforeUtc, DateTime notAfterUtc, string sha256Thumbprint, CertificateTrust trust, string policyErrors)
    {
        Subject = subject;
        Issuer = issuer;
        NotBeforeUtc = notBeforeUtc;
        NotAfterUtc = notAfterUtc;
        Sha256Thumbprint = sha256Thumbprint;
        Trust = trust;
        PolicyErrors = policyErrors;
    }

    /// <summary>The subject's distinguished name, e.g. <c>CN=server.example.com</c>.</summary>
    public string Subject { get; }

    public string Issuer { get; }

    public DateTime NotBeforeUtc { get; }

    public DateTime NotAfterUtc { get; }

    /// <summary>SHA-256 over the certificate's DER bytes: 64 upper-case hex digits, the value to pin.</summary>
    public string Sha256Thumbprint { get; }

    public CertificateTrust Trust { get; }

    /// <summary>What the platform's own validation found (<c>None</c> when the chain and name are valid).</summary>
    public string PolicyErrors { get; }

    /// <summary>The subject names its issuer: nobody but the server vouches for it.</summary>
    public bool IsSelfSigned => string.Equals(Subject, Issuer, StringComparison.Ordinal);

    /// <summary>Valid at <paramref name="utcNow"/> by its dates.</summary>
    public bool IsValidAt(DateTime utcNow) => utcNow >= NotBeforeUtc && utcNow <= NotAfterUtc;

    public override string ToString() => $"{Subject} (SHA-256 {Sha256Thumbprint}, {Trust})";
}

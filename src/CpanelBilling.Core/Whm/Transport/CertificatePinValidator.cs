using System;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// Decides whether to trust one server's TLS certificate. Without a pin the platform's verdict stands (chain and
/// name must be valid). With a pin, exactly the certificate whose SHA-256 over its DER bytes equals the pin is
/// trusted, and every other certificate is refused, even a publicly valid one. There is no "trust everything".
/// </summary>
internal sealed class CertificatePinValidator
{
    private readonly string? pinnedSha256;
    private CertificateRejection? lastRejection;
    private WhmCertificateInfo? lastPresented;
    private int handshakes;

    public CertificatePinValidator(string? pinnedSha256) => this.pinnedSha256 = pinnedSha256;

    /// <summary>The most recent refusal, kept so a failed request can say which certificate was presented.</summary>
    public CertificateRejection? LastRejection => Volatile.Read(ref lastRejection);

    /// <summary>
    /// The certificate of the most recent handshake, trusted or not; null before the first. Connections are pooled,
    /// so this is the certificate of the newest connection, not necessarily of the last call.
    /// </summary>
    public WhmCertificateInfo? LastPresented => Volatile.Read(ref lastPresented);

    /// <summary>How many TLS handshakes asked for a verdict: with pooled connections, one per connection, not per call.</summary>
    public int HandshakeCount => Volatile.Read(ref handshakes);

    public bool Validate(HttpRequestMessage request, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        Interlocked.Increment(ref handshakes);
        string? thumbprint = certificate is null ? null : ComputeSha256(certificate);
        bool trusted = pinnedSha256 is null
            ? errors == SslPolicyErrors.None
            : string.Equals(thumbprint, pinnedSha256, StringComparison.Ordinal);

        Volatile.Write(ref lastRejection, trusted ? null : new CertificateRejection(thumbprint?.ToUpperInvariant(), errors));
        if (certificate is not null)
        {
            CertificateTrust trust = !trusted ? CertificateTrust.NotTrusted : pinnedSha256 is null ? CertificateTrust.Chain : CertificateTrust.Pin;
            Volatile.Write(ref lastPresented, new WhmCertificateInfo(
                certificate.Subject,
                certificate.Issuer,
                certificate.NotBefore.ToUniversalTime(),
                certificate.NotAfter.ToUniversalTime(),
                thumbprint!.ToUpperInvariant(),
                trust,
                errors.ToString()));
        }

        return trusted;
    }

    /// <summary>SHA-256 over the certificate's DER encoding, as 64 lower-case hex digits.</summary>
    public static string ComputeSha256(X509Certificate certificate)
    {
        using SHA256 sha = SHA256.Create();
        byte[] hash = sha.ComputeHash(certificate.GetRawCertData());
        var hex = new StringBuilder(hash.Length * 2);
        foreach (byte b in hash)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}

internal sealed class CertificateRejection
{
    public CertificateRejection(string? thumbprint, SslPolicyErrors errors)
    {
        Thumbprint = thumbprint;
        Errors = errors;
    }

    /// <summary>Upper-case hex, or null when the server presented no certificate.</summary>
    public string? Thumbprint { get; }

    public SslPolicyErrors Errors { get; }
}

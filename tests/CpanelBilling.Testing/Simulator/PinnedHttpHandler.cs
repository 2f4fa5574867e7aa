using System;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography;

namespace CpanelBilling.Testing.Simulator;

/// <summary>
/// An <see cref="HttpMessageHandler"/> that trusts exactly one server certificate, identified by the SHA-256
/// thumbprint the simulator prints (uppercase hex over the DER). For raw HTTP tests of the simulator itself.
/// </summary>
public static class PinnedHttpHandler
{
    public static SocketsHttpHandler Create(string sha256Thumbprint)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256Thumbprint);
        return new SocketsHttpHandler
        {
            // Each test sees its own connections: a fault that aborts one must not leave a pooled one behind.
            PooledConnectionLifetime = TimeSpan.Zero,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null
                    && string.Equals(Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())), sha256Thumbprint,
                        StringComparison.OrdinalIgnoreCase),
            },
        };
    }
}

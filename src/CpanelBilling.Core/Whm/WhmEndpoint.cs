using System;
using System.Globalization;
using System.Text;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// Where a WHM server listens, and (optionally) the SHA-256 thumbprint of the certificate it must present. The
/// client keeps one pooled connection handler per distinct endpoint, so two endpoints are equal when host (case
/// insensitive), port and pin are equal.
/// </summary>
public sealed class WhmEndpoint : IEquatable<WhmEndpoint>
{
    /// <summary>WHM's HTTPS port.</summary>
    public const int DefaultPort = 2087;

    private const int Sha256HexLength = 64;

    public WhmEndpoint(string host, int port = DefaultPort, string? pinnedCertificateSha256 = null)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            throw new ArgumentException("The WHM host name must not be empty.", nameof(host));
        }

        string trimmed = host.Trim();
        if (Uri.CheckHostName(trimmed.Trim('[', ']')) == UriHostNameType.Unknown)
        {
            throw new ArgumentException($"'{host}' is not a valid host name or IP address. Give the host alone, without 'https://' or a port.", nameof(host));
        }

        if (port < 1 || port > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "The port must be between 1 and 65535.");
        }

        Host = trimmed.ToLowerInvariant();
        Port = port;
        PinnedCertificateSha256 = pinnedCertificateSha256 is null ? null : NormalizeThumbprint(pinnedCertificateSha256);

        string uriHost = Uri.CheckHostName(Host) == UriHostNameType.IPv6 ? "[" + Host + "]" : Host;
        BaseUri = new Uri("https://" + uriHost + ":" + Port.ToString(CultureInfo.InvariantCulture) + "/");
    }

    public string Host { get; }

    public int Port { get; }

    /// <summary>64 lower-case hex digits, or null when the certificate must chain to a trusted root.</summary>
    public string? PinnedCertificateSha256 { get; }

    public Uri BaseUri { get; }

    /// <summary>
    /// Turns a SHA-256 thumbprint as people paste it (any case, with or without ':', '-' or spaces between the
    /// bytes) into 64 lower-case hex digits.
    /// </summary>
    public static string NormalizeThumbprint(string thumbprint)
    {
        if (thumbprint is null)
        {
            throw new ArgumentNullException(nameof(thumbprint));
        }

        var hex = new StringBuilder(Sha256HexLength);
        foreach (char c in thumbprint)
        {
            if (c == ':' || c == '-' || char.IsWhiteSpace(c))
            {
                continue;
            }

            if (!Uri.IsHexDigit(c))
            {
                throw new ArgumentException($"The certificate thumbprint contains '{c}', which is not a hex digit.", nameof(thumbprint));
            }

            hex.Append(char.ToLowerInvariant(c));
        }

        if (hex.Length != Sha256HexLength)
        {
            throw new ArgumentException(
                $"A SHA-256 certificate thumbprint has {Sha256HexLength} hex digits; '{thumbprint}' has {hex.Length}. (A 40-digit value is a SHA-1 thumbprint, which is not accepted.)",
                nameof(thumbprint));
        }

        return hex.ToString();
    }

    internal Uri GetFunctionUri(string function) => new(BaseUri, "json-api/" + function);

    public override string ToString() => Uri.CheckHostName(Host) == UriHostNameType.IPv6
        ? "[" + Host + "]:" + Port.ToString(CultureInfo.InvariantCulture)
        : Host + ":" + Port.ToString(CultureInfo.InvariantCulture);

    public bool Equals(WhmEndpoint? other) =>
        other is not null
        && string.Equals(Host, other.Host, StringComparison.Ordinal)
        && Port == other.Port
        && string.Equals(PinnedCertificateSha256, other.PinnedCertificateSha256, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as WhmEndpoint);

    public override int GetHashCode()
    {
        unchecked
        {
            int hash = StringComparer.Ordinal.GetHashCode(Host);
            hash = (hash * 397) ^ Port;
            return (hash * 397) ^ (PinnedCertificateSha256 is null ? 0 : StringComparer.Ordinal.GetHashCode(PinnedCertificateSha256));
        }
    }
}

using System;
using System.Net;

namespace CpanelBilling.WhmSimulator.Hosting;

/// <summary>
/// A parsed listen URL: scheme, address and port. Only loopback addresses are accepted: the simulator answers anyone
/// who knows its token, and that token is printed, passed on command lines and kept in test scripts.
/// </summary>
internal sealed record ListenUrl(bool Https, IPAddress Address, int Port)
{
    public static ListenUrl Parse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.AbsolutePath != "/" || uri.Query.Length > 0)
        {
            throw new FormatException($"'{url}' is not a listen URL. Use https://ADDRESS:PORT or http://ADDRESS:PORT.");
        }

        IPAddress address;
        if (uri.Host == "localhost")
        {
            // Kestrel cannot bind "localhost" to a dynamic port; loopback IPv4 is what clients reach anyway.
            address = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(uri.Host.Trim('[', ']'), out address!))
        {
            throw new FormatException($"'{url}': the host must be an IP address or localhost.");
        }

        if (!IPAddress.IsLoopback(address))
        {
            throw new FormatException(
                $"'{url}': the simulator listens only on loopback (127.0.0.1, ::1 or localhost), because its token is no secret; {address} is not loopback.");
        }

        return new ListenUrl(uri.Scheme == Uri.UriSchemeHttps, address, uri.Port);
    }
}

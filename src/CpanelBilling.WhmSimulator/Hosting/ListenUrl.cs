using System;
using System.Net;

namespace CpanelBilling.WhmSimulator.Hosting;

/// <summary>A parsed listen URL: scheme, address and port.</summary>
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

        return new ListenUrl(uri.Scheme == Uri.UriSchemeHttps, address, uri.Port);
    }
}

using System.Net;
using System.Net.Http;
using CpanelBilling.Core.Whm;
using Xunit;

namespace CpanelBilling.Whm.Tests.Client;

/// <summary>How the pooled HTTP handler of an endpoint is configured.</summary>
public sealed class ConnectionHandlerTests
{
    [Fact]
    public void The_handler_follows_no_redirect_keeps_no_cookies_checks_the_pin_and_caps_no_connections()
    {
        using HttpClientHandler handler = WhmConnection.CreateHandler(new CertificatePinValidator(null));

        Assert.False(handler.AllowAutoRedirect);
        Assert.False(handler.UseCookies);
        Assert.NotNull(handler.ServerCertificateCustomValidationCallback);
        Assert.Equal(DecompressionMethods.GZip | DecompressionMethods.Deflate, handler.AutomaticDecompression);

        // Set explicitly: .NET Framework's default is two per host, below any server throttle worth having. (This
        // runtime's default is the same value, so here it guards against a cap creeping in; Framework is not run.)
        Assert.Equal(int.MaxValue, handler.MaxConnectionsPerServer);
    }
}

using System;
using System.Net;
using System.Net.Http;
using System.Threading;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// The long-lived HTTP client of one endpoint. Its handler pools connections, so calls reuse TLS sessions
/// instead of handshaking each time; its certificate check is bound to this endpoint's pin only.
/// </summary>
internal sealed class WhmConnection : IDisposable
{
    // A listaccts of a large server is a few MB; this bounds memory if a server (or something in between) misbehaves.
    private const long MaxReplyBytes = 128L * 1024 * 1024;

    internal WhmConnection(WhmEndpoint endpoint, HttpClient http, CertificatePinValidator validator)
    {
        Endpoint = endpoint;
        Http = http;
        Validator = validator;
    }

    public WhmEndpoint Endpoint { get; }

    public HttpClient Http { get; }

    public CertificatePinValidator Validator { get; }

    public static WhmConnection Create(WhmEndpoint endpoint)
    {
        var validator = new CertificatePinValidator(endpoint.PinnedCertificateSha256);
        var http = new HttpClient(CreateHandler(validator), disposeHandler: true)
        {
            // Each call has its own timeout (see WhmClientOptions).
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = MaxReplyBytes,
        };
        return new WhmConnection(endpoint, http, validator);
    }

    public void Dispose() => Http.Dispose();

    internal static HttpClientHandler CreateHandler(CertificatePinValidator validator) => new()
    {
        ServerCertificateCustomValidationCallback = validator.Validate,
        // A redirect would lead away from the API (a login page) and turn the POST into a GET.
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        // The server's throttle (its MaxConcurrentRequests and account-lifecycle lanes, which can be raised at any
        // time) is the one cap on calls in flight. Without this, .NET Framework (Windows PowerShell 5.1) allows two
        // connections per host, so further calls would queue inside the handler, their time counting against each
        // call's timeout and ending as false "may have executed" timeouts. .NET Core's default is the same value.
        MaxConnectionsPerServer = int.MaxValue,
    };
}

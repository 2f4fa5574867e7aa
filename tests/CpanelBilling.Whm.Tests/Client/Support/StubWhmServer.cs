using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Logging;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Whm.Tests.Client.Support;

/// <summary>
/// An in-memory stand-in for a WHM server at the HTTP-message level: answers queued replies in order and records
/// every request as sent. For parsing and classification tests; the simulator tests cover real HTTPS.
/// </summary>
internal sealed class StubWhmServer : HttpMessageHandler
{
    public const string User = "root";
    public const string Token = "TOKENAB12CD34EF56GH78IJ90KL12MN34";

    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> replies = new();

    public List<SentRequest> Requests { get; } = new();

    public MemoryCallLogSink Log { get; } = new();

    public static WhmEndpoint Endpoint { get; } = new("whm.example.com");

    public StubWhmServer Reply(string json, HttpStatusCode status = HttpStatusCode.OK, string contentType = "application/json") =>
        Then((_, _) => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, contentType) }));

    public StubWhmServer ReplyFixture(string name) => Reply(Fixture.Read(name));

    public StubWhmServer Throw(Exception exception) => Then((_, _) => Task.FromException<HttpResponseMessage>(exception));

    /// <summary>Never answers; only the cancellation token ends the wait (the client's timeout or the caller).</summary>
    public StubWhmServer Hang() => Then(async (_, token) =>
    {
        await Task.Delay(Timeout.Infinite, token);
        throw new InvalidOperationException("unreachable");
    });

    public StubWhmServer Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> reply)
    {
        replies.Enqueue(reply);
        return this;
    }

    public WhmClient CreateClient(Action<WhmClientOptions>? configure = null) =>
        CreateFactory(configure).CreateClient(Endpoint, new WhmCredential(User, Token));

    /// <summary>A factory whose every endpoint is answered by this stub.</summary>
    public WhmClientFactory CreateFactory(Action<WhmClientOptions>? configure = null)
    {
        var options = new WhmClientOptions
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(5),
            CallLog = Log,
        };
        configure?.Invoke(options);
        return new WhmClientFactory(options, endpoint => new WhmConnection(endpoint, new HttpClient(this, disposeHandler: false), new CertificatePinValidator(null)));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add(new SentRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString() ?? GetHeader(request, "Authorization"), request.Content?.Headers.ContentType?.MediaType, body));
        }

        if (!replies.TryDequeue(out var reply))
        {
            throw new InvalidOperationException("The test queued no reply for " + request.RequestUri);
        }

        return await reply(request, cancellationToken);
    }

    private static string? GetHeader(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out IEnumerable<string>? values) ? string.Join(", ", values) : null;
}

internal sealed record SentRequest(HttpMethod Method, Uri Uri, string? Authorization, string? ContentType, string Body)
{
    /// <summary>The form fields of the body, decoded, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Form
    {
        get
        {
            var fields = new List<KeyValuePair<string, string>>();
            foreach (string pair in Body.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = pair.IndexOf('=');
                fields.Add(new(Uri.UnescapeDataString(pair[..equals]), Uri.UnescapeDataString(pair[(equals + 1)..])));
            }

            return fields;
        }
    }

    public string? Field(string name)
    {
        foreach (var field in Form)
        {
            if (field.Key == name)
            {
                return field.Value;
            }
        }

        return null;
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.WhmSimulator.Api;
using CpanelBilling.WhmSimulator.Recording;
using CpanelBilling.WhmSimulator.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CpanelBilling.WhmSimulator.Hosting;

/// <summary>
/// cpsrvd's request path, as far as a WHM API client can see it: record, authenticate (cPHulk first), route
/// <c>/json-api/FUNCTION</c>, apply any armed fault, run the function and write the reply.
/// </summary>
internal sealed partial class WhmRequestHandler
{
    // cpsrvd's limit for non-upload request bodies (Cpanel::Server::Constants).
    private const int MaxBodyBytes = 1024 * 1024;

    private static readonly JsonSerializerOptions ReplyJson = new()
    {
        // cpsrvd writes UTF-8 characters (the curly quotes in reasons) as they are, not as \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly WhmSimulatorServer _server;
    private readonly WhmApi _api;
    private readonly RequestJournal _journal;
    private readonly TokenAuthenticator _authenticator;
    private readonly BruteForceGuard _guard;
    private readonly TimeProvider _clock;
    private readonly Action<string>? _log;
    private int _inFlight;

    public WhmRequestHandler(WhmSimulatorServer server, WhmApi api, RequestJournal journal, TokenAuthenticator authenticator,
        BruteForceGuard guard, TimeProvider clock, Action<string>? log)
    {
        _server = server;
        _api = api;
        _journal = journal;
        _authenticator = authenticator;
        _guard = guard;
        _clock = clock;
        _log = log;
    }

    /// <summary>Requests being handled right now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            await HandleCoreAsync(context).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task HandleCoreAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers["Server"] = "cpsrvd/" + _server.State.Version;

        var body = await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false);
        var function = FunctionFromPath(request.Path.Value ?? "");
        var remoteAddress = context.Connection.RemoteIpAddress?.ToString() ?? "";
        var query = request.QueryString.HasValue ? request.QueryString.Value![1..] : "";
        var isForm = IsFormBody(request.ContentType, body);
        var recorded = new RecordedRequest
        {
            Time = _clock.GetUtcNow(),
            Method = request.Method,
            Path = request.Path.Value ?? "",
            QueryString = query,
            Headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = body ?? "",
            Query = FormEncoding.Parse(query),
            Form = isForm ? FormEncoding.Parse(body) : Array.Empty<KeyValuePair<string, string>>(),
            RemoteAddress = remoteAddress,
            Function = function,
        };
        _journal.Add(recorded);

        try
        {
            await RespondAsync(context, recorded, body, function).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away during a delay; like cpsrvd, nothing more happens for this request.
        }

        _log?.Invoke($"{recorded.Time:HH:mm:ss.fff} {recorded.Method} {recorded.Path} {recorded.RemoteAddress} -> "
                     + (context.RequestAborted.IsCancellationRequested ? "aborted" : response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private async Task RespondAsync(HttpContext context, RecordedRequest recorded, string? body, string? function)
    {
        var response = context.Response;
        if (body is null)
        {
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        // cPHulk answers before the credentials are even looked at: a blocked address is refused either way.
        if (_guard.IsBlocked(recorded.RemoteAddress))
        {
            await WriteAccessDeniedAsync(context).ConfigureAwait(false);
            return;
        }

        if (!_authenticator.IsValid(recorded.Header("Authorization")))
        {
            _guard.RecordFailure(recorded.RemoteAddress);
            await WriteAccessDeniedAsync(context).ConfigureAwait(false);
            return;
        }

        _guard.RecordSuccess(recorded.RemoteAddress);

        if (function is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            await WriteTextAsync(response, "text/html; charset=\"utf-8\"", ErrorPages.For(404, _server.State.Hostname), context.RequestAborted)
                .ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsGet(recorded.Method) && !HttpMethods.IsPost(recorded.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var arguments = new ApiArguments(recorded.Query.Concat(recorded.Form));
        var apiVersion = arguments.Get("api.version") == "1" ? 1 : 0;
        var call = new FunctionContext(arguments, apiVersion, _server.State, _server.User, _clock, _server.NewAccountUsageMb);

        if (_server.Latency > TimeSpan.Zero)
        {
            await Task.Delay(_server.Latency, _clock, context.RequestAborted).ConfigureAwait(false);
        }

        var fault = _server.Faults.Take(function);
        if (fault is not null && await AnsweredByFaultAsync(context, fault, function, call).ConfigureAwait(false))
        {
            return;
        }

        var reply = _api.Call(function, call, _server.ResultAsString || fault?.Kind == FaultKind.StringResult);

        if (fault?.Kind == FaultKind.LateReply)
        {
            // The work is done; only the answer is late (a client that gives up meanwhile just never hears of it).
            // For the until-the-client-gives-up form the delay is only a cap: the client's disconnect ends the wait.
            await Task.Delay(fault.Delay, _clock, context.RequestAborted).ConfigureAwait(false);
        }

        await WriteJsonAsync(context, reply, truncate: fault?.Kind == FaultKind.MalformedJson).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies the faults that replace the normal answer and returns true when the request is finished; returns
    /// false when the call should go ahead (latency already waited, or a fault that acts on the reply).
    /// </summary>
    private async Task<bool> AnsweredByFaultAsync(HttpContext context, Fault fault, string function, FunctionContext call)
    {
        switch (fault.Kind)
        {
            case FaultKind.Latency:
                await Task.Delay(fault.Delay, _clock, context.RequestAborted).ConfigureAwait(false);
                return false;
            case FaultKind.Hang:
                await Task.Delay(fault.Delay, _clock, context.RequestAborted).ConfigureAwait(false);
                context.Abort();
                return true;
            case FaultKind.ConnectionReset:
                context.Abort();
                return true;
            case FaultKind.HttpStatus:
                if (fault.AfterWork)
                {
                    _api.Call(function, call, resultAsString: false);
                }

                context.Response.StatusCode = fault.StatusCode;
                await WriteTextAsync(context.Response, "text/html; charset=UTF-8", ErrorPages.For(fault.StatusCode, _server.State.Hostname),
                    context.RequestAborted).ConfigureAwait(false);
                return true;
            case FaultKind.Failure:
                var reply = call.ApiVersion == 1
                    ? WhmApi.Envelope(function, FunctionOutcome.Fail(fault.Reason!), _server.ResultAsString)
                    : new JsonObject { ["status"] = 0, ["statusmsg"] = fault.Reason };
                await WriteJsonAsync(context, reply, truncate: false).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellation)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellation).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return null;
            }
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    // cpsrvd parses a POST body as a form unless it is declared as something else (JSON is not a WHM API 1 input).
    private static bool IsFormBody(string? contentType, string? body) =>
        !string.IsNullOrEmpty(body)
        && (string.IsNullOrEmpty(contentType)
            || contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase));

    private static string? FunctionFromPath(string path)
    {
        var match = JsonApiPath().Match(path);
        return match.Success ? match.Groups["function"].Value : null;
    }

    private static Task WriteAccessDeniedAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Features.Get<IHttpResponseFeature>()!.ReasonPhrase = ErrorPages.AccessDeniedReasonPhrase;
        return WriteTextAsync(context.Response, ErrorPages.AccessDeniedContentType, ErrorPages.AccessDeniedBody, context.RequestAborted);
    }

    private static async Task WriteJsonAsync(HttpContext context, JsonObject reply, bool truncate)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(reply, ReplyJson);
        if (truncate)
        {
            bytes = bytes[..(bytes.Length / 2)];
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteTextAsync(HttpResponse response, string contentType, string text, CancellationToken cancellation)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, cancellation).ConfigureAwait(false);
    }

    // Browser sessions put /cpsessNNNNNNNNNN/ in front; token callers do not. /xml-api/ is not simulated.
    [GeneratedRegex(@"^(?:/cpsess\d+)?/json-api/(?<function>[A-Za-z0-9_]+)/?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonApiPath();
}

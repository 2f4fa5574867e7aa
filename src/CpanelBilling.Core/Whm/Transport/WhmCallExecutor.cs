using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Logging;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// Sends calls to one server and turns every way they can end into a result or a typed failure: POST with a form
/// body (secrets never in the URL), the token header, a per-function timeout distinct from the caller's
/// cancellation, retries for read-only calls only, and one log entry per request. Calls pass the credential's
/// <see cref="LoginGate"/> first, so a credential the server refused is not sent again.
/// </summary>
internal sealed class WhmCallExecutor
{
    private static readonly MediaTypeHeaderValue FormContentType = new("application/x-www-form-urlencoded") { CharSet = "utf-8" };
    private static readonly ProductInfoHeaderValue UserAgent = new(
        "CpanelBilling", typeof(WhmCallExecutor).Assembly.GetName().Version?.ToString() ?? "0");

    private readonly WhmConnection connection;
    private readonly WhmCredential credential;
    private readonly LoginGate login;
    private readonly WhmClientOptions options;
    private readonly string? pinCommand;

    /// <param name="login">What the server made of <paramref name="credential"/> so far, shared by every client of the pair.</param>
    /// <param name="pinCommand">How a certificate is pinned for this server, for the message of a refused one; null when unknown.</param>
    public WhmCallExecutor(WhmConnection connection, WhmCredential credential, LoginGate login, WhmClientOptions options, string? pinCommand)
    {
        this.connection = connection;
        this.credential = credential;
        this.login = login;
        this.options = options;
        this.pinCommand = pinCommand;
    }

    /// <summary>
    /// Makes the call and hands the envelope to <paramref name="map"/>, which returns the typed result or throws
    /// (see <see cref="EnsureSucceeded"/>). A FormatException from <paramref name="map"/> means the reply did not
    /// have the expected shape and becomes a transport failure.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(WhmCall call, Func<WhmEnvelope, WhmCallInfo, T> map, CancellationToken cancellationToken)
    {
        int maxAttempts = call.IsReadOnly ? 1 + options.MaxReadRetries : 1;
        TimeSpan timeout = options.GetTimeout(call.Function);
        IReadOnlyList<KeyValuePair<string, string>> loggedParameters = call.Parameters.ToLogView();

        for (int attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var info = new WhmCallInfo(connection.Endpoint.ToString(), call.Function, call.Target, attempt);

            // Throws, without sending, when the server refused this credential earlier.
            using (await login.EnterAsync(info, cancellationToken).ConfigureAwait(false))
            {
                DateTimeOffset startedAt = DateTimeOffset.UtcNow;
                var stopwatch = Stopwatch.StartNew();
                int? httpStatus = null;
                try
                {
                    Reply reply = await SendAsync(call, info, timeout, cancellationToken).ConfigureAwait(false);
                    httpStatus = reply.Status;
                    using JsonDocument document = ReadJson(call, info, reply);
                    WhmEnvelope envelope = ReadEnvelope(call, info, reply, document.RootElement);
                    login.Accepted();
                    T result = Map(call, info, reply, envelope, map);
                    Log(info, startedAt, stopwatch.Elapsed, envelope.Succeeded ? CallOutcome.Succeeded : CallOutcome.Failed, httpStatus, envelope.Reason, null, false, loggedParameters);
                    return result;
                }
                catch (WhmApiException failure)
                {
                    if (failure is WhmAuthenticationException refused)
                    {
                        login.Refuse(refused);
                    }
                    else if (failure is WhmCallFailedException)
                    {
                        // The server reported the failure in its envelope: it accepted the login.
                        login.Accepted();
                    }

                    Log(info, startedAt, stopwatch.Elapsed, OutcomeOf(failure), httpStatus, ReasonOf(failure), failure.Kind, failure.MayHaveExecuted, loggedParameters);
                    if (attempt >= maxAttempts || failure is not (WhmTransportException or WhmTimeoutException))
                    {
                        throw;
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // A cancelled changing call may still have run on the server; the log says it was cancelled, not that it failed.
                    Log(info, startedAt, stopwatch.Elapsed, CallOutcome.Cancelled, httpStatus, "cancelled by the caller", null, !call.IsReadOnly, loggedParameters);
                    throw;
                }
            }

            await Task.Delay(RetryDelay.For(attempt, options.RetryBaseDelay, options.RetryMaxDelay), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Throws the typed failure for result 0. The usual first line of a map function.</summary>
    public static void EnsureSucceeded(WhmEnvelope envelope, WhmCallInfo info)
    {
        if (!envelope.Succeeded)
        {
            throw new WhmCallFailedException(info, envelope.Reason, ReasonClassifier.Classify(envelope.Reason));
        }
    }

    private async Task<Reply> SendAsync(WhmCall call, WhmCallInfo info, TimeSpan timeout, CancellationToken cancellationToken)
    {
        byte[] body = call.Parameters.EncodeForm(out IReadOnlyList<string> secrets);
        try
        {
            using var timeoutSource = new CancellationTokenSource(timeout);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
            using var request = new HttpRequestMessage(HttpMethod.Post, connection.Endpoint.GetFunctionUri(call.Function))
            {
                Content = new ByteArrayContent(body),
            };
            request.Content.Headers.ContentType = FormContentType;
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.UserAgent.Add(UserAgent);
            request.Headers.TryAddWithoutValidation("Authorization", credential.BuildAuthorizationHeaderValue());

            try
            {
                // ResponseContentRead: the whole body is read under the same timeout.
                using HttpResponseMessage response = await connection.Http
                    .SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token)
                    .ConfigureAwait(false);
                byte[] content = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                return new Reply((int)response.StatusCode, response.ReasonPhrase, content, new SecretScrubber(secrets));
            }
            catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException
                && !cancellationToken.IsCancellationRequested && timeoutSource.IsCancellationRequested)
            {
                // Whether the server got the request is unknown, so a changing call may have run.
                throw new WhmTimeoutException(info, timeout, mayHaveExecuted: !call.IsReadOnly);
            }
            catch (HttpRequestException ex)
            {
                throw ConnectionFailure(call, info, ex);
            }
        }
        finally
        {
            // The body holds clear-text passwords; do not leave them in memory longer than the request.
            Array.Clear(body, 0, body.Length);
        }
    }

    private WhmApiException ConnectionFailure(WhmCall call, WhmCallInfo info, HttpRequestException ex)
    {
        CertificateRejection? rejection = connection.Validator.LastRejection;
        if (rejection is not null && Find<AuthenticationException>(ex) is not null)
        {
            return new WhmCertificateException(info, rejection.Thumbprint, rejection.Errors, connection.Endpoint.PinnedCertificateSha256, pinCommand, ex);
        }

        // Refused connections, unknown hosts and failed TLS handshakes happen before anything is sent.
        SocketException? socket = Find<SocketException>(ex);
        bool notSent = Find<AuthenticationException>(ex) is not null || (socket is not null && IsConnectFailure(socket.SocketErrorCode));
        string detail = notSent
            ? $"could not connect ({Innermost(ex).Message})"
            : $"the connection failed ({Innermost(ex).Message})";
        return new WhmTransportException(info, detail, null, mayHaveExecuted: !call.IsReadOnly && !notSent, ex);
    }

    private JsonDocument ReadJson(WhmCall call, WhmCallInfo info, Reply reply)
    {
        if (reply.Status is 401 or 403)
        {
            throw new WhmAuthenticationException(info, credential.User, reply.Status, IsLockout(reply.Content));
        }

        if (reply.Status is < 200 or > 299)
        {
            // 5xx (524 from a proxy included) means the server, or something in front of it, got the request.
            throw new WhmTransportException(
                info, $"the server answered HTTP {reply.Status} {reply.ReasonPhrase}".TrimEnd(), reply.Status, mayHaveExecuted: !call.IsReadOnly && reply.Status >= 500);
        }

        try
        {
            return JsonDocument.Parse(reply.Content);
        }
        catch (JsonException)
        {
            throw new WhmTransportException(
                info, $"the reply is not JSON: \"{Preview(reply)}\"", reply.Status, mayHaveExecuted: !call.IsReadOnly);
        }
    }

    private WhmEnvelope ReadEnvelope(WhmCall call, WhmCallInfo info, Reply reply, JsonElement root)
    {
        if (WhmEnvelope.IsLegacyAccessDenied(root))
        {
            throw new WhmAuthenticationException(info, credential.User, reply.Status, IsLockout(reply.Content));
        }

        try
        {
            return WhmEnvelope.Parse(root, reply.Scrubber);
        }
        catch (FormatException ex)
        {
            throw new WhmTransportException(
                info, $"the reply is not a WHM API 1 response: {ex.Message}: \"{Preview(reply)}\"", reply.Status, mayHaveExecuted: !call.IsReadOnly, ex);
        }
    }

    private static T Map<T>(WhmCall call, WhmCallInfo info, Reply reply, WhmEnvelope envelope, Func<WhmEnvelope, WhmCallInfo, T> map)
    {
        try
        {
            return map(envelope, info);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or OverflowException)
        {
            // The server reported success, so a changing call did run; only the reply is unreadable.
            throw new WhmTransportException(
                info, $"the reply could not be read ({ex.Message})", reply.Status, mayHaveExecuted: !call.IsReadOnly && envelope.Succeeded, ex);
        }
    }

    private void Log(
        WhmCallInfo info,
        DateTimeOffset startedAt,
        TimeSpan duration,
        CallOutcome outcome,
        int? httpStatus,
        string? reason,
        FailureKind? kind,
        bool mayHaveExecuted,
        IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        ICallLogSink? sink = options.CallLog;
        if (sink is null)
        {
            return;
        }

        var entry = new CallLogEntry(startedAt, info.Server, credential.User, info.Function, info.Attempt, duration, outcome, httpStatus, reason, kind, mayHaveExecuted, parameters);
        try
        {
            sink.Write(entry);
        }
        catch (Exception)
        {
            // A lost log line must not turn a call that reached the server into an error (see ICallLogSink).
        }
    }

    private static CallOutcome OutcomeOf(WhmApiException failure) => failure switch
    {
        WhmCallFailedException => CallOutcome.Failed,
        WhmAuthenticationException => CallOutcome.AuthenticationFailed,
        WhmCertificateException => CallOutcome.CertificateRejected,
        WhmTimeoutException => CallOutcome.TimedOut,
        _ => CallOutcome.TransportFailed,
    };

    private static string ReasonOf(WhmApiException failure) =>
        failure is WhmCallFailedException callFailed ? callFailed.Reason : failure.Message;

    private static bool IsConnectFailure(SocketError error) => error is SocketError.ConnectionRefused
        or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable
        or SocketError.TryAgain or SocketError.NoData or SocketError.AddressNotAvailable;

    /// <summary>cPHulk answers a locked-out login with a refusal that mentions brute force or a lockout.</summary>
    private static bool IsLockout(byte[] content)
    {
        string text = Encoding.UTF8.GetString(content);
        foreach (string marker in new[] { "brute force", "brute-force", "cphulk", "locked out", "lockout" })
        {
            if (text.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string Preview(Reply reply)
    {
        const int MaxLength = 120;
        string text = reply.Scrubber.Scrub(Encoding.UTF8.GetString(reply.Content)) ?? string.Empty;
        text = string.Join(" ", text.Split(new[] { ' ', '\r', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= MaxLength ? text : text.Substring(0, MaxLength) + "…";
    }

    private static TException? Find<TException>(Exception ex)
        where TException : Exception
    {
        for (Exception? current = ex; current is not null; current = current.InnerException)
        {
            if (current is TException found)
            {
                return found;
            }
        }

        return null;
    }

    private static Exception Innermost(Exception ex)
    {
        Exception current = ex;
        while (current.InnerException is not null)
        {
            current = current.InnerException;
        }

        return current;
    }

    private sealed class Reply
    {
        public Reply(int status, string? reasonPhrase, byte[] content, SecretScrubber scrubber)
        {
            Status = status;
            ReasonPhrase = reasonPhrase;
            Content = content;
            Scrubber = scrubber;
        }

        public int Status { get; }

        public string? ReasonPhrase { get; }

        public byte[] Content { get; }

        public SecretScrubber Scrubber { get; }
    }
}

using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Logging;
using CpanelBilling.Core.Whm;
using CpanelBilling.Whm.Tests.Client.Support;
using Xunit;

namespace CpanelBilling.Whm.Tests.Client;

/// <summary>How each way a call can fail surfaces, what is retried, and what says "may have executed".</summary>
public sealed class FailureHandlingTests
{
    private readonly StubWhmServer server = new();

    [Fact]
    public async Task Result_zero_becomes_a_typed_failure_with_function_reason_kind_and_target()
    {
        var failure = await Assert.ThrowsAsync<WhmCallFailedException>(
            () => server.ReplyFixture("createacct-exists").CreateClient().CreateAccountAsync(new CreateAccountRequest("gtxoo", "gtxoo.example")));

        Assert.Equal("createacct", failure.Function);
        Assert.Equal(FailureKind.AlreadyExists, failure.Kind);
        Assert.Contains("already has an account named", failure.Reason);
        Assert.Equal("gtxoo", failure.Target);
        Assert.Equal("whm.example.com:2087", failure.Server);
        Assert.Equal("WhmCallFailed", failure.ErrorId);
        Assert.False(failure.MayHaveExecuted);
        Assert.IsAssignableFrom<CpanelBillingException>(failure);
    }

    [Fact]
    public async Task Result_zero_of_a_read_is_not_retried()
    {
        server.Reply("""{"metadata":{"command":"showbw","version":1,"result":0,"reason":"Invalid month provided"}}""");

        var failure = await Assert.ThrowsAsync<WhmCallFailedException>(() => server.CreateClient().GetBandwidthAsync());

        Assert.Equal(FailureKind.InvalidArgument, failure.Kind);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.Unauthorized)]
    public async Task Refused_credentials_are_an_authentication_failure_and_never_retried(HttpStatusCode status)
    {
        server.Reply(Fixture.Read("access-denied"), status, "text/plain");

        var failure = await Assert.ThrowsAsync<WhmAuthenticationException>(() => server.CreateClient().GetVersionAsync());

        Assert.Equal(FailureKind.AuthenticationFailed, failure.Kind);
        Assert.Equal((int)status, failure.HttpStatus);
        Assert.False(failure.IsLockout);
        Assert.Equal("root", failure.User);
        Assert.Single(server.Requests);
        Assert.DoesNotContain(StubWhmServer.Token, failure.Message);
    }

    [Fact]
    public async Task The_legacy_access_denied_body_is_an_authentication_failure_even_with_status_200()
    {
        server.ReplyFixture("access-denied");

        await Assert.ThrowsAsync<WhmAuthenticationException>(() => server.CreateClient().ListAccountsAsync());
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_brute_force_lockout_is_reported_as_such()
    {
        server.Reply("This account is currently locked out because a brute force attempt was detected.", HttpStatusCode.Unauthorized, "text/html");

        var failure = await Assert.ThrowsAsync<WhmAuthenticationException>(() => server.CreateClient().GetHostnameAsync());

        Assert.True(failure.IsLockout);
        Assert.Equal("WhmLockedOut", failure.ErrorId);
        Assert.Contains("cPHulk", failure.Message);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(524)]
    public async Task A_5xx_on_a_read_is_retried_then_reported_as_transport(int status)
    {
        for (int i = 0; i < 3; i++)
        {
            server.Reply("<html>error</html>", (HttpStatusCode)status, "text/html");
        }

        var failure = await Assert.ThrowsAsync<WhmTransportException>(() => server.CreateClient().ListPackagesAsync());

        Assert.Equal(FailureKind.Transport, failure.Kind);
        Assert.Equal(status, failure.HttpStatus);
        Assert.Equal(3, failure.Attempts);
        Assert.False(failure.MayHaveExecuted);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(new[] { 1, 2, 3 }, server.Log.Entries.Select(e => e.Attempt));
    }

    [Fact]
    public async Task A_read_that_recovers_on_retry_succeeds()
    {
        server.Reply("bad gateway", HttpStatusCode.BadGateway).ReplyFixture("version");

        Assert.Equal("11.120.0.16", await server.CreateClient().GetVersionAsync());
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(new[] { CallOutcome.TransportFailed, CallOutcome.Succeeded }, server.Log.Entries.Select(e => e.Outcome));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(524)]
    public async Task A_5xx_on_a_write_is_not_retried_and_may_have_executed(int status)
    {
        server.Reply("<html>error</html>", (HttpStatusCode)status, "text/html");

        var failure = await Assert.ThrowsAsync<WhmTransportException>(() => server.CreateClient().SuspendAccountAsync("bob"));

        Assert.True(failure.MayHaveExecuted);
        Assert.Equal(FailureKind.Ambiguous, failure.Kind);
        Assert.Single(server.Requests);
        Assert.Contains("may or may not have been made", failure.Message);
    }

    [Fact]
    public async Task A_4xx_other_than_auth_on_a_write_did_not_execute()
    {
        server.Reply("not here", HttpStatusCode.NotFound, "text/html");

        var failure = await Assert.ThrowsAsync<WhmTransportException>(() => server.CreateClient().RemoveAccountAsync("bob"));

        Assert.False(failure.MayHaveExecuted);
        Assert.Equal(FailureKind.Transport, failure.Kind);
    }

    [Fact]
    public async Task A_non_json_body_is_a_transport_failure_that_shows_what_came()
    {
        server.Reply("<html><body>cPanel login</body></html>", HttpStatusCode.OK, "text/html");

        var failure = await Assert.ThrowsAsync<WhmTransportException>(() => server.CreateClient().CreateAccountAsync(new CreateAccountRequest("bob", "bob.example")));

        Assert.Contains("not JSON", failure.Message);
        Assert.Contains("cPanel login", failure.Message);
        Assert.True(failure.MayHaveExecuted);
    }

    [Fact]
    public async Task Truncated_json_is_a_transport_failure()
    {
        string full = Fixture.Read("listaccts");
        for (int i = 0; i < 3; i++)
        {
            server.Reply(full[..(full.Length / 2)]);
        }

        await Assert.ThrowsAsync<WhmTransportException>(() => server.CreateClient().ListAccountsAsync());
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_json_reply_that_is_not_api_1_is_a_transport_failure()
    {
        server.ReplyFixture("api0-version");

        var failure = await Assert.ThrowsAsync<WhmTransportException>(() => server.CreateClient(o => o.MaxReadRetries = 0).GetVersionAsync());

        Assert.Contains("not a WHM API 1 response", failure.Message);
    }

    [Fact]
    public async Task A_connection_reset_on_a_write_may_have_executed()
    {
        server.Throw(new HttpRequestException("Error while copying content", new IOException("reset", new SocketException((int)SocketError.ConnectionReset))));

        var failure = await Assert.ThrowsAsync<WhmTransportException>(() => server.CreateClient().ChangePackageAsync("bob", "gold"));

        Assert.True(failure.MayHaveExecuted);
        Assert.Equal(FailureKind.Ambiguous, failure.Kind);
        Assert.Null(failure.HttpStatus);
    }

    [Fact]
    public async Task A_refused_connection_on_a_write_did_not_execute()
    {
        server.Throw(new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)));

        var failure = await Assert.ThrowsAsync<WhmTransportException>(() => server.CreateClient().RemoveAccountAsync("bob"));

        Assert.False(failure.MayHaveExecuted);
        Assert.Equal(FailureKind.Transport, failure.Kind);
        Assert.Contains("could not connect", failure.Message);
    }

    [Fact]
    public async Task A_read_timeout_is_a_typed_timeout_and_is_retried()
    {
        server.Hang().Hang();

        var failure = await Assert.ThrowsAsync<WhmTimeoutException>(
            () => server.CreateClient(o => { o.ReadTimeout = TimeSpan.FromMilliseconds(50); o.MaxReadRetries = 1; }).ListIpAddressesAsync());

        Assert.Equal(FailureKind.Timeout, failure.Kind);
        Assert.Equal(TimeSpan.FromMilliseconds(50), failure.Timeout);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Log.Entries, e => Assert.Equal(CallOutcome.TimedOut, e.Outcome));
    }

    [Fact]
    public async Task A_write_timeout_is_not_retried_and_is_ambiguous()
    {
        server.Hang();

        var failure = await Assert.ThrowsAsync<WhmTimeoutException>(
            () => server.CreateClient(o => o.AccountLifecycleTimeout = TimeSpan.FromMilliseconds(50)).CreateAccountAsync(new CreateAccountRequest("bob", "bob.example")));

        Assert.True(failure.MayHaveExecuted);
        Assert.Equal(FailureKind.Ambiguous, failure.Kind);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Per_function_timeouts_win_over_the_defaults()
    {
        server.Hang();
        WhmClient client = server.CreateClient(o =>
        {
            o.WriteTimeout = TimeSpan.FromMinutes(5);
            o.FunctionTimeouts[WhmFunctions.SuspendAccount] = TimeSpan.FromMilliseconds(40);
        });

        var failure = await Assert.ThrowsAsync<WhmTimeoutException>(() => client.SuspendAccountAsync("bob"));

        Assert.Equal(TimeSpan.FromMilliseconds(40), failure.Timeout);
    }

    [Fact]
    public async Task The_callers_cancellation_is_an_OperationCanceledException_not_a_timeout()
    {
        server.Hang();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => server.CreateClient().ListAccountsAsync(cancellationToken: cancellation.Token));

        Assert.IsNotType<WhmTimeoutException>(thrown);
        Assert.Single(server.Requests);
        Assert.Equal(CallOutcome.Cancelled, server.Log.Entries.Single().Outcome);
    }

    [Fact]
    public async Task A_call_cancelled_before_it_starts_sends_nothing()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => server.CreateClient().GetVersionAsync(cancellation.Token));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_reply_of_the_wrong_shape_is_a_transport_failure_not_a_crash()
    {
        server.Reply("""{"metadata":{"command":"listaccts","version":1,"result":1,"reason":"OK"},"data":{"acct":"oops"}}""");

        var failure = await Assert.ThrowsAsync<WhmTransportException>(() => server.CreateClient(o => o.MaxReadRetries = 0).ListAccountsAsync());

        Assert.Contains("could not be read", failure.Message);
    }

    [Fact]
    public async Task A_log_sink_that_throws_does_not_change_the_outcome()
    {
        server.ReplyFixture("removeacct");
        WhmClient client = server.CreateClient(o => o.CallLog = new ThrowingSink());

        Assert.Equal("bob account removed", (await client.RemoveAccountAsync("bob")).Reason);
    }

    private sealed class ThrowingSink : ICallLogSink
    {
        public void Write(CallLogEntry entry) => throw new IOException("disk full");
    }
}

using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Logging;
using CpanelBilling.Core.Whm;
using CpanelBilling.Whm.Tests.Client.Support;
using Xunit;

namespace CpanelBilling.Whm.Tests.Client;

/// <summary>
/// A credential a server refused is never sent to it again by any client of the factory (cPHulk counts each refused
/// login), and until a server has answered a credential, its calls go one at a time.
/// </summary>
public sealed class RefusedCredentialTests
{
    private readonly StubWhmServer server = new();

    [Fact]
    public async Task After_a_refusal_no_client_of_the_factory_sends_that_credential_to_that_server_again()
    {
        using WhmClientFactory factory = server.CreateFactory();
        var credential = new WhmCredential(StubWhmServer.User, StubWhmServer.Token);
        server.Reply(Fixture.Read("access-denied"), HttpStatusCode.Forbidden, "text/plain");
        var refused = await Assert.ThrowsAsync<WhmAuthenticationException>(() => factory.CreateClient(StubWhmServer.Endpoint, credential).GetVersionAsync());

        var notSent = await Assert.ThrowsAsync<WhmAuthenticationException>(
            () => factory.CreateClient(StubWhmServer.Endpoint, credential).SuspendAccountAsync("bob"));

        Assert.Single(server.Requests);
        Assert.Single(server.Log.Entries); // the log holds requests; nothing was sent
        Assert.True(factory.HasRefused(StubWhmServer.Endpoint, credential));
        Assert.False(refused.RefusedEarlier);
        Assert.True(notSent.RefusedEarlier);
        Assert.Equal(
            ("WhmAuthenticationFailed", FailureKind.AuthenticationFailed, 403, "suspendacct", "bob", 0, false),
            (notSent.ErrorId, notSent.Kind, notSent.HttpStatus, notSent.Function, notSent.Target, notSent.Attempts, notSent.MayHaveExecuted));
        Assert.Contains("whm.example.com:2087", notSent.Message);
        Assert.Contains("earlier in this session", notSent.Message);
        Assert.Contains("-Credential", notSent.Message);
        Assert.DoesNotContain(StubWhmServer.Token, notSent.Message);
    }

    [Fact]
    public async Task A_remembered_lockout_keeps_its_error_id_and_says_to_wait()
    {
        using WhmClientFactory factory = server.CreateFactory();
        WhmClient client = factory.CreateClient(StubWhmServer.Endpoint, new WhmCredential(StubWhmServer.User, StubWhmServer.Token));
        server.Reply("This account is currently locked out because a brute force attempt was detected.", HttpStatusCode.Unauthorized, "text/html");
        await Assert.ThrowsAsync<WhmAuthenticationException>(() => client.GetHostnameAsync());

        var notSent = await Assert.ThrowsAsync<WhmAuthenticationException>(() => client.ListAccountsAsync());

        Assert.Single(server.Requests);
        Assert.Equal(("WhmLockedOut", true, true), (notSent.ErrorId, notSent.IsLockout, notSent.RefusedEarlier));
        Assert.Contains("cPHulk", notSent.Message);
        Assert.Contains("expired", notSent.Message);
    }

    [Fact]
    public async Task Another_credential_object_or_another_server_is_tried()
    {
        using WhmClientFactory factory = server.CreateFactory();
        var refusedCredential = new WhmCredential(StubWhmServer.User, StubWhmServer.Token);
        server.Reply(Fixture.Read("access-denied"), HttpStatusCode.Unauthorized, "text/plain");
        await Assert.ThrowsAsync<WhmAuthenticationException>(() => factory.CreateClient(StubWhmServer.Endpoint, refusedCredential).GetVersionAsync());
        server.ReplyFixture("version").ReplyFixture("version").ReplyFixture("version");

        // The certificate pin is no part of it: the same host and port with a pin is still the server that refused.
        var pinned = new WhmEndpoint(StubWhmServer.Endpoint.Host, StubWhmServer.Endpoint.Port, new string('a', 64));
        Assert.True((await Assert.ThrowsAsync<WhmAuthenticationException>(() => factory.CreateClient(pinned, refusedCredential).GetVersionAsync())).RefusedEarlier);
        Assert.Equal("11.120.0.16", await factory.CreateClient(new WhmEndpoint("whm2.example.com"), refusedCredential).GetVersionAsync());
        Assert.Equal("11.120.0.16", await factory.CreateClient(new WhmEndpoint(StubWhmServer.Endpoint.Host, 2088), refusedCredential).GetVersionAsync());
        Assert.Equal("11.120.0.16", await factory.CreateClient(StubWhmServer.Endpoint, new WhmCredential(StubWhmServer.User, StubWhmServer.Token)).GetVersionAsync());
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task A_call_waiting_for_the_first_answer_is_not_sent_when_that_answer_refuses_the_credential()
    {
        WhmClient client = server.CreateClient();
        var firstArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var refuse = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Then(async (_, _) =>
        {
            firstArrived.SetResult();
            await refuse.Task;
            return new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent(Fixture.Read("access-denied"), Encoding.UTF8, "text/plain") };
        });
        Task<string> first = client.GetVersionAsync();
        await firstArrived.Task;

        Task<WhmCallResult> second = client.SuspendAccountAsync("bob");
        refuse.SetResult();

        Assert.False((await Assert.ThrowsAsync<WhmAuthenticationException>(() => first)).RefusedEarlier);
        Assert.True((await Assert.ThrowsAsync<WhmAuthenticationException>(() => second)).RefusedEarlier);
        Assert.Equal("version", Assert.Single(server.Requests).Uri.Segments.Last());
    }

    [Fact]
    public async Task A_call_waiting_for_the_first_answer_can_be_cancelled()
    {
        WhmClient client = server.CreateClient();
        var firstArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Then(async (_, _) =>
        {
            firstArrived.SetResult();
            await answer.Task;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Fixture.Read("version"), Encoding.UTF8, "application/json") };
        });
        Task<string> first = client.GetVersionAsync();
        await firstArrived.Task;
        using var cancel = new CancellationTokenSource();

        Task<WhmCallResult> waiting = client.SuspendAccountAsync("bob", cancellationToken: cancel.Token);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        answer.SetResult();
        Assert.Equal("11.120.0.16", await first);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Once_the_server_has_answered_a_credential_its_calls_are_sent_side_by_side()
    {
        WhmClient client = server.CreateClient();
        server.ReplyFixture("version");
        await client.GetVersionAsync();
        int arrived = 0;
        var bothArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (int i = 0; i < 2; i++)
        {
            server.Then(async (_, _) =>
            {
                if (Interlocked.Increment(ref arrived) == 2)
                {
                    bothArrived.SetResult();
                }

                await answer.Task;
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Fixture.Read("version"), Encoding.UTF8, "application/json") };
            });
        }

        Task<string>[] calls = { client.GetVersionAsync(), client.GetVersionAsync() };

        // Both requests reach the server while neither has been answered: nothing holds the second back.
        await bothArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        answer.SetResult();
        Assert.All(await Task.WhenAll(calls), version => Assert.Equal("11.120.0.16", version));
    }

    [Fact]
    public async Task A_failure_that_shows_nothing_about_the_token_keeps_calls_one_at_a_time()
    {
        WhmClient client = server.CreateClient();
        server.Reply("<html><body>503 Service Unavailable</body></html>", HttpStatusCode.ServiceUnavailable, "text/html");
        await Assert.ThrowsAsync<WhmTransportException>(() => client.SuspendAccountAsync("bob"));
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Then(async (_, _) =>
        {
            // Held until the second call is under way: were the gate open, it would reach the server meanwhile.
            await secondStarted.Task;
            await Task.Delay(100);
            return new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent(Fixture.Read("access-denied"), Encoding.UTF8, "text/plain") };
        });
        server.Reply(Fixture.Read("access-denied"), HttpStatusCode.Forbidden, "text/plain");

        Task<string> first = client.GetVersionAsync();
        Task<string> second = client.GetHostnameAsync();
        secondStarted.SetResult();

        Assert.False((await Assert.ThrowsAsync<WhmAuthenticationException>(() => first)).RefusedEarlier);
        Assert.True((await Assert.ThrowsAsync<WhmAuthenticationException>(() => second)).RefusedEarlier);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task An_accepted_answer_lets_calls_side_by_side_only_for_the_trust_window()
    {
        var info = new WhmCallInfo("whm.example.com:2087", "version", null, 1);
        long now = 1;
        var gate = new LoginGate(TimeSpan.FromMinutes(1), () => now);

        IDisposable? first = await gate.EnterAsync(info, CancellationToken.None);
        Assert.NotNull(first);
        gate.Accepted();
        first!.Dispose();

        now += Stopwatch.Frequency * 59;
        Assert.Null(await gate.EnterAsync(info, CancellationToken.None));

        // A minute without an accepted answer: the token may have been revoked meanwhile, so one call goes alone again.
        now += Stopwatch.Frequency * 2;
        IDisposable? alone = await gate.EnterAsync(info, CancellationToken.None);
        Assert.NotNull(alone);
        gate.Accepted();
        alone!.Dispose();
        Assert.Null(await gate.EnterAsync(info, CancellationToken.None));
    }

    [Fact]
    public void Credentials_are_the_same_when_user_and_token_are()
    {
        var credential = new WhmCredential("root", "TOKEN0123456789");

        Assert.True(credential.IsSameAs(new WhmCredential("root", "TOKEN0123456789")));
        Assert.False(credential.IsSameAs(new WhmCredential("root", "TOKEN0123456780")));
        Assert.False(credential.IsSameAs(new WhmCredential("reseller", "TOKEN0123456789")));
        Assert.False(credential.IsSameAs(null));
    }
}

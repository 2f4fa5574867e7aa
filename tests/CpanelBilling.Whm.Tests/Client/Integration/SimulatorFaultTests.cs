using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Logging;
using CpanelBilling.Core.Whm;
using CpanelBilling.Testing.Simulator;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Whm.Tests.Client.Integration;

/// <summary>
/// Each injected fault is classified right; reads are retried and writes are not (counted in the server's recorded
/// requests); an ambiguous write is reported as such, so a later layer can look at the server.
/// </summary>
public sealed class SimulatorFaultTests : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly SimulatorFixture fixture;
    private readonly SimulatorClients clients;
    private readonly WhmClient client;

    public SimulatorFaultTests(SimulatorFixture fixture)
    {
        this.fixture = fixture;
        fixture.Reset();
        clients = new SimulatorClients(fixture);
        client = clients.Create();
    }

    public void Dispose() => clients.Dispose();

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(524)]
    public async Task A_read_is_retried_through_a_5xx_and_succeeds(int status)
    {
        fixture.Faults.Set(WhmFunctions.ListAccounts, Fault.HttpStatus(status), calls: 2);

        Assert.Empty(await client.ListAccountsAsync());

        Assert.Equal(3, Calls(WhmFunctions.ListAccounts));
        Assert.Equal(new[] { CallOutcome.TransportFailed, CallOutcome.TransportFailed, CallOutcome.Succeeded }, clients.Log.Entries.Select(e => e.Outcome));
        Assert.Equal(new int?[] { status, status, 200 }, clients.Log.Entries.Select(e => e.HttpStatus));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(524)]
    public async Task A_write_meeting_a_5xx_is_not_retried_and_may_have_executed(int status)
    {
        await CreateAsync("bob");
        fixture.Faults.Set(WhmFunctions.SuspendAccount, Fault.HttpStatus(status));

        var failure = await Assert.ThrowsAsync<WhmTransportException>(() => client.SuspendAccountAsync("bob"));

        Assert.Equal((status, true, FailureKind.Ambiguous, 1), (failure.HttpStatus!.Value, failure.MayHaveExecuted, failure.Kind, failure.Attempts));
        Assert.Equal(1, Calls(WhmFunctions.SuspendAccount));
    }

    [Fact]
    public async Task A_connection_reset_on_a_read_is_retried_up_to_the_limit()
    {
        fixture.Faults.Set(WhmFunctions.ListPackages, Fault.ConnectionReset());

        var failure = await Assert.ThrowsAsync<WhmTransportException>(() => client.ListPackagesAsync());

        Assert.Equal((3, false, FailureKind.Transport), (failure.Attempts, failure.MayHaveExecuted, failure.Kind));
        Assert.Null(failure.HttpStatus);
        Assert.Equal(3, Calls(WhmFunctions.ListPackages));
    }

    [Fact]
    public async Task A_connection_reset_on_a_write_is_ambiguous_and_sent_once()
    {
        await CreateAsync("bob");
        fixture.Faults.Set(WhmFunctions.RemoveAccount, Fault.ConnectionReset());

        var failure = await Assert.ThrowsAsync<WhmTransportException>(() => client.RemoveAccountAsync("bob"));

        Assert.True(failure.MayHaveExecuted);
        Assert.Equal(1, Calls(WhmFunctions.RemoveAccount));
    }

    [Fact]
    public async Task Malformed_json_after_the_work_was_done_is_ambiguous_and_the_server_can_tell_the_truth()
    {
        fixture.Faults.Set(WhmFunctions.CreateAccount, Fault.MalformedJson(), calls: 1);

        var failure = await Assert.ThrowsAsync<WhmTransportException>(() => CreateAsync("bob"));

        Assert.True(failure.MayHaveExecuted);
        Assert.Contains("not JSON", failure.Message);
        Assert.Equal(1, Calls(WhmFunctions.CreateAccount));
        Assert.NotNull(await client.GetAccountSummaryAsync("bob")); // what a later layer does instead of guessing
    }

    [Fact]
    public async Task Malformed_json_on_a_read_is_retried()
    {
        fixture.Faults.Set(WhmFunctions.GetHostname, Fault.MalformedJson(), calls: 1);

        Assert.Equal(fixture.State.Hostname, await client.GetHostnameAsync());
        Assert.Equal(2, Calls(WhmFunctions.GetHostname));
    }

    [Fact]
    public async Task A_reply_later_than_the_timeout_is_a_typed_timeout_and_the_write_may_have_executed()
    {
        WhmClient impatient = clients.Create(o => o.AccountLifecycleTimeout = TimeSpan.FromMilliseconds(300));
        await WarmUpAsync();
        fixture.Faults.Set(WhmFunctions.CreateAccount, Fault.LateReply(TimeSpan.FromMilliseconds(1500)), calls: 1);

        var failure = await Assert.ThrowsAsync<WhmTimeoutException>(() => impatient.CreateAccountAsync(new CreateAccountRequest("bob", "bob-example.com")));

        Assert.Equal((true, FailureKind.Ambiguous, TimeSpan.FromMilliseconds(300)), (failure.MayHaveExecuted, failure.Kind, failure.Timeout));
        Assert.Equal(1, Calls(WhmFunctions.CreateAccount));
        Assert.NotNull(fixture.State.FindAccount("bob")); // the server did finish the job
    }

    [Fact]
    public async Task A_read_that_hangs_times_out_on_every_attempt()
    {
        WhmClient impatient = clients.Create(o => { o.ReadTimeout = TimeSpan.FromMilliseconds(200); o.MaxReadRetries = 1; });
        await WarmUpAsync();
        fixture.Faults.Set(WhmFunctions.ShowBandwidth, Fault.Hang(TimeSpan.FromSeconds(5)));

        var failure = await Assert.ThrowsAsync<WhmTimeoutException>(() => impatient.GetBandwidthAsync());

        Assert.Equal((FailureKind.Timeout, false, 2), (failure.Kind, failure.MayHaveExecuted, failure.Attempts));
        Assert.Equal(2, Calls(WhmFunctions.ShowBandwidth));
    }

    [Fact]
    public async Task Result_zero_injected_on_a_read_is_a_call_failure_and_not_retried()
    {
        fixture.Faults.Set(WhmFunctions.ListIps, Fault.Failure("API failure: (XID abc123) You do not have permission to list IP addresses."));

        var failure = await Assert.ThrowsAsync<WhmCallFailedException>(() => client.ListIpAddressesAsync());

        Assert.Equal(FailureKind.PermissionDenied, failure.Kind);
        Assert.Equal(1, Calls(WhmFunctions.ListIps));
    }

    [Fact]
    public async Task Result_sent_as_a_string_is_understood()
    {
        fixture.Server.ResultAsString = true;
        try
        {
            await CreateAsync("bob");
            Assert.Equal("bob", (await client.ListAccountsAsync()).Single().User);
            await Assert.ThrowsAsync<WhmCallFailedException>(() => CreateAsync("bob"));
        }
        finally
        {
            fixture.Server.ResultAsString = false;
        }
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_a_timeout()
    {
        fixture.Faults.Set(WhmFunctions.ListAccounts, Fault.Latency(TimeSpan.FromSeconds(5)));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListAccountsAsync(cancellationToken: cancellation.Token));

        Assert.IsNotAssignableFrom<WhmApiException>(thrown);
        Assert.Equal(1, Calls(WhmFunctions.ListAccounts));
        Assert.Equal(CallOutcome.Cancelled, clients.Log.Entries.Single().Outcome);
    }

    [Fact]
    public async Task Calls_reuse_one_pooled_connection_and_one_tls_handshake()
    {
        WhmConnection? connection = null;
        using var factory = new WhmClientFactory(null, endpoint => connection = WhmConnection.Create(endpoint));
        WhmClient first = factory.CreateClient(clients.PinnedEndpoint, new WhmCredential(fixture.User, fixture.Token));
        WhmClient second = factory.CreateClient(clients.PinnedEndpoint, new WhmCredential(fixture.User, fixture.Token));

        for (int i = 0; i < 5; i++)
        {
            await first.GetVersionAsync();
            await second.ListAccountsAsync();
        }

        Assert.Equal(1, factory.ConnectionCount);
        Assert.Equal(1, connection!.Validator.HandshakeCount);
    }

    private Task<CreateAccountResult> CreateAsync(string user) =>
        client.CreateAccountAsync(new CreateAccountRequest(user, user + "-example.com") { Password = new WhmSecret("Vx9#long-Enough-Passw0rd") });

    private int Calls(string function) => fixture.Server.Requests.Count(r => r.Function == function);

    /// <summary>
    /// Opens the pooled connection (TLS handshake included) with a patient call, so a test's short timeout measures
    /// the call under test and not a handshake on a busy machine. Clients of one factory share the connection.
    /// </summary>
    private async Task WarmUpAsync()
    {
        await client.GetVersionAsync();
        fixture.Server.ClearRequests();
    }
}

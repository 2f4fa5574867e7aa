using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Logging;
using CpanelBilling.Core.Whm;
using CpanelBilling.Testing.Simulator;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Whm.Tests.Client.Integration;

/// <summary>TLS pinning, authentication failures, and secrets kept out of URLs and the log file, over real HTTPS.</summary>
public sealed class SimulatorSecurityTests : IClassFixture<SimulatorFixture>, IDisposable
{
    private const string Password = "Qz7!unique-Secret-Passw0rd";
    private const string NewPassword = "Rt8@another-Secret-Passw0rd";
    private readonly SimulatorFixture fixture;
    private readonly SimulatorClients clients;
    private readonly string logDirectory = Path.Combine(Path.GetTempPath(), "cpb-simlog-" + Guid.NewGuid().ToString("N"));

    public SimulatorSecurityTests(SimulatorFixture fixture)
    {
        this.fixture = fixture;
        fixture.Reset();
        clients = new SimulatorClients(fixture);
    }

    public void Dispose()
    {
        clients.Dispose();
        if (Directory.Exists(logDirectory))
        {
            Directory.Delete(logDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Passwords_and_the_token_never_appear_in_urls_or_the_log_file()
    {
        string logPath = Path.Combine(logDirectory, "whm-calls.log");
        WhmClient client = clients.Create(o => o.CallLog = new FileCallLogSink(logPath));

        await client.CreateAccountAsync(new CreateAccountRequest("bob", "bob-example.com") { Password = new WhmSecret(Password) });
        await client.ChangePasswordAsync("bob", new WhmSecret(NewPassword));
        await Assert.ThrowsAsync<WhmCallFailedException>(() => client.CreateAccountAsync(new CreateAccountRequest("bob", "bob-example.com") { Password = new WhmSecret(Password) }));
        await client.ListAccountsAsync();

        var requests = fixture.Server.Requests;
        Assert.Equal(4, requests.Count);
        foreach (RecordedRequest request in requests)
        {
            Assert.Equal("POST", request.Method);
            Assert.Equal(string.Empty, request.QueryString);
            Assert.Equal("1", request.FormValue("api.version"));
            foreach (string secret in new[] { Password, NewPassword, fixture.Token })
            {
                Assert.DoesNotContain(secret, request.Path);
                Assert.DoesNotContain(secret, request.QueryString);
            }

            Assert.Equal($"whm {fixture.User}:{fixture.Token}", request.Header("Authorization"));
        }

        Assert.Equal(Password, requests[0].FormValue("password")); // in the body, where it belongs
        Assert.Equal(NewPassword, requests[1].FormValue("password"));

        string log = File.ReadAllText(logPath);
        Assert.Equal(4, File.ReadAllLines(logPath).Length);
        Assert.DoesNotContain(Password, log);
        Assert.DoesNotContain(NewPassword, log);
        Assert.DoesNotContain(fixture.Token, log);
        Assert.Contains("\"password\":\"********\"", log);
    }

    [Fact]
    public async Task A_wrong_token_is_an_authentication_failure_and_is_not_retried()
    {
        WhmClient client = clients.Create(token: "WRONGTOKEN0123456789ABCDEFGHIJKL");

        var failure = await Assert.ThrowsAsync<WhmAuthenticationException>(() => client.ListAccountsAsync());

        Assert.Equal((403, FailureKind.AuthenticationFailed, 1), (failure.HttpStatus!.Value, failure.Kind, failure.Attempts));
        Assert.Single(fixture.Server.Requests);
        Assert.Equal(CallOutcome.AuthenticationFailed, clients.Log.Entries.Single().Outcome);
        Assert.DoesNotContain("WRONGTOKEN", failure.ToString());
    }

    [Fact]
    public async Task A_wrong_pin_is_refused_before_anything_is_sent()
    {
        var endpoint = new WhmEndpoint(fixture.BaseUri.Host, fixture.BaseUri.Port, new string('a', 64));

        var failure = await Assert.ThrowsAsync<WhmCertificateException>(() => clients.Create(endpoint: endpoint).GetVersionAsync());

        Assert.Equal(fixture.CertificateSha256, failure.PresentedThumbprint);
        Assert.Contains("does not match the pinned", failure.Message);
        Assert.Contains(fixture.CertificateSha256, failure.Message);
        Assert.Equal(1, failure.Attempts); // never retried, even for a read
        Assert.Empty(fixture.Server.Requests);
    }

    [Fact]
    public async Task An_unpinned_self_signed_certificate_is_refused_with_how_to_pin_it()
    {
        var endpoint = new WhmEndpoint(fixture.BaseUri.Host, fixture.BaseUri.Port);

        var failure = await Assert.ThrowsAsync<WhmCertificateException>(() => clients.Create(endpoint: endpoint).RemoveAccountAsync("bob"));

        Assert.Equal(FailureKind.AuthenticationFailed, failure.Kind);
        Assert.False(failure.MayHaveExecuted);
        Assert.NotEqual(System.Net.Security.SslPolicyErrors.None, failure.PolicyErrors);
        Assert.Contains("not trusted", failure.Message);
        Assert.Contains("pin", failure.Message);
        Assert.Contains(fixture.CertificateSha256, failure.Message);
        Assert.Empty(fixture.Server.Requests);
    }

    [Fact]
    public async Task A_pin_pasted_with_colons_in_lower_case_works()
    {
        string colons = string.Join(":", Enumerable.Range(0, 32).Select(i => fixture.CertificateSha256.Substring(i * 2, 2).ToLowerInvariant()));
        var endpoint = new WhmEndpoint(fixture.BaseUri.Host, fixture.BaseUri.Port, colons);

        Assert.Equal(fixture.State.Version, await clients.Create(endpoint: endpoint).GetVersionAsync());
    }
}

/// <summary>A simulator with cPHulk-style lockout after two failed logins.</summary>
public sealed class LockoutSimulatorFixture : SimulatorFixture
{
    protected override SimulatorOptions CreateOptions() => new() { LockoutAfter = 2, LockoutDuration = TimeSpan.FromMinutes(5) };
}

public sealed class SimulatorLockoutTests : IClassFixture<LockoutSimulatorFixture>, IDisposable
{
    private readonly LockoutSimulatorFixture fixture;
    private readonly SimulatorClients clients;

    public SimulatorLockoutTests(LockoutSimulatorFixture fixture)
    {
        this.fixture = fixture;
        fixture.Reset();
        clients = new SimulatorClients(fixture);
    }

    public void Dispose() => clients.Dispose();

    [Fact]
    public async Task After_a_lockout_even_the_right_token_is_refused_and_no_call_is_retried()
    {
        // Two different wrong tokens: the client never sends a refused one twice.
        await Assert.ThrowsAsync<WhmAuthenticationException>(() => clients.Create(token: "WRONGTOKEN0123456789ABCDEFGHIJKL").GetVersionAsync());
        await Assert.ThrowsAsync<WhmAuthenticationException>(() => clients.Create(token: "OTHERWRONGTOKEN56789ABCDEFGHIJKL").GetVersionAsync());

        var lockedOut = await Assert.ThrowsAsync<WhmAuthenticationException>(() => clients.Create().ListAccountsAsync());

        Assert.Equal(FailureKind.AuthenticationFailed, lockedOut.Kind);
        Assert.Equal(1, lockedOut.Attempts);
        Assert.Equal(3, fixture.Server.Requests.Count);
    }
}

using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Servers;
using CpanelBilling.Core.Whm;
using CpanelBilling.Testing.Operations;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Operations.Tests.Servers;

/// <summary>
/// Test-CpServerConnection's core: every way a connection fails is a report with a clear status (and, for an
/// untrusted certificate, the thumbprint to pin), never an unhandled exception.
/// </summary>
public sealed class ServerConnectionCheckTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;

    public ServerConnectionCheckTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task A_good_server_reports_version_host_name_certificate_and_the_functions_the_token_may_call()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);

        ServerConnectionReport report = await new ServerConnectionCheck(world.Context).CheckAsync("web01");

        Assert.True(report.Succeeded, report.Message);
        Assert.Equal(ConnectionCheckStatus.Connected, report.Status);
        Assert.Equal("web01", report.ServerName);
        Assert.Equal(SimulatorState.DefaultVersion, report.Version);
        Assert.Equal(SimulatorState.DefaultHostname, report.ServerHostName);
        Assert.NotNull(report.RoundTrip);
        WhmCertificateInfo certificate = Assert.IsType<WhmCertificateInfo>(report.Certificate);
        Assert.Equal(CertificateTrust.Pin, certificate.Trust);
        Assert.Equal(simulator.CertificateSha256.ToUpperInvariant(), certificate.Sha256Thumbprint);
        Assert.True(certificate.IsValidAt(DateTime.UtcNow));
        Assert.True(report.CertificatePinned);
        Assert.Equal(WhmFunctions.All, report.AllowedFunctions);
        Assert.Empty(report.MissingFunctions);
        Assert.Empty(report.Warnings);
        Assert.Null(report.Error);
    }

    [Fact]
    public async Task A_host_not_in_billing_is_checked_with_the_credential_and_pin_given()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);

        ServerConnectionReport report = await new ServerConnectionCheck(world.Context).CheckHostAsync(
            simulator.BaseUri.Host, simulator.BaseUri.Port, new WhmCredential(simulator.User, simulator.Token), simulator.CertificateSha256.ToUpperInvariant());

        Assert.True(report.Succeeded, report.Message);
        Assert.Null(report.ServerName);
        Assert.Equal(simulator.BaseUri.Port, report.Port);
        Assert.Equal(CertificateTrust.Pin, report.Certificate!.Trust);
    }

    [Fact]
    public async Task A_wrong_token_is_reported_as_refused_authentication_without_the_token()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        const string WrongToken = "WRONGTOKEN0123456789ABCDEFGHIJKL";

        ServerConnectionReport report = await new ServerConnectionCheck(world.Context).CheckHostAsync(
            simulator.BaseUri.Host, simulator.BaseUri.Port, new WhmCredential(simulator.User, WrongToken), simulator.CertificateSha256);

        Assert.Equal(ConnectionCheckStatus.AuthenticationRefused, report.Status);
        Assert.IsType<WhmAuthenticationException>(report.Error);
        Assert.Contains("refused the API token", report.Message);
        Assert.DoesNotContain(WrongToken, report.Message);
        Assert.Null(report.Version);
        Assert.Equal(CertificateTrust.Pin, report.Certificate!.Trust); // TLS was fine; the token was not
    }

    [Fact]
    public async Task A_wrong_pin_is_reported_with_the_presented_thumbprint_and_how_to_pin_it()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await new ServerOperations(world.Context).UpdateAsync("web01", new ServerUpdate { CertificateThumbprint = new string('a', 64) });
        int requestsBefore = world.Simulator.Server.Requests.Count;

        ServerConnectionReport report = await new ServerConnectionCheck(world.Context).CheckAsync("web01");

        string presented = simulator.CertificateSha256.ToUpperInvariant();
        Assert.Equal(ConnectionCheckStatus.CertificateNotTrusted, report.Status);
        Assert.Equal(CertificateTrust.NotTrusted, report.Certificate!.Trust);
        Assert.Equal(presented, report.Certificate.Sha256Thumbprint);
        Assert.Equal($"Set-CpServer -Name 'web01' -CertificateThumbprint '{presented}'", report.PinHint);
        Assert.Contains(presented, report.Message);
        Assert.Equal(requestsBefore, world.Simulator.Server.Requests.Count);
    }

    [Fact]
    public async Task An_unpinned_self_signed_certificate_is_not_trusted_and_nothing_is_sent()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        int requestsBefore = world.Simulator.Server.Requests.Count;

        ServerConnectionReport report = await new ServerConnectionCheck(world.Context).CheckHostAsync(
            simulator.BaseUri.Host, simulator.BaseUri.Port, new WhmCredential(simulator.User, simulator.Token));

        Assert.Equal(ConnectionCheckStatus.CertificateNotTrusted, report.Status);
        Assert.False(report.CertificatePinned);
        Assert.True(report.Certificate!.IsSelfSigned);
        Assert.Equal($"-CertificateThumbprint '{simulator.CertificateSha256.ToUpperInvariant()}'", report.PinHint);
        Assert.Equal(requestsBefore, world.Simulator.Server.Requests.Count); // the token never left this machine
    }

    [Fact]
    public async Task A_port_nobody_listens_on_is_reported_unreachable()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        int closedPort = ClosedLoopbackPort();

        ServerConnectionReport report = await new ServerConnectionCheck(world.Context).CheckHostAsync(
            "127.0.0.1", closedPort, new WhmCredential(simulator.User, simulator.Token), simulator.CertificateSha256);

        Assert.Equal(ConnectionCheckStatus.Unreachable, report.Status);
        Assert.Contains("firewall", report.Message);
        Assert.Null(report.Certificate);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_is_reported_as_a_timeout()
    {
        WhmClientOptions options = OperationsWorld.FastClientOptions();
        options.ReadTimeout = TimeSpan.FromMilliseconds(800);
        options.MaxReadRetries = 0;
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator, options);
        world.Faults.Set("version", Fault.Hang(TimeSpan.FromSeconds(3)), 1);

        ServerConnectionReport report = await new ServerConnectionCheck(world.Context).CheckAsync("web01");

        Assert.Equal(ConnectionCheckStatus.Timeout, report.Status);
        Assert.IsType<WhmTimeoutException>(report.Error);
    }

    [Fact]
    public async Task A_server_answering_with_an_http_error_is_a_server_error()
    {
        WhmClientOptions options = OperationsWorld.FastClientOptions();
        options.MaxReadRetries = 0;
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator, options);
        world.Faults.Set("version", Fault.HttpStatus(503), 1);

        ServerConnectionReport report = await new ServerConnectionCheck(world.Context).CheckAsync("web01");

        Assert.Equal(ConnectionCheckStatus.ServerError, report.Status);
    }

    [Fact]
    public async Task A_server_without_a_token_in_the_session_is_reported_without_any_call()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        world.Credentials.Remove("web01");
        int requestsBefore = world.Simulator.Server.Requests.Count;

        ServerConnectionReport report = await new ServerConnectionCheck(world.Context).CheckAsync("web01");

        Assert.Equal(ConnectionCheckStatus.CredentialMissing, report.Status);
        Assert.Contains("Set-Secret", report.Message);
        Assert.Equal(requestsBefore, world.Simulator.Server.Requests.Count);
    }

    [Fact]
    public async Task A_disabled_server_can_still_be_checked_and_says_it_is_disabled()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await new ServerOperations(world.Context).SetEnabledAsync("web01", false);

        ServerConnectionReport report = await new ServerConnectionCheck(world.Context).CheckAsync("web01");

        Assert.True(report.Succeeded, report.Message);
        Assert.Contains(report.Warnings, w => w.Contains("disabled"));
    }

    [Fact]
    public async Task A_token_whose_function_list_cannot_be_read_still_connects_with_a_warning()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        world.Faults.Set("applist", Fault.Failure("Permission denied"), 1);

        ServerConnectionReport report = await new ServerConnectionCheck(world.Context).CheckAsync("web01");

        Assert.True(report.Succeeded);
        Assert.Empty(report.AllowedFunctions);
        Assert.Contains(report.Warnings, w => w.Contains("applist"));
    }

    [Fact]
    public async Task A_certificate_close_to_its_end_is_warned_about()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        DateTime notAfter = (await new ServerConnectionCheck(world.Context).CheckAsync("web01")).Certificate!.NotAfterUtc;

        ServerConnectionReport report = await new ServerConnectionCheck(world.Context, () => notAfter.AddDays(-10)).CheckAsync("web01");

        Assert.Contains(report.Warnings, w => w.Contains("expires on") && w.Contains("pin must be updated"));
    }

    [Fact]
    public async Task An_ad_hoc_host_is_checked_for_sense_before_anything_is_sent()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        int requestsBefore = world.Simulator.Server.Requests.Count;
        var check = new ServerConnectionCheck(world.Context);
        var credential = new WhmCredential(simulator.User, simulator.Token);

        var port = await Assert.ThrowsAsync<OperationArgumentException>(() => check.CheckHostAsync("127.0.0.1", 2086, credential));
        var pin = await Assert.ThrowsAsync<OperationArgumentException>(() => check.CheckHostAsync("127.0.0.1", 2087, credential, "12:34"));
        var host = await Assert.ThrowsAsync<OperationArgumentException>(() => check.CheckHostAsync("https://127.0.0.1/", 2087, credential));

        Assert.Equal(new[] { "Port", "CertificateThumbprint", "HostName" }, new[] { port.ParameterName, pin.ParameterName, host.ParameterName });
        Assert.Equal(requestsBefore, world.Simulator.Server.Requests.Count);
    }

    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Whm.Tests.Simulator;

/// <summary>Starting servers with other options than the shared fixture's.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task Plain_http_has_no_certificate_and_serves_the_api()
    {
        var options = new SimulatorOptions { Token = "PLAIN" };
        options.Urls.Add("http://127.0.0.1:0");
        await using var server = await WhmSimulatorServer.StartAsync(options);
        using var client = new HttpClient { BaseAddress = server.BaseUri };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("WHM", "root:PLAIN");

        var reply = await WhmHttp.Api1Async(client, "applist");

        Assert.Null(server.CertificateSha256);
        Assert.Equal("http", server.BaseUri.Scheme);
        var apps = WhmHttp.Data(reply)["app"]!.AsArray().Select(a => (string)a!).ToArray();
        Assert.Equal(apps.Order(StringComparer.Ordinal), apps);
        Assert.Contains("createacct", apps);
        Assert.Contains("batch", apps);
    }

    [Fact]
    public async Task Several_urls_bind_with_their_real_ports()
    {
        var options = new SimulatorOptions();
        options.Urls.Add("https://127.0.0.1:0");
        options.Urls.Add("http://127.0.0.1:0");
        await using var server = await WhmSimulatorServer.StartAsync(options);

        Assert.Equal(2, server.Urls.Count);
        Assert.All(server.Urls, u => Assert.NotEqual(0, u.Port));
        Assert.Matches("^[0-9A-F]{64}$", server.CertificateSha256);
        Assert.Equal(32, server.Token.Length);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:0")]
    [InlineData("https://example.com:0")]
    [InlineData("https://127.0.0.1:0/path")]
    public async Task Malformed_listen_urls_are_refused(string url)
    {
        var options = new SimulatorOptions();
        options.Urls.Add(url);

        await Assert.ThrowsAsync<FormatException>(() => WhmSimulatorServer.StartAsync(options));
    }

    [Theory]
    [InlineData("https://0.0.0.0:0")]
    [InlineData("http://[::]:0")]
    [InlineData("https://192.0.2.10:0")]
    public async Task Listening_beyond_loopback_is_refused_because_the_token_is_no_secret(string url)
    {
        var options = new SimulatorOptions();
        options.Urls.Add(url);

        var refusal = await Assert.ThrowsAsync<FormatException>(() => WhmSimulatorServer.StartAsync(options));
        Assert.Contains("only on loopback", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Localhost_is_accepted_and_bound_to_ipv4_loopback()
    {
        var options = new SimulatorOptions();
        options.Urls.Add("https://localhost:0");

        await using var server = await WhmSimulatorServer.StartAsync(options);

        Assert.Equal("127.0.0.1", server.BaseUri.Host);
    }

    [Fact]
    public async Task The_usage_knob_gives_each_new_account_usage_in_its_first_month_and_can_be_turned_off()
    {
        var options = new SimulatorOptions { Token = "USAGE", NewAccountUsageMb = 3, Clock = new ManualClock(new DateTimeOffset(2024, 5, 31, 23, 0, 0, TimeSpan.Zero)) };
        options.Urls.Add("http://127.0.0.1:0");
        await using var server = await WhmSimulatorServer.StartAsync(options);
        using var client = new HttpClient { BaseAddress = server.BaseUri };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("whm", "root:USAGE");

        await WhmHttp.Api1Async(client, "createacct", ("username", "busy"), ("domain", "busy.example.com"));
        server.NewAccountUsageMb = 0;
        await WhmHttp.Api1Async(client, "createacct", ("username", "quiet"), ("domain", "quiet.example.com"));

        var may = WhmHttp.Data(await WhmHttp.Api1Async(client, "showbw", ("month", "5"), ("year", "2024")))["acct"]!.AsArray();
        Assert.Equal(3 * 1024 * 1024, (long)may.Single(a => (string)a!["user"]! == "busy")!["totalbytes"]!);
        Assert.Equal(0, (long)may.Single(a => (string)a!["user"]! == "quiet")!["totalbytes"]!);
        Assert.Equal(0, server.State.GetBandwidth("busy", 2024, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => server.NewAccountUsageMb = -1);
    }

    [Fact]
    public async Task Faults_and_hostname_from_options_are_armed_at_start()
    {
        var options = new SimulatorOptions { Hostname = "opts.example.com" };
        options.Faults.Add("createacct*3=reset");
        await using var server = await WhmSimulatorServer.StartAsync(options);

        Assert.Equal("opts.example.com", server.State.Hostname);
        Assert.Equal("createacct*3=reset", server.Faults.Rules.Single().ToString());
    }
}

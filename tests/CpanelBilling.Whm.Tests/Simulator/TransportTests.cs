using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CpanelBilling.Testing.Simulator;
using Xunit;

namespace CpanelBilling.Whm.Tests.Simulator;

/// <summary>The HTTP side of the simulator: TLS pinning, authentication, envelope, API version selection.</summary>
public sealed class TransportTests : IClassFixture<SimulatorFixture>
{
    private readonly SimulatorFixture _fixture;

    public TransportTests(SimulatorFixture fixture)
    {
        _fixture = fixture;
        fixture.Reset();
    }

    [Fact]
    public void Certificate_thumbprint_is_uppercase_hex_sha256_of_the_der()
    {
        Assert.Matches("^[0-9A-F]{64}$", _fixture.CertificateSha256);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(_fixture.Server.Certificate!.RawData)),
            _fixture.CertificateSha256);
        Assert.Equal("https", _fixture.BaseUri.Scheme);
        Assert.Equal("127.0.0.1", _fixture.BaseUri.Host);
        Assert.NotEqual(0, _fixture.BaseUri.Port);
    }

    [Fact]
    public async Task Version_over_pinned_https_has_the_api1_envelope()
    {
        using var client = _fixture.CreateHttpClient();
        var reply = await WhmHttp.Api1Async(client, "version");

        Assert.Equal(
            """{"metadata":{"command":"version","version":1,"result":1,"reason":"OK"},"data":{"version":"11.120.0.16"}}""",
            reply.ToJsonString());
    }

    [Fact]
    public async Task Api_version_in_the_query_string_selects_api1_for_a_get()
    {
        using var client = _fixture.CreateHttpClient();
        var reply = JsonNode.Parse(await client.GetStringAsync("json-api/gethostname?api.version=1"))!;

        Assert.Equal("server.example.com", reply["data"]!["hostname"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_server_with_another_certificate_is_refused_by_the_pin()
    {
        using var client = new HttpClient(PinnedHttpHandler.Create(new string('A', 64))) { BaseAddress = _fixture.BaseUri };

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("json-api/version?api.version=1"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("whm root:WRONGTOKEN")]
    [InlineData("whm nobody:TOKEN")]
    [InlineData("Basic cm9vdDpwYXNz")]
    [InlineData("whm root:")]
    public async Task Missing_or_wrong_credentials_get_cpsrvd_403_access_denied(string? authorization)
    {
        using var client = _fixture.CreateHttpClient(authenticated: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, "json-api/version?api.version=1");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization.Replace("TOKEN", _fixture.Token));
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Forbidden Access denied", response.ReasonPhrase);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            """{"cpanelresult":{"apiversion":"2","error":"Access denied","data":{"reason":"Access denied","result":"0"},"type":"text"}}""",
            await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("whm")]
    [InlineData("WHM")]
    [InlineData("Whm")]
    public async Task The_authorization_scheme_is_case_insensitive(string scheme)
    {
        using var client = _fixture.CreateHttpClient(authenticated: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, $"{_fixture.User}:{_fixture.Token}");

        var reply = await WhmHttp.Api1Async(client, "version");

        Assert.Equal(1, WhmHttp.Result(reply));
    }

    [Fact]
    public async Task Unknown_function_on_api1_names_the_app_in_quotes()
    {
        using var client = _fixture.CreateHttpClient();
        var reply = await WhmHttp.Api1Async(client, "csf_allow");

        Assert.Equal("csf_allow", reply["metadata"]!["command"]!.GetValue<string>());
        Assert.Equal(0, WhmHttp.Result(reply));
        Assert.Equal("Unknown app (\"csf_allow\") requested for this version (1) of the API.", WhmHttp.Reason(reply));
        Assert.Null(reply["data"]);
    }

    [Fact]
    public async Task Without_api_version_the_call_is_answered_by_api0()
    {
        using var client = _fixture.CreateHttpClient();
        var reply = await WhmHttp.Api0Async(client, "version");

        Assert.Equal("""{"version":"11.120.0.16"}""", reply.ToJsonString());
    }

    [Fact]
    public async Task Server_header_is_cpsrvd()
    {
        using var client = _fixture.CreateHttpClient();
        using var response = await client.GetAsync("json-api/version?api.version=1");

        Assert.Equal("cpsrvd/11.120.0.16", response.Headers.Server.ToString());
    }

    [Fact]
    public async Task Paths_outside_json_api_are_not_found()
    {
        using var client = _fixture.CreateHttpClient();
        using var response = await client.GetAsync("scripts/command");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

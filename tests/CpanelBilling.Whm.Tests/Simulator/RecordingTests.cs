using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using CpanelBilling.Testing.Simulator;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Whm.Tests.Simulator;

/// <summary>Every request is recorded as received, so tests can assert what went over the wire.</summary>
public sealed class RecordingTests : SimulatorTestBase
{
    public RecordingTests(SimulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task A_form_post_is_recorded_with_headers_raw_body_and_parsed_form()
    {
        await Api1("passwd", ("user", "bob"), ("password", "p@ss word&x"));

        var recorded = Fixture.Server.Requests.Single();
        Assert.Equal("POST", recorded.Method);
        Assert.Equal("/json-api/passwd", recorded.Path);
        Assert.Equal("passwd", recorded.Function);
        Assert.Equal("", recorded.QueryString);
        Assert.Equal("127.0.0.1", recorded.RemoteAddress);
        Assert.Equal($"whm {Fixture.User}:{Fixture.Token}", recorded.Header("authorization"));
        Assert.StartsWith("application/x-www-form-urlencoded", recorded.Header("Content-Type"));
        Assert.Equal("api.version=1&user=bob&password=p%40ss+word%26x", recorded.Body);
        Assert.Equal("p@ss word&x", recorded.FormValue("password"));
        Assert.Empty(recorded.Query);
        Assert.DoesNotContain("p%40ss", recorded.Path + recorded.QueryString);
    }

    [Fact]
    public async Task A_get_is_recorded_with_its_raw_query_string()
    {
        await Client.GetStringAsync("json-api/listaccts?api.version=1&search=a%2Bb&searchtype=user");

        var recorded = Fixture.Server.Requests.Single();
        Assert.Equal("GET", recorded.Method);
        Assert.Equal("api.version=1&search=a%2Bb&searchtype=user", recorded.QueryString);
        Assert.Equal("a+b", recorded.QueryValue("search"));
        Assert.Equal("", recorded.Body);
    }

    [Fact]
    public async Task Rejected_requests_are_recorded_too()
    {
        using var anonymous = Fixture.CreateHttpClient(authenticated: false);
        using var response = await anonymous.PostAsync("json-api/createacct",
            new StringContent("{\"username\":\"x\"}", Encoding.UTF8, "application/json"));

        var recorded = Fixture.Server.Requests.Single();
        Assert.Null(recorded.Header("Authorization"));
        Assert.Equal("{\"username\":\"x\"}", recorded.Body);
        Assert.Empty(recorded.Form);
    }

    [Fact]
    public async Task ClearRequests_forgets_earlier_requests()
    {
        await Api1("version");
        Fixture.Server.ClearRequests();
        await Api1("gethostname");

        Assert.Equal("gethostname", Fixture.Server.Requests.Single().Function);
    }

    [Fact]
    public async Task Only_the_newest_requests_are_kept_and_the_oldest_are_dropped_first()
    {
        var options = new SimulatorOptions { Token = "KEEP", RequestJournalCapacity = 3 };
        options.Urls.Add("http://127.0.0.1:0");
        await using var server = await WhmSimulatorServer.StartAsync(options);
        using var client = new HttpClient { BaseAddress = server.BaseUri };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("whm", "root:KEEP");

        foreach (var function in new[] { "version", "gethostname", "applist", "listips", "listpkgs" })
        {
            await WhmHttp.Api1Async(client, function);
        }

        Assert.Equal(new[] { "applist", "listips", "listpkgs" }, server.Requests.Select(r => r.Function));
    }

    [Fact]
    public async Task The_journal_keeps_ten_thousand_by_default_and_refuses_to_keep_none()
    {
        Assert.Equal(10_000, new SimulatorOptions().RequestJournalCapacity);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => WhmSimulatorServer.StartAsync(new SimulatorOptions { RequestJournalCapacity = 0 }));
    }
}

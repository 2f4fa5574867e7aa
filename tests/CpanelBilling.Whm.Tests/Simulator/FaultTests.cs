using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Testing.Simulator;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Whm.Tests.Simulator;

/// <summary>Every fault knob, observed from a raw HTTP client.</summary>
public sealed class FaultTests : SimulatorTestBase
{
    private static readonly (string, string)[] NewAccount = { ("username", "faulty"), ("domain", "faulty.example.com"), ("password", StrongPassword) };

    public FaultTests(SimulatorFixture fixture)
        : base(fixture)
    {
    }

    [Theory]
    [InlineData(500, "Internal Server Error")]
    [InlineData(502, "502 Bad Gateway")]
    [InlineData(503, "503 Service Temporarily Unavailable")]
    [InlineData(524, "Error code 524")]
    public async Task Http_status_faults_answer_a_realistic_error_page_without_doing_the_work(int status, string pageText)
    {
        Fixture.Faults.Set("createacct", Fault.HttpStatus(status));

        using var response = await WhmHttp.PostAsync(Client, "createacct", NewAccount);

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(pageText, await response.Content.ReadAsStringAsync());
        Assert.Empty(State.Accounts);
    }

    [Fact]
    public async Task An_http_status_after_work_changes_state_although_the_client_sees_the_error()
    {
        Fixture.Faults.Set("createacct", Fault.HttpStatus(524, afterWork: true));

        using var response = await WhmHttp.PostAsync(Client, "createacct", NewAccount);

        Assert.Equal((HttpStatusCode)524, response.StatusCode);
        Assert.NotNull(State.FindAccount("faulty"));
    }

    [Fact]
    public async Task A_counted_fault_hits_only_the_next_calls()
    {
        Fixture.Faults.Add("version*2=http500");

        using (var first = await WhmHttp.PostAsync(Client, "version", new[] { ("api.version", "1") }))
        using (var second = await WhmHttp.PostAsync(Client, "version", new[] { ("api.version", "1") }))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
            Assert.Equal(HttpStatusCode.InternalServerError, second.StatusCode);
        }

        Assert.Equal(1, WhmHttp.Result(await Api1("version")));
        Assert.Empty(Fixture.Faults.Rules);
    }

    [Fact]
    public async Task The_any_function_rule_applies_unless_a_named_rule_exists()
    {
        Fixture.Faults.Set(FaultPlan.AnyFunction, Fault.HttpStatus(502));
        Fixture.Faults.Set("version", Fault.StringResult());

        using var other = await WhmHttp.PostAsync(Client, "gethostname", new[] { ("api.version", "1") });
        Assert.Equal(HttpStatusCode.BadGateway, other.StatusCode);
        Assert.Equal("1", (string)(await Api1("version"))["metadata"]!["result"]!);
    }

    [Fact]
    public async Task Connection_reset_surfaces_as_an_http_request_exception_and_does_nothing()
    {
        Fixture.Faults.Set("createacct", Fault.ConnectionReset());

        await Assert.ThrowsAsync<HttpRequestException>(() => WhmHttp.PostAsync(Client, "createacct", NewAccount));
        Assert.Empty(State.Accounts);
    }

    [Fact]
    public async Task Hang_waits_then_drops_the_connection_without_doing_the_work()
    {
        Fixture.Faults.Set("createacct", Fault.Hang(TimeSpan.FromMilliseconds(100)));

        await Assert.ThrowsAsync<HttpRequestException>(() => WhmHttp.PostAsync(Client, "createacct", NewAccount));
        Assert.Empty(State.Accounts);
    }

    [Fact]
    public async Task Late_reply_does_the_work_although_the_client_times_out()
    {
        Fixture.Faults.Set("createacct", Fault.LateReply(TimeSpan.FromSeconds(30)));
        await GiveUpOnceTheRequestArrivedAsync("createacct", NewAccount);

        await Eventually.TrueAsync(() => State.FindAccount("faulty") is not null, "the late createacct to finish its work");
        await Fixture.Server.WaitUntilIdleAsync();
    }

    [Fact]
    public async Task A_late_reply_until_the_client_gives_up_has_done_the_work_when_the_request_arrived_and_ends_with_the_client()
    {
        Fixture.Faults.Set("createacct", Fault.LateReply(), calls: 1);
        using var client = Fixture.CreateHttpClient();
        using var giveUp = new CancellationTokenSource();
        Task<HttpResponseMessage> call = client.PostAsync("json-api/createacct", Form(NewAccount), giveUp.Token);

        // The work is done while the client still waits: no clock decides it, only the request's arrival.
        await Eventually.TrueAsync(() => State.FindAccount("faulty") is not null, "the late createacct to do its work");
        Assert.False(call.IsCompleted);

        giveUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await Fixture.Server.WaitUntilIdleAsync();
    }

    [Fact]
    public async Task A_hang_until_the_client_gives_up_holds_the_request_without_doing_the_work_and_ends_with_the_client()
    {
        Fixture.Faults.Set("createacct", Fault.Hang(), calls: 1);

        await GiveUpOnceTheRequestArrivedAsync("createacct", NewAccount);
        await Fixture.Server.WaitUntilIdleAsync();

        Assert.Empty(State.Accounts);
    }

    [Fact]
    public async Task Latency_delays_the_call_and_a_client_that_gives_up_leaves_the_work_undone()
    {
        Fixture.Faults.Set("createacct", Fault.Latency(TimeSpan.FromSeconds(30)));
        await GiveUpOnceTheRequestArrivedAsync("createacct", NewAccount);

        await Fixture.Server.WaitUntilIdleAsync();
        Assert.Empty(State.Accounts);
    }

    [Fact]
    public async Task Server_wide_latency_behaves_like_the_latency_fault()
    {
        Fixture.Server.Latency = TimeSpan.FromSeconds(30);
        try
        {
            await GiveUpOnceTheRequestArrivedAsync("createacct", NewAccount);

                await Fixture.Server.WaitUntilIdleAsync();
            Assert.Empty(State.Accounts);
        }
        finally
        {
            Fixture.Server.Latency = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_short_latency_still_answers_normally()
    {
        Fixture.Faults.Set("version", Fault.Latency(TimeSpan.FromMilliseconds(50)));

        Assert.Equal(1, WhmHttp.Result(await Api1("version")));
    }

    [Fact]
    public async Task Malformed_json_truncates_the_reply_after_doing_the_work()
    {
        Fixture.Faults.Set("createacct", Fault.MalformedJson());

        using var response = await WhmHttp.PostAsync(Client, "createacct", NewAccount.Prepend(("api.version", "1")));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("{\"metadata\":", body);
        Assert.ThrowsAny<JsonException>(() => { JsonNode.Parse(body); });
        Assert.NotNull(State.FindAccount("faulty"));
    }

    [Fact]
    public async Task Failure_answers_result_zero_with_the_reason_and_does_not_do_the_work()
    {
        Fixture.Faults.Set("createacct", Fault.Failure("(XID abc123) Something broke."));

        var reply = await Api1("createacct", NewAccount);

        Assert.Equal(0, WhmHttp.Result(reply));
        Assert.Equal("(XID abc123) Something broke.", WhmHttp.Reason(reply));
        Assert.Equal("createacct", (string)reply["metadata"]!["command"]!);
        Assert.Empty(State.Accounts);
    }

    [Fact]
    public async Task String_result_sends_metadata_result_as_a_string_and_does_the_work()
    {
        Fixture.Faults.Set("createacct", Fault.StringResult());

        var reply = await Api1("createacct", NewAccount);

        Assert.Equal(JsonValueKind.String, reply["metadata"]!["result"]!.GetValueKind());
        Assert.Equal("1", (string)reply["metadata"]!["result"]!);
        Assert.NotNull(State.FindAccount("faulty"));
    }

    [Fact]
    public async Task The_server_wide_string_result_knob_covers_failures_too()
    {
        Fixture.Server.ResultAsString = true;
        try
        {
            var reply = await Api1("accountsummary", ("user", "ghost"));

            Assert.Equal("0", (string)reply["metadata"]!["result"]!);
        }
        finally
        {
            Fixture.Server.ResultAsString = false;
        }
    }

    [Theory]
    [InlineData("createacct=late:5000", "createacct", FaultKind.LateReply, null)]
    [InlineData("listaccts*2=http524", "listaccts", FaultKind.HttpStatus, 2)]
    [InlineData("createacct*1=http524+work", "createacct", FaultKind.HttpStatus, 1)]
    [InlineData("*=latency:100", "*", FaultKind.Latency, null)]
    [InlineData("suspendacct*1=fail:Failed to suspend account.", "suspendacct", FaultKind.Failure, 1)]
    [InlineData("passwd=reset", "passwd", FaultKind.ConnectionReset, null)]
    [InlineData("removeacct=hang:2000", "removeacct", FaultKind.Hang, null)]
    [InlineData("createacct*1=late", "createacct", FaultKind.LateReply, 1)]
    [InlineData("removeacct=hang", "removeacct", FaultKind.Hang, null)]
    [InlineData("version=malformed", "version", FaultKind.MalformedJson, null)]
    [InlineData("version=stringresult", "version", FaultKind.StringResult, null)]
    public void Rules_parse_from_the_command_line_form_and_print_back(string text, string function, FaultKind kind, int? calls)
    {
        var rule = FaultPlan.ParseRule(text);

        Assert.Equal(function, rule.Function);
        Assert.Equal(kind, rule.Fault.Kind);
        Assert.Equal(calls, rule.RemainingCalls);
        Assert.Equal(text, rule.ToString());
    }

    [Theory]
    [InlineData("createacct")]
    [InlineData("createacct=http200")]
    [InlineData("createacct=late:")]
    [InlineData("createacct=hang:soon")]
    [InlineData("createacct*0=reset")]
    [InlineData("create acct=reset")]
    [InlineData("createacct=fail:")]
    [InlineData("createacct=explode")]
    [InlineData("createacct=http600")]
    [InlineData("createacct=reset+work")]
    public void Malformed_rules_are_rejected(string text)
    {
        Assert.Throws<FormatException>(() => FaultPlan.ParseRule(text));
    }

    /// <summary>
    /// A client that gives up while the server holds its request. It gives up only once the server has recorded the
    /// request: a fixed short client timeout could fire before a busy machine even delivered it.
    /// </summary>
    private async Task GiveUpOnceTheRequestArrivedAsync(string function, IEnumerable<(string Name, string Value)> arguments)
    {
        using var client = Fixture.CreateHttpClient();
        using var giveUp = new CancellationTokenSource();
        int before = Fixture.Server.Requests.Count;
        Task<HttpResponseMessage> call = client.PostAsync("json-api/" + function, Form(arguments), giveUp.Token);

        await Eventually.TrueAsync(() => Fixture.Server.Requests.Count > before, "the request to arrive");
        giveUp.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    private static FormUrlEncodedContent Form(IEnumerable<(string Name, string Value)> arguments) =>
        new(arguments.Select(a => new KeyValuePair<string, string>(a.Name, a.Value)));
}

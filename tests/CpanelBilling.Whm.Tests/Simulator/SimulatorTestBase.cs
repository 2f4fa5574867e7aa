using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CpanelBilling.Testing.Simulator;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Whm.Tests.Simulator;

/// <summary>A test class on one shared simulator, reset before each test, with a pinned authenticated client.</summary>
public abstract class SimulatorTestBase : IClassFixture<SimulatorFixture>, IDisposable
{
    protected const string StrongPassword = "Tr0ub4dor&3-Horse";

    protected SimulatorTestBase(SimulatorFixture fixture)
    {
        Fixture = fixture;
        fixture.Reset();
        Client = fixture.CreateHttpClient();
    }

    protected SimulatorFixture Fixture { get; }

    protected HttpClient Client { get; }

    protected SimulatorState State => Fixture.State;

    protected Task<JsonObject> Api1(string function, params (string Name, string Value)[] arguments) =>
        WhmHttp.Api1Async(Client, function, arguments);

    protected Task<JsonObject> Api0(string function, params (string Name, string Value)[] arguments) =>
        WhmHttp.Api0Async(Client, function, arguments);

    /// <summary>Creates an account over the API and asserts it worked.</summary>
    protected async Task<JsonObject> CreateAccountAsync(string user, string domain, params (string Name, string Value)[] extra)
    {
        var reply = await Api1("createacct", new[] { ("username", user), ("domain", domain), ("password", StrongPassword) }.Concat(extra).ToArray());
        Assert.True(WhmHttp.Result(reply) == 1, WhmHttp.Reason(reply));
        return reply;
    }

    /// <summary>The account as listaccts shows it (an exact user search), where the limits are the cpuser strings.</summary>
    protected async Task<JsonObject> ListedAccountAsync(string user)
    {
        var reply = await Api1("listaccts", ("search", user), ("searchtype", "user"), ("searchmethod", "exact"));
        Assert.True(WhmHttp.Result(reply) == 1, WhmHttp.Reason(reply));
        return WhmHttp.Data(reply)["acct"]!.AsArray().Single()!.AsObject();
    }

    public void Dispose()
    {
        Client.Dispose();
        GC.SuppressFinalize(this);
    }
}

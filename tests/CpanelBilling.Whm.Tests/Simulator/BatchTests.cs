using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Testing.Simulator;
using Xunit;

namespace CpanelBilling.Whm.Tests.Simulator;

public sealed class BatchTests : SimulatorTestBase
{
    public BatchTests(SimulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task Batch_runs_commands_in_order_and_returns_each_full_reply()
    {
        var reply = await Api1("batch", ("command", "gethostname"), ("command", "version?api.version%3D1"));

        Assert.Equal(1, WhmHttp.Result(reply));
        var results = WhmHttp.Data(reply)["result"]!.AsArray();
        Assert.Equal(new[] { "gethostname", "version" }, results.Select(r => (string)r!["metadata"]!["command"]!));
        Assert.Equal("server.example.com", (string)results[0]!["data"]!["hostname"]!);
    }

    [Fact]
    public async Task Numbered_commands_are_ordered_by_index()
    {
        var reply = await Api1("batch", ("command-1", "version"), ("command-0", "gethostname"));

        Assert.Equal(new[] { "gethostname", "version" },
            WhmHttp.Data(reply)["result"]!.AsArray().Select(r => (string)r!["metadata"]!["command"]!));
    }

    [Fact]
    public async Task A_failed_inner_command_fails_the_batch_but_keeps_all_results()
    {
        var reply = await Api1("batch", ("command", "suspendacct?user=ghost"), ("command", "version"));

        Assert.Equal(0, WhmHttp.Result(reply));
        var results = WhmHttp.Data(reply)["result"]!.AsArray();
        Assert.Equal(2, results.Count);
        Assert.Equal(0, (int)results[0]!["metadata"]!["result"]!);
        Assert.Equal(1, (int)results[1]!["metadata"]!["result"]!);
    }

    [Fact]
    public async Task Abort_on_error_stops_at_the_first_failure()
    {
        var reply = await Api1("batch", ("abort_on_error", "1"),
            ("command", "suspendacct?user=ghost"), ("command", "createacct?username=late&domain=late.example.com"));

        Assert.Single(WhmHttp.Data(reply)["result"]!.AsArray());
        Assert.Empty(State.Accounts);
    }

    [Fact]
    public async Task Inner_commands_change_state()
    {
        var reply = await Api1("batch",
            ("command", "createacct?username=inner&domain=inner.example.com&password=" + System.Uri.EscapeDataString(StrongPassword)),
            ("command", "suspendacct?user=inner&reason=batch"));

        Assert.Equal(1, WhmHttp.Result(reply));
        Assert.Equal("batch", State.GetAccount("inner").SuspendReason);
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Fanout;
using CpanelBilling.Testing.Operations;
using Xunit;

namespace CpanelBilling.Operations.Tests.Fanout;

/// <summary>
/// The one per-server fan-out behind bandwidth, compare and repair: which servers, how many at once, a server's
/// failure its own, progress per server.
/// </summary>
public sealed class ServerFanOutTests : IClassFixture<OperationsWorldFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly OperationsWorldFixture simulator;

    public ServerFanOutTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task No_names_means_every_enabled_server_and_each_named_server_is_worked_on_once_however_spelled()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await AddServersAsync(world, "web02", "web03");
        await world.Billing.AddServerAsync("old01", new ServerSettings { HostName = "127.0.0.1", TokenSecretName = "t", Enabled = false });
        var seen = new ConcurrentBag<string>();

        var all = await ServerFanOut.RunAsync(world.Billing, null, 4, Record(seen), null, CancellationToken.None);
        var named = await ServerFanOut.RunAsync(world.Billing, new[] { "web02", "WEB02", " web02 ", "old01" }, 4, Record(new ConcurrentBag<string>()), null, CancellationToken.None);

        Assert.Equal(new[] { "web01", "web02", "web03" }, all.Results);
        Assert.Empty(all.Failures);
        Assert.Equal(new[] { "old01", "web02" }, named.Results); // named, a disabled server is the work's to refuse
        Assert.Equal(3, seen.Count);
    }

    [Fact]
    public async Task A_name_billing_does_not_know_and_a_server_whose_work_fails_are_failures_of_their_own_and_the_others_go_on()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await AddServersAsync(world, "web02", "web03");
        var refusal = new Core.Operations.Servers.ServerDisabledException("web02");

        var result = await ServerFanOut.RunAsync(
            world.Billing,
            new[] { "web03", "nosuch", "web02", " ", "web01" },
            2,
            (server, _) => server.Name == "web02" ? Task.FromException<string>(refusal) : Task.FromResult(server.Name),
            null,
            CancellationToken.None);

        Assert.Equal(new[] { "web01", "web03" }, result.Results);
        Assert.Equal(new[] { " ", "nosuch", "web02" }, result.Failures.Select(f => f.ServerName));
        Assert.Equal(FailureKind.InvalidArgument, result.Failures[0].Error.Kind);
        Assert.Equal(FailureKind.NotFound, result.Failures[1].Error.Kind);
        Assert.Same(refusal, result.Failures[2].Error);
    }

    [Fact]
    public async Task At_most_the_limit_of_servers_is_worked_on_at_once_and_each_end_is_reported_once()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await AddServersAsync(world, "web02", "web03");
        var bothStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new Reports();
        int started = 0;

        Task<(IReadOnlyList<string> Results, IReadOnlyList<ServerFailure> Failures)> running = ServerFanOut.RunAsync(
            world.Billing,
            null,
            2,
            async (server, _) =>
            {
                if (Interlocked.Increment(ref started) == 2)
                {
                    bothStarted.SetResult();
                }

                await release.Task;
                return server.Name;
            },
            progress,
            CancellationToken.None);
        await bothStarted.Task.WaitAsync(Patience);
        int startedWhileTwoHeld = Volatile.Read(ref started);
        release.SetResult();
        var result = await running.WaitAsync(Patience);

        Assert.Equal(2, startedWhileTwoHeld); // the third server waited for a slot
        Assert.Equal(3, result.Results.Count);
        Assert.Equal(new[] { 1, 2, 3 }, progress.All.Select(p => p.ServersDone).OrderBy(n => n));
        Assert.All(progress.All, p => Assert.Equal(3, p.ServersTotal));
        Assert.Equal(new[] { "web01", "web02", "web03" }, progress.All.Select(p => p.ServerName).OrderBy(n => n));
    }

    private static Func<BillingServer, CancellationToken, Task<string>> Record(ConcurrentBag<string> seen) => (server, _) =>
    {
        seen.Add(server.Name);
        return Task.FromResult(server.Name);
    };

    private static async Task AddServersAsync(OperationsWorld world, params string[] names)
    {
        foreach (string name in names)
        {
            await world.Billing.AddServerAsync(name, new ServerSettings { HostName = "127.0.0.1", TokenSecretName = "t" });
        }
    }

    // Synchronous, unlike System.Progress<T>, which posts to the thread pool and could report after the call ends.
    private sealed class Reports : IProgress<ServerProgress>
    {
        private readonly ConcurrentQueue<ServerProgress> reports = new();

        public IReadOnlyList<ServerProgress> All => reports.ToList();

        public void Report(ServerProgress value) => reports.Enqueue(value);
    }
}

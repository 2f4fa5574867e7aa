using System;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Operations.Throttling;
using CpanelBilling.Testing.Operations;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Operations.Tests.Accounts;

/// <summary>
/// createacct and removeacct are the heavy calls on a WHM server: they go through the server's account-lifecycle
/// lane (one at a time by default), whatever the caller's -ThrottleLimit. The first call is held up on the server;
/// the others must be seen waiting for the lane, with only one call sent.
/// </summary>
public sealed class LifecycleLaneTests : IClassFixture<OperationsWorldFixture>
{
    private static readonly TimeSpan HeldUp = TimeSpan.FromSeconds(3);
    private readonly OperationsWorldFixture simulator;

    public LifecycleLaneTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task Concurrent_openings_send_createacct_one_at_a_time()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        world.Faults.Set("createacct", Fault.Latency(HeldUp), 1);

        Task<AccountChangeResult>[] openings = new[] { "lane1", "lane2", "lane3" }
            .Select(user => Task.Run(() => world.OpenAsync(user + ".example.com", user)))
            .ToArray();

        await AssertOneSentAndTheOthersWaitingAsync(world, "createacct", openings);
        Assert.All(await Task.WhenAll(openings), r => Assert.Equal(AccountStatus.Active, r.Account.Status));
        Assert.Equal(3, world.Sent("createacct"));
    }

    [Fact]
    public async Task Concurrent_removals_send_removeacct_one_at_a_time()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        string[] users = { "gone1", "gone2", "gone3" };
        foreach (string user in users)
        {
            await world.AddActiveAccountAsync(user, user + ".example.com");
        }

        world.Faults.Set("removeacct", Fault.Latency(HeldUp), 1);

        Task<AccountChangeResult>[] removals = users
            .Select(user => Task.Run(() => world.Accounts().DeleteAsync(world.Ref(user))))
            .ToArray();

        await AssertOneSentAndTheOthersWaitingAsync(world, "removeacct", removals);
        Assert.All(await Task.WhenAll(removals), r => Assert.Equal(AccountStatus.Deleted, r.Account.Status));
        Assert.Equal(3, world.Sent("removeacct"));
    }

    private static async Task AssertOneSentAndTheOthersWaitingAsync(OperationsWorld world, string function, Task[] work)
    {
        DateTime giveUp = DateTime.UtcNow.AddSeconds(30);
        while (world.Context.Throttle.Waiting(world.Server.Id, ThrottleLane.AccountLifecycle) < work.Length - 1)
        {
            Assert.True(
                DateTime.UtcNow < giveUp && !work.Any(w => w.IsCompleted),
                $"The other {function} calls were never seen waiting for the server's account-lifecycle lane.");
            await Task.Delay(10);
        }

        // Both others wait for the lane's one slot, so exactly one call can have been sent.
        Assert.Equal(1, world.Sent(function));
        Assert.Equal((1, 1), world.Context.Throttle.State(world.Server.Id, ThrottleLane.AccountLifecycle));
    }
}

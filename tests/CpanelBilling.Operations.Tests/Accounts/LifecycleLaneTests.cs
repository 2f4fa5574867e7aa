using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Operations.Throttling;
using CpanelBilling.Testing.Operations;
using Xunit;

namespace CpanelBilling.Operations.Tests.Accounts;

/// <summary>
/// createacct and removeacct are the heavy calls on a WHM server: they go through the server's account-lifecycle
/// lane (one at a time by default; the gate itself is tested in ServerThrottleTests), whatever the caller's
/// -ThrottleLimit. The test holds the lane's only slot itself: every call must then be seen waiting for it, none
/// sent, and all go through once the slot is free. No timing is involved.
/// </summary>
public sealed class LifecycleLaneTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;

    public LifecycleLaneTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task Concurrent_openings_send_createacct_one_at_a_time()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        IDisposable slot = await world.Context.Throttle.EnterAsync(world.Server, ThrottleLane.AccountLifecycle, CancellationToken.None);

        Task<AccountChangeResult>[] openings = new[] { "lane1", "lane2", "lane3" }
            .Select(user => Task.Run(() => world.OpenAsync(user + ".example.com", user)))
            .ToArray();

        await AssertAllWaitingAndNoneSentAsync(world, "createacct", openings);
        slot.Dispose();
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

        IDisposable slot = await world.Context.Throttle.EnterAsync(world.Server, ThrottleLane.AccountLifecycle, CancellationToken.None);

        Task<AccountChangeResult>[] removals = users
            .Select(user => Task.Run(() => world.Accounts().DeleteAsync(world.Ref(user))))
            .ToArray();

        await AssertAllWaitingAndNoneSentAsync(world, "removeacct", removals);
        slot.Dispose();
        Assert.All(await Task.WhenAll(removals), r => Assert.Equal(AccountStatus.Deleted, r.Account.Status));
        Assert.Equal(3, world.Sent("removeacct"));
    }

    private static async Task AssertAllWaitingAndNoneSentAsync(OperationsWorld world, string function, Task[] work)
    {
        DateTime giveUp = DateTime.UtcNow.AddSeconds(60);
        while (world.Context.Throttle.Waiting(world.Server.Id, ThrottleLane.AccountLifecycle) < work.Length)
        {
            // A call that does not use the lane is not held up by the slot: its work finishes (or fails) on its own.
            Assert.True(
                DateTime.UtcNow < giveUp && !work.Any(w => w.IsCompleted),
                $"The {function} calls were not all seen waiting for the server's account-lifecycle lane.");
            await Task.Delay(10);
        }

        Assert.Equal(0, world.Sent(function));
    }
}

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Throttling;
using Xunit;

namespace CpanelBilling.Operations.Tests.Foundation;

/// <summary>
/// The per-server throttle follows the server's settings as calls read them, so Set-CpServer takes effect without
/// reconnecting; slots in flight are never revoked. A slot is granted inside Enter/Release, so the held count shows
/// at once who got in (the caller's task completes a moment later, asynchronously).
/// </summary>
public sealed class ServerThrottleTests
{
    private static readonly DateTime Created = new(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_raised_limit_lets_waiting_calls_in_at_once()
    {
        var throttle = new ServerThrottle();
        IDisposable first = await throttle.EnterAsync(Server(requests: 1, version: 1), ThrottleLane.Requests, CancellationToken.None);
        Task<IDisposable> waiting = throttle.EnterAsync(Server(requests: 1, version: 1), ThrottleLane.Requests, CancellationToken.None);
        Assert.Equal((1, 1), throttle.State(1, ThrottleLane.Requests));

        Task<IDisposable> afterSetCpServer = throttle.EnterAsync(Server(requests: 3, version: 2), ThrottleLane.Requests, CancellationToken.None);

        Assert.Equal((3, 3), throttle.State(1, ThrottleLane.Requests));
        (await waiting.WaitAsync(Patience)).Dispose();
        (await afterSetCpServer.WaitAsync(Patience)).Dispose();
        first.Dispose();
        Assert.Equal((3, 0), throttle.State(1, ThrottleLane.Requests));
    }

    [Fact]
    public async Task A_lowered_limit_keeps_the_slots_in_flight_and_lets_nobody_in_until_enough_have_finished()
    {
        var throttle = new ServerThrottle();
        var inFlight = new List<IDisposable>();
        for (int i = 0; i < 3; i++)
        {
            inFlight.Add(await throttle.EnterAsync(Server(requests: 3, version: 1), ThrottleLane.Requests, CancellationToken.None));
        }

        Task<IDisposable> next = throttle.EnterAsync(Server(requests: 1, version: 2), ThrottleLane.Requests, CancellationToken.None);
        Assert.Equal((1, 3), throttle.State(1, ThrottleLane.Requests));

        inFlight[0].Dispose();
        Assert.Equal((1, 2), throttle.State(1, ThrottleLane.Requests));
        inFlight[1].Dispose();
        Assert.Equal((1, 1), throttle.State(1, ThrottleLane.Requests));
        Assert.False(next.IsCompleted);
        inFlight[2].Dispose();
        Assert.Equal((1, 1), throttle.State(1, ThrottleLane.Requests));
        (await next.WaitAsync(Patience)).Dispose();
        Assert.Equal((1, 0), throttle.State(1, ThrottleLane.Requests));
    }

    [Fact]
    public async Task A_copy_of_the_server_read_before_the_change_cannot_turn_the_limit_back()
    {
        var throttle = new ServerThrottle();
        (await throttle.EnterAsync(Server(requests: 4, version: 1), ThrottleLane.Requests, CancellationToken.None)).Dispose();
        (await throttle.EnterAsync(Server(requests: 2, version: 2), ThrottleLane.Requests, CancellationToken.None)).Dispose();

        (await throttle.EnterAsync(Server(requests: 4, version: 1), ThrottleLane.Requests, CancellationToken.None)).Dispose();

        Assert.Equal((2, 0), throttle.State(1, ThrottleLane.Requests));
    }

    [Fact]
    public async Task Newer_settings_with_the_same_limit_still_outrank_an_older_copy()
    {
        var throttle = new ServerThrottle();
        (await throttle.EnterAsync(Server(requests: 4, version: 1), ThrottleLane.Requests, CancellationToken.None)).Dispose();
        (await throttle.EnterAsync(Server(requests: 4, version: 3), ThrottleLane.Requests, CancellationToken.None)).Dispose();

        (await throttle.EnterAsync(Server(requests: 8, version: 2), ThrottleLane.Requests, CancellationToken.None)).Dispose();

        Assert.Equal((4, 0), throttle.State(1, ThrottleLane.Requests));
    }

    [Fact]
    public async Task Each_lane_follows_its_own_setting()
    {
        var throttle = new ServerThrottle();
        BillingServer server = Server(requests: 5, version: 1, lifecycle: 1);
        IDisposable creating = await throttle.EnterAsync(server, ThrottleLane.AccountLifecycle, CancellationToken.None);
        Task<IDisposable> secondCreate = throttle.EnterAsync(server, ThrottleLane.AccountLifecycle, CancellationToken.None);
        IDisposable read = await throttle.EnterAsync(server, ThrottleLane.Requests, CancellationToken.None);
        Assert.Equal((1, 1), throttle.State(1, ThrottleLane.AccountLifecycle));

        Task<IDisposable> raised = throttle.EnterAsync(Server(requests: 5, version: 2, lifecycle: 2), ThrottleLane.AccountLifecycle, CancellationToken.None);

        Assert.Equal((2, 2), throttle.State(1, ThrottleLane.AccountLifecycle));
        Assert.Equal((5, 1), throttle.State(1, ThrottleLane.Requests));
        (await secondCreate.WaitAsync(Patience)).Dispose();
        (await raised.WaitAsync(Patience)).Dispose();
        creating.Dispose();
        read.Dispose();
    }

    [Fact]
    public async Task A_cancelled_wait_takes_no_slot()
    {
        var throttle = new ServerThrottle();
        BillingServer server = Server(requests: 1, version: 1);
        IDisposable held = await throttle.EnterAsync(server, ThrottleLane.Requests, CancellationToken.None);
        using var cancellation = new CancellationTokenSource();
        Task<IDisposable> cancelled = throttle.EnterAsync(server, ThrottleLane.Requests, cancellation.Token);
        Task<IDisposable> after = throttle.EnterAsync(server, ThrottleLane.Requests, CancellationToken.None);

        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        held.Dispose();

        Assert.Equal((1, 1), throttle.State(1, ThrottleLane.Requests));
        (await after.WaitAsync(Patience)).Dispose();
        Assert.Equal((1, 0), throttle.State(1, ThrottleLane.Requests));
    }

    private static BillingServer Server(int requests, int version, int lifecycle = 1) => new(
        1,
        "web01",
        new ServerSettings { HostName = "web01.example.net", MaxConcurrentRequests = requests, MaxConcurrentAccountLifecycleCalls = lifecycle },
        Created,
        Created.AddMinutes(version));
}

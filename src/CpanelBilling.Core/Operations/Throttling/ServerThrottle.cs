using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Core.Operations.Throttling;

/// <summary>Which of a server's concurrency limits a call counts against.</summary>
public enum ThrottleLane
{
    /// <summary>Ordinary calls: reads, suspend, resume, limits, packages.</summary>
    Requests,

    /// <summary>createacct and removeacct: long scripts that cPanel runs one at a time anyway.</summary>
    AccountLifecycle,
}

/// <summary>
/// Caps the calls in flight per server across every worker of the process, whatever the overall -ThrottleLimit:
/// a bulk run over 500 accounts must not open 500 connections to one WHM host. The limits are the server's
/// settings in billing, read when the server is first used in the session.
/// </summary>
public sealed class ServerThrottle
{
    private readonly ConcurrentDictionary<(long ServerId, ThrottleLane Lane), SemaphoreSlim> gates = new();

    public async Task<IDisposable> EnterAsync(BillingServer server, ThrottleLane lane, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate = gates.GetOrAdd((server.Id, lane), key => new SemaphoreSlim(LimitOf(server, key.Lane)));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Slot(gate);
    }

    private static int LimitOf(BillingServer server, ThrottleLane lane) => Math.Max(1, lane == ThrottleLane.AccountLifecycle
        ? server.Settings.MaxConcurrentAccountLifecycleCalls
        : server.Settings.MaxConcurrentRequests);

    private sealed class Slot : IDisposable
    {
        private SemaphoreSlim? gate;

        public Slot(SemaphoreSlim gate) => this.gate = gate;

        public void Dispose() => Interlocked.Exchange(ref gate, null)?.Release();
    }
}

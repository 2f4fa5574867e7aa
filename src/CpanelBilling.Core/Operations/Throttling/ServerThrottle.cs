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
/// settings in billing, as each call reads them: after Set-CpServer changes them, the next call applies the new
/// limit (calls in flight keep their slots; a lower limit lets nobody new in until enough have finished).
/// </summary>
public sealed class ServerThrottle
{
    private readonly ConcurrentDictionary<(long ServerId, ThrottleLane Lane), Lane> lanes = new();

    public async Task<IDisposable> EnterAsync(BillingServer server, ThrottleLane lane, CancellationToken cancellationToken)
    {
        if (server == null)
        {
            throw new ArgumentNullException(nameof(server));
        }

        Lane gate = lanes.GetOrAdd((server.Id, lane), key => new Lane(LimitOf(server, key.Lane), server.ChangedUtc));
        gate.Apply(LimitOf(server, lane), server.ChangedUtc);
        await gate.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Slot(gate.Gate);
    }

    /// <summary>The limit in force for the server's lane and the slots held now (null before its first call); for tests.</summary>
    internal (int Limit, int Held)? State(long serverId, ThrottleLane lane) =>
        lanes.TryGetValue((serverId, lane), out Lane? gate) ? (gate.Gate.Limit, gate.Gate.Held) : null;

    /// <summary>How many calls wait for a slot in the server's lane now (0 before its first call); for tests.</summary>
    internal int Waiting(long serverId, ThrottleLane lane) =>
        lanes.TryGetValue((serverId, lane), out Lane? gate) ? gate.Gate.Waiting : 0;

    private static int LimitOf(BillingServer server, ThrottleLane lane) => Math.Max(1, lane == ThrottleLane.AccountLifecycle
        ? server.Settings.MaxConcurrentAccountLifecycleCalls
        : server.Settings.MaxConcurrentRequests);

    /// <summary>A lane's gate and the version of the settings it follows.</summary>
    private sealed class Lane
    {
        private readonly object sync = new();
        private DateTime settingsChangedUtc;

        public Lane(int limit, DateTime settingsChangedUtc)
        {
            Gate = new ResizableGate(limit);
            this.settingsChangedUtc = settingsChangedUtc;
        }

        public ResizableGate Gate { get; }

        // A worker may still hold a copy of the server read before the change: only settings at least as new as
        // the ones applied may set the limit, so an old copy cannot turn it back.
        public void Apply(int limit, DateTime changedUtc)
        {
            lock (sync)
            {
                if (changedUtc < settingsChangedUtc)
                {
                    return;
                }

                // The version is recorded even when the limit stays: an older copy must not change it later.
                settingsChangedUtc = changedUtc;
                if (limit != Gate.Limit)
                {
                    Gate.Resize(limit);
                }
            }
        }
    }

    private sealed class Slot : IDisposable
    {
        private ResizableGate? gate;

        public Slot(ResizableGate gate) => this.gate = gate;

        public void Dispose() => Interlocked.Exchange(ref gate, null)?.Release();
    }
}

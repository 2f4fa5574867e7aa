using System;
using System.Diagnostics;

namespace CpanelBilling.Core.Logging;

/// <summary>
/// The locks the writers of one call log file take: one that this process's writers queue on, and the machine-wide
/// one (<see cref="CrossProcessFileLock"/>) that orders rollovers across processes. A line is written inside the WHM
/// call it records, which meanwhile keeps its server's throttle and login slots, and under the in-process lock, which
/// every other call of the process writing to this file queues behind. So a process stuck while holding the
/// machine-wide lock must cost a wait once, not on every line: after one wait runs out, the lock is only tried without
/// waiting until <see cref="DefaultSkipAfterTimeout"/> has passed or the lock is seen free again, and lines that find
/// it held go out without it, leaving the rollover to a line that holds it. Lines are not queued for later instead:
/// the log must hold the call when the call returns, even if the process ends next. Two live processes writing
/// without the lock at the same instant can overwrite one another's line, as after any timeout before, because
/// .NET's FileMode.Append writes at the end it saw on opening; an OS-level append (FILE_APPEND_DATA, O_APPEND) would
/// close that window but is not reachable from netstandard2.0 without platform calls.
/// </summary>
internal sealed class CallLogFileLocks
{
    /// <summary>
    /// Long enough for a live holder: it holds the lock for one append or one rollover (a few renames), milliseconds
    /// even on a slow share or behind a virus scanner, times the few processes queued for it. Not longer: the WHM call
    /// being logged waits with it, and while the holder is stuck this is paid again each time the skip runs out.
    /// </summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long lines skip waiting after a wait ran out. Bounded rather than until the lock is seen free because a
    /// try that does not wait also fails when a live process merely holds the lock at that moment; waiting again is
    /// what brings a process back to writing under the lock.
    /// </summary>
    public static readonly TimeSpan DefaultSkipAfterTimeout = TimeSpan.FromMinutes(1);

    private readonly Func<TimeSpan, IDisposable?> enterAcrossProcesses;
    private readonly TimeSpan wait;
    private readonly long skipTicks;
    private readonly Func<long> clock;

    // Guarded by InProcess, like every use of the machine-wide lock.
    private long? skippingUntil;

    public CallLogFileLocks(string fullPath)
        : this(new CrossProcessFileLock(fullPath).Enter, DefaultWait, DefaultSkipAfterTimeout, Stopwatch.GetTimestamp)
    {
    }

    /// <param name="enterAcrossProcesses">Takes the machine-wide lock, waiting up to the given time (see <see cref="CrossProcessFileLock.Enter"/>).</param>
    /// <param name="wait">How long to wait for another process's hold on the file.</param>
    /// <param name="skipAfterTimeout">How long to only try the lock, without waiting, after a wait ran out.</param>
    /// <param name="clock">Monotonic time in <see cref="Stopwatch"/> ticks; tests pass their own.</param>
    internal CallLogFileLocks(Func<TimeSpan, IDisposable?> enterAcrossProcesses, TimeSpan wait, TimeSpan skipAfterTimeout, Func<long> clock)
    {
        this.enterAcrossProcesses = enterAcrossProcesses;
        this.wait = wait;
        skipTicks = (long)(skipAfterTimeout.TotalSeconds * Stopwatch.Frequency);
        this.clock = clock;
    }

    /// <summary>Held by this process's writers of the file around all they do to it.</summary>
    public object InProcess { get; } = new();

    /// <summary>
    /// Takes the machine-wide lock, only while holding <see cref="InProcess"/>; dispose to release it, on the same
    /// thread. Null when another process holds it: after the wait, or at once while skipping. The caller then still
    /// writes its line but must leave shared state such as archive files alone.
    /// </summary>
    public IDisposable? EnterAcrossProcesses()
    {
        bool skipping = skippingUntil is long until && clock() < until;
        IDisposable? held = enterAcrossProcesses(skipping ? TimeSpan.Zero : wait);
        if (held != null)
        {
            skippingUntil = null;
        }
        else if (!skipping)
        {
            skippingUntil = clock() + skipTicks;
        }

        return held;
    }
}

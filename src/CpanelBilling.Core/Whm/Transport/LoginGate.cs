using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// What one server has made of one credential, shared by every client the factory made for that pair. cPHulk
/// counts each refused login against the user and the address and locks both out after a few, so a refused token
/// must not be sent again: once the server refuses the credential, every later call fails at once with the same
/// authentication error and sends nothing (a latch; only another credential object gets through). Calls go one at a
/// time until the server has shown it accepts the credential (a JSON answer, or a failure it reported in one), and
/// again once it has not shown so for <see cref="DefaultTrustWindow"/>: so a wrong token, or one revoked while the
/// session sat idle, costs one failed login however many calls a bulk run has under way. A timeout, a reset or a 5xx
/// shows nothing about the token and opens nothing.
/// </summary>
internal sealed class LoginGate
{
    /// <summary>How long an accepted answer lets calls go side by side without another one.</summary>
    public static readonly TimeSpan DefaultTrustWindow = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim firstAnswer = new(1, 1);
    private readonly long trustTicks;
    private readonly Func<long> clock;
    private volatile Refusal? refusal;
    private long acceptedAt;

    public LoginGate()
        : this(DefaultTrustWindow)
    {
    }

    /// <param name="trustWindow">How long an accepted answer lets calls go side by side; zero: always one at a time.</param>
    /// <param name="clock">Monotonic time in <see cref="Stopwatch"/> ticks; the stopwatch when null (tests move their own).</param>
    internal LoginGate(TimeSpan trustWindow, Func<long>? clock = null)
    {
        trustTicks = (long)(trustWindow.TotalSeconds * Stopwatch.Frequency);
        this.clock = clock ?? Stopwatch.GetTimestamp;
    }

    public bool IsRefused => refusal is not null;

    /// <summary>
    /// Waits until the call may be sent. Returns the slot to dispose once the attempt has ended when this call is the
    /// one asking first, else null. Throws the remembered refusal (see <see cref="Refuse"/>) instead of letting the
    /// call through.
    /// </summary>
    /// <param name="call">The call, with the attempt it would be; the error counts only the attempts made.</param>
    public async Task<IDisposable?> EnterAsync(WhmCallInfo call, CancellationToken cancellationToken)
    {
        ThrowIfRefused(call);
        if (IsTrusted)
        {
            return null;
        }

        await firstAnswer.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (IsTrusted || refusal is not null)
        {
            firstAnswer.Release();
            ThrowIfRefused(call);
            return null;
        }

        return new Slot(firstAnswer);
    }

    /// <summary>
    /// The server answered the call as one from an accepted login (a JSON envelope, including a failure it reported):
    /// calls no longer wait for one another for a while.
    /// </summary>
    public void Accepted() => Interlocked.Exchange(ref acceptedAt, clock());

    private bool IsTrusted
    {
        get
        {
            long accepted = Interlocked.Read(ref acceptedAt);
            return accepted != 0 && clock() - accepted < trustTicks;
        }
    }

    /// <summary>The server refused the credential: from now on no call with it is sent.</summary>
    public void Refuse(WhmAuthenticationException failure) =>
        Interlocked.CompareExchange(ref refusal, new Refusal(failure.User, failure.HttpStatus, failure.IsLockout), null);

    private void ThrowIfRefused(WhmCallInfo call)
    {
        Refusal? refused = refusal;
        if (refused is not null)
        {
            var notSent = new WhmCallInfo(call.Server, call.Function, call.Target, call.Attempt - 1);
            throw WhmAuthenticationException.NotSent(notSent, refused.User, refused.HttpStatus, refused.IsLockout);
        }
    }

    private sealed class Refusal
    {
        public Refusal(string user, int? httpStatus, bool isLockout)
        {
            User = user;
            HttpStatus = httpStatus;
            IsLockout = isLockout;
        }

        public string User { get; }

        public int? HttpStatus { get; }

        public bool IsLockout { get; }
    }

    private sealed class Slot : IDisposable
    {
        private SemaphoreSlim? gate;

        public Slot(SemaphoreSlim gate) => this.gate = gate;

        public void Dispose() => Interlocked.Exchange(ref gate, null)?.Release();
    }
}

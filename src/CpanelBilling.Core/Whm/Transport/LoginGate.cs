using System;
using System.Threading;
using System.Threading.Tasks;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// What one server has made of one credential, shared by every client the factory made for that pair. cPHulk
/// counts each refused login against the user and the address and locks both out after a few, so a refused token
/// must not be sent again: once the server refuses the credential, every later call fails at once with the same
/// authentication error and sends nothing (a latch; only another credential object gets through). Until the server
/// has answered a call with the credential at all, calls go one at a time, so a wrong token costs one failed login
/// however many calls a bulk run has under way.
/// </summary>
internal sealed class LoginGate
{
    private readonly SemaphoreSlim firstAnswer = new(1, 1);
    private volatile Refusal? refusal;
    private volatile bool open;

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
        if (open)
        {
            return null;
        }

        await firstAnswer.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (open || refusal is not null)
        {
            firstAnswer.Release();
            ThrowIfRefused(call);
            return null;
        }

        return new Slot(firstAnswer);
    }

    /// <summary>
    /// The attempt ended without a refusal (an answer, a failure the server reported, or no answer at all): the
    /// credential is not known to be refused, so calls no longer wait for one another.
    /// </summary>
    public void Open() => open = true;

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

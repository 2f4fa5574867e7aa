using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Core.Operations.Leases;

/// <summary>
/// Holds an account's lease in billing for the duration of one operation, so two runbooks (on two machines, on
/// one database) never work on one account at once. Waits a little for a lease another actor holds, because bulk
/// runs that overlap usually clear quickly; after <see cref="LeaseOptions.Wait"/> it gives up with the
/// repository's Busy error. While held, the lease is renewed in the background (every
/// <see cref="LeaseOptions.RenewInterval"/>), so work held up behind the server's throttle or a slow createacct
/// keeps it however long it takes; <see cref="RequireHeldAsync"/> renews it once more right before a billing write
/// and fails if another actor took it meanwhile. Disposing stops the renewal and releases the lease; a crashed
/// process's lease expires on its own after <see cref="LeaseOptions.Duration"/>.
/// </summary>
public sealed class AccountLeaseScope : IAsyncDisposable
{
    private readonly IBillingRepository billing;
    private readonly LeaseOptions options;
    private readonly CancellationTokenSource stopRenewing = new();
    private AccountLease lease;
    private Task renewing = Task.CompletedTask;
    private string? lostTo;
    private int released;

    private AccountLeaseScope(IBillingRepository billing, AccountLease lease, LeaseOptions options)
    {
        this.billing = billing;
        this.lease = lease;
        this.options = options;
    }

    /// <summary>The lease as last taken or renewed.</summary>
    public AccountLease Lease => Volatile.Read(ref lease);

    public static async Task<AccountLeaseScope> AcquireAsync(
        IBillingRepository billing,
        long accountId,
        string owner,
        LeaseOptions options,
        CancellationToken cancellationToken)
    {
        options.Validate();
        DateTime giveUpAt = DateTime.UtcNow + options.Wait;
        TimeSpan pause = options.FirstPause;
        while (true)
        {
            try
            {
                AccountLease lease = await billing.AcquireAccountLeaseAsync(accountId, owner, options.Duration, cancellationToken).ConfigureAwait(false);
                var scope = new AccountLeaseScope(billing, lease, options);
                scope.renewing = Task.Run(scope.RenewUntilDisposedAsync, CancellationToken.None);
                return scope;
            }
            catch (AccountBusyException) when (DateTime.UtcNow + pause < giveUpAt)
            {
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, options.MaxPause.Ticks));
            }
        }
    }

    /// <summary>
    /// Renews the lease now, proving it is still this operation's and giving the write that follows a full
    /// <see cref="LeaseOptions.Duration"/>. Throws <see cref="AccountLeaseLostException"/> when another actor holds it.
    /// </summary>
    /// <param name="userName">The account's user name, for the error.</param>
    /// <param name="openJournalEntries">The operation's journal entries still open, named in the error.</param>
    public async Task RequireHeldAsync(string? userName, IReadOnlyCollection<long> openJournalEntries, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref lostTo) == null)
        {
            await RenewAsync(cancellationToken).ConfigureAwait(false);
        }

        if (Volatile.Read(ref lostTo) is { } holder)
        {
            throw new AccountLeaseLostException(Lease.AccountId, userName, holder, openJournalEntries);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref released, 1) == 0)
        {
            stopRenewing.Cancel();
            try
            {
                // The loop ends on cancellation and swallows its own failures; this only waits for it to stop.
                await renewing.ConfigureAwait(false);
            }
            finally
            {
                stopRenewing.Dispose();

                // Release even when the operation was cancelled; a lease left behind would block the account until expiry.
                // Releasing only deletes this owner's lease, so a lease another actor took over is left alone.
                await billing.ReleaseAccountLeaseAsync(Lease.AccountId, Lease.Owner, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task RenewUntilDisposedAsync()
    {
        TimeSpan interval = options.RenewInterval;
        while (Volatile.Read(ref lostTo) == null)
        {
            try
            {
                await Task.Delay(interval, stopRenewing.Token).ConfigureAwait(false);
                await RenewAsync(stopRenewing.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopRenewing.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !stopRenewing.IsCancellationRequested)
            {
                // Whatever failed this time (the database, a driver's own error such as an exhausted pool), the lease
                // still runs until its expiry, so the next round tries again; the check before a billing write is the
                // one that decides. A renewal loop that died here would let the lease lapse mid-operation.
            }
        }
    }

    /// <summary>Extends the lease (the repository renews a lease its owner holds); records the holder when another actor took it.</summary>
    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        AccountLease current = Lease;
        try
        {
            AccountLease renewed = await billing.AcquireAccountLeaseAsync(current.AccountId, current.Owner, options.Duration, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref lease, renewed);
        }
        catch (AccountBusyException busy)
        {
            Interlocked.CompareExchange(ref lostTo, busy.Holder, null);
        }
    }
}

/// <summary>How long a lease lasts, how often it is renewed, and how long to wait for one.</summary>
public sealed class LeaseOptions
{
    private TimeSpan? renewEvery;

    /// <summary>
    /// How long a lease lasts without renewal: how long a crashed process blocks the account. A running operation
    /// renews it (see <see cref="RenewInterval"/>), so it need not outlast the slowest operation. Default 10 min.
    /// </summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How often a held lease is renewed: at least a millisecond, and less than <see cref="Duration"/> (checked when
    /// a lease is taken, so the two may be set in any order). Default (null): a third of <see cref="Duration"/>.
    /// </summary>
    public TimeSpan? RenewEvery
    {
        get => renewEvery;
        set => renewEvery = value is { } every && every < TimeSpan.FromMilliseconds(1)
            ? throw new ArgumentOutOfRangeException(nameof(RenewEvery), every, "A lease is renewed every millisecond at the most often.")
            : value;
    }

    /// <summary>The renewal period in effect.</summary>
    public TimeSpan RenewInterval => renewEvery ?? TimeSpan.FromTicks(Duration.Ticks / 3);

    /// <summary>Throws when the lease would expire before its first renewal.</summary>
    internal void Validate()
    {
        if (RenewInterval >= Duration)
        {
            throw new ArgumentException($"A lease must be renewed more often than it lasts: RenewEvery {RenewInterval} is not shorter than Duration {Duration}.");
        }
    }

    /// <summary>How long to wait for a lease another actor holds before failing with Busy. Default 30 s.</summary>
    public TimeSpan Wait { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan FirstPause { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxPause { get; set; } = TimeSpan.FromSeconds(2);
}

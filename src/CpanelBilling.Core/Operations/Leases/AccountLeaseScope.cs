using System;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Core.Operations.Leases;

/// <summary>
/// Holds an account's lease in billing for the duration of one operation, so two runbooks (on two machines, on
/// one database) never work on one account at once. Waits a little for a lease another actor holds, because bulk
/// runs that overlap usually clear quickly; after <see cref="LeaseOptions.Wait"/> it gives up with the
/// repository's Busy error. Disposing releases the lease; a crashed process's lease expires on its own.
/// </summary>
public sealed class AccountLeaseScope : IAsyncDisposable
{
    private readonly IBillingRepository billing;
    private int released;

    private AccountLeaseScope(IBillingRepository billing, AccountLease lease)
    {
        this.billing = billing;
        Lease = lease;
    }

    public AccountLease Lease { get; }

    public static async Task<AccountLeaseScope> AcquireAsync(
        IBillingRepository billing,
        long accountId,
        string owner,
        LeaseOptions options,
        CancellationToken cancellationToken)
    {
        DateTime giveUpAt = DateTime.UtcNow + options.Wait;
        TimeSpan pause = options.FirstPause;
        while (true)
        {
            try
            {
                AccountLease lease = await billing.AcquireAccountLeaseAsync(accountId, owner, options.Duration, cancellationToken).ConfigureAwait(false);
                return new AccountLeaseScope(billing, lease);
            }
            catch (AccountBusyException) when (DateTime.UtcNow + pause < giveUpAt)
            {
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, options.MaxPause.Ticks));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref released, 1) == 0)
        {
            // Release even when the operation was cancelled; a lease left behind would block the account until expiry.
            await billing.ReleaseAccountLeaseAsync(Lease.AccountId, Lease.Owner, CancellationToken.None).ConfigureAwait(false);
        }
    }
}

/// <summary>How long a lease lasts and how long to wait for one.</summary>
public sealed class LeaseOptions
{
    /// <summary>How long a lease lasts. Longer than the slowest operation (createacct may take minutes). Default 10 min.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long to wait for a lease another actor holds before failing with Busy. Default 30 s.</summary>
    public TimeSpan Wait { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan FirstPause { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxPause { get; set; } = TimeSpan.FromSeconds(2);
}

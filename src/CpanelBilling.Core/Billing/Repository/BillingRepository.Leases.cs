using System;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing.Sql;

namespace CpanelBilling.Core.Billing;

internal sealed partial class BillingRepository
{
    /// <summary>A crashed holder keeps an account busy for at most this long.</summary>
    private static readonly TimeSpan MaxLeaseDuration = TimeSpan.FromDays(1);

    public Task<AccountLease> AcquireAccountLeaseAsync(long accountId, string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        string leaseOwner = ColumnLimits.Required(owner, "lease owner", ColumnLimits.LeaseOwner);
        ColumnLimits.PositiveDuration(duration, "lease duration");
        if (duration > MaxLeaseDuration)
        {
            throw new BillingInvalidValueException($"A lease lasts at most {MaxLeaseDuration.TotalHours:0} hours; {duration} was asked for.", "lease duration");
        }

        long wholeSeconds = (long)Math.Floor(duration.TotalSeconds);
        return WriteAsync(async session =>
        {
            await RequireAccountExistsAsync(session, accountId, cancellationToken).ConfigureAwait(false);
            DateTime now = Now();
            long? taken = await session.Sql(Statements.AcquireLease)
                .With("@account_id", accountId)
                .With("@owner", leaseOwner)
                .With("@now", now)
                .With("@expires_utc", now + duration)
                .With("@duration_seconds", (int)wholeSeconds)
                .With("@duration_milliseconds", (int)(duration - TimeSpan.FromSeconds(wholeSeconds)).TotalMilliseconds)
                .ScalarInt64Async(cancellationToken).ConfigureAwait(false);
            AccountLease lease = await ReadLeaseAsync(session, accountId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The lease of account {accountId} vanished inside its own transaction.");
            return taken == accountId ? lease : throw new AccountBusyException(accountId, lease.Owner, lease.ExpiresUtc);
        }, cancellationToken);
    }

    public Task<bool> ReleaseAccountLeaseAsync(long accountId, string owner, CancellationToken cancellationToken = default)
    {
        string leaseOwner = ColumnLimits.Required(owner, "lease owner", ColumnLimits.LeaseOwner);
        return WriteAsync(
            async session => await session.Sql(Statements.DeleteLease).With("@account_id", accountId).With("@owner", leaseOwner)
                .ExecuteAsync(cancellationToken).ConfigureAwait(false) == 1,
            cancellationToken);
    }

    public Task<AccountLease?> GetAccountLeaseAsync(long accountId, CancellationToken cancellationToken = default) =>
        ReadAsync(session => ReadLeaseAsync(session, accountId, cancellationToken), cancellationToken);

    private Task<AccountLease?> ReadLeaseAsync(BillingSession session, long accountId, CancellationToken cancellationToken) =>
        session.Sql(Statements.SelectLease).With("@account_id", accountId).SingleOrDefaultAsync(RowMappers.Lease, cancellationToken);
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace CpanelBilling.Core.Billing;

internal sealed partial class BillingRepository
{
    public Task<IReadOnlyDictionary<long, long>> GetRecordedBandwidthAsync(long serverId, BillingMonth month, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyDictionary<long, long>>(async session =>
        {
            await RequireServerAsync(session, serverId, cancellationToken).ConfigureAwait(false);
            List<KeyValuePair<long, long>> sums = await session.Sql(Statements.SelectRecordedBandwidthForServer)
                .With("@server_id", serverId).With("@period", RequireMonth(month).Period)
                .ListAsync(r => new KeyValuePair<long, long>(r.Int64("account_id"), r.Int64("recorded_bytes")), cancellationToken)
                .ConfigureAwait(false);
            return sums.ToDictionary(p => p.Key, p => p.Value);
        }, cancellationToken);

    public Task<long> GetRecordedBandwidthForAccountAsync(long accountId, BillingMonth month, CancellationToken cancellationToken = default) =>
        ReadAsync(async session =>
        {
            await RequireAccountExistsAsync(session, accountId, cancellationToken).ConfigureAwait(false);
            return await session.Sql(Statements.SelectRecordedBandwidthForAccount)
                .With("@account_id", accountId).With("@period", RequireMonth(month).Period)
                .ScalarInt64Async(cancellationToken).ConfigureAwait(false) ?? 0;
        }, cancellationToken);

    public Task<IReadOnlyList<BandwidthRecord>> ListBandwidthRecordsAsync(long accountId, BillingMonth month, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<BandwidthRecord>>(async session =>
        {
            await RequireAccountExistsAsync(session, accountId, cancellationToken).ConfigureAwait(false);
            return await session.Sql(Statements.SelectBandwidthRecords)
                .With("@account_id", accountId).With("@period", RequireMonth(month).Period)
                .ListAsync(RowMappers.BandwidthRecord, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<int> RecordBandwidthAsync(BandwidthReading reading, CancellationToken cancellationToken = default)
    {
        if (reading == null)
        {
            throw new ArgumentNullException(nameof(reading));
        }

        RequireMonth(reading.Month);
        if (reading.Observations == null)
        {
            throw new ArgumentException("The reading has no observations.", nameof(reading));
        }

        // One row per account: should the reading list an account twice, its larger total is the later one.
        IReadOnlyCollection<BandwidthObservation> observations = reading.Observations
            .GroupBy(o => o.AccountId)
            .Select(g => g.OrderByDescending(o => o.TotalBytes).First())
            .OrderBy(o => o.AccountId)
            .ToList();

        return WriteAsync(async session =>
        {
            await RequireServerAsync(session, reading.ServerId, cancellationToken).ConfigureAwait(false);
            if (observations.Count == 0)
            {
                return 0;
            }

            string lockResource = "CpanelBilling.bandwidth." + Id(reading.ServerId);
            await _dialect.AcquireLockAsync(session, lockResource, cancellationToken).ConfigureAwait(false);
            return await _dialect.RecordBandwidthAsync(session, reading, observations, Now(), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    // default(BillingMonth) has year and month 0, which no stored period can match.
    private static BillingMonth RequireMonth(BillingMonth month) =>
        month.Month == 0 ? throw new BillingInvalidValueException("The bandwidth month is not set.", "month") : month;
}

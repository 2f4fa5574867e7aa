using System;
using System.Collections.Generic;

namespace CpanelBilling.Core.Billing;

/// <summary>
/// One reading of a server's bandwidth for a month (one showbw call): each account's total for the month so far.
/// </summary>
public sealed class BandwidthReading
{
    public long ServerId { get; set; }

    public BillingMonth Month { get; set; }

    /// <summary>When the server was read.</summary>
    public DateTime ReadUtc { get; set; }

    public IReadOnlyCollection<BandwidthObservation> Observations { get; set; } = Array.Empty<BandwidthObservation>();
}

/// <summary>An account's month total as the server reported it in one reading (showbw <c>totalbytes</c>).</summary>
public readonly struct BandwidthObservation
{
    public BandwidthObservation(long accountId, long totalBytes)
    {
        if (totalBytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(totalBytes), totalBytes, "Bandwidth is never negative.");
        }

        AccountId = accountId;
        TotalBytes = totalBytes;
    }

    public long AccountId { get; }

    public long TotalBytes { get; }
}

/// <summary>
/// A row billing recorded: the part of an account's month total not recorded before, and the reading it came from.
/// The month's recorded bandwidth of an account is the sum of its rows.
/// </summary>
public sealed class BandwidthRecord
{
    internal BandwidthRecord(long id, long accountId, long serverId, BillingMonth month, long deltaBytes, long serverTotalBytes, DateTime readUtc, DateTime recordedUtc)
    {
        Id = id;
        AccountId = accountId;
        ServerId = serverId;
        Month = month;
        DeltaBytes = deltaBytes;
        ServerTotalBytes = serverTotalBytes;
        ReadUtc = readUtc;
        RecordedUtc = recordedUtc;
    }

    public long Id { get; }

    public long AccountId { get; }

    /// <summary>The server the reading came from.</summary>
    public long ServerId { get; }

    public BillingMonth Month { get; }

    /// <summary>The difference this row adds.</summary>
    public long DeltaBytes { get; }

    /// <summary>The server's month total in the reading.</summary>
    public long ServerTotalBytes { get; }

    public DateTime ReadUtc { get; }

    public DateTime RecordedUtc { get; }
}

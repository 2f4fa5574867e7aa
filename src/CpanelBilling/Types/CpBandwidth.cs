using System;
using CpanelBilling.Core.Operations.Bandwidth;

namespace CpanelBilling.Types;

/// <summary>
/// One account's bandwidth for a month (Get-CpBandwidth): the server's total, what billing recorded, and the
/// difference, in bytes. Piped to Save-CpBandwidth, it is recorded as it was read.
/// </summary>
public sealed class CpBandwidth
{
    public string Server { get; set; } = "";

    public string UserName { get; set; } = "";

    public string Domain { get; set; } = "";

    /// <summary>Billing's account; null when billing has none for the user.</summary>
    public long? AccountId { get; set; }

    public int Year { get; set; }

    public int Month { get; set; }

    /// <summary>The server's month total; null when the server did not list the account.</summary>
    public long? ServerBytes { get; set; }

    public long RecordedBytes { get; set; }

    /// <summary>Server total minus recorded; negative when the server counts less (never recorded).</summary>
    public long DifferenceBytes { get; set; }

    /// <summary>ToRecord, UpToDate, Recorded, ServerBelowRecorded, UnknownToBilling or MissingOnServer.</summary>
    public string Status { get; set; } = "";

    /// <summary>The server lists the account as deleted (removed this month, with usage left).</summary>
    public bool DeletedOnServer { get; set; }

    /// <summary>When the server was read.</summary>
    public DateTime ReadUtc { get; set; }

    public override string ToString() => Server + "/" + UserName;

    internal static CpBandwidth From(BandwidthRow row) => new()
    {
        Server = row.ServerName,
        UserName = row.UserName,
        Domain = row.Domain ?? "",
        AccountId = row.AccountId,
        Year = row.Month.Year,
        Month = row.Month.Month,
        ServerBytes = row.ServerBytes,
        RecordedBytes = row.RecordedBytes,
        DifferenceBytes = row.DifferenceBytes,
        Status = row.Status.ToString(),
        DeletedOnServer = row.DeletedOnServer,
        ReadUtc = row.ReadUtc,
    };

    /// <summary>The row to record, as it was read (the month is checked by the operation).</summary>
    internal BandwidthRow ToRow() => new(Server, new Core.Billing.BillingMonth(Year, Month), DateTime.SpecifyKind(ReadUtc, DateTimeKind.Utc), UserName, AccountId, ServerBytes);
}

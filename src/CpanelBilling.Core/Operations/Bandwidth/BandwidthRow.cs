using System;
using System.Globalization;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Core.Operations.Bandwidth;

/// <summary>Where an account's month total on the server stands against what billing recorded.</summary>
public enum BandwidthRowStatus
{
    /// <summary>The server counts more than billing recorded: the difference is to be recorded.</summary>
    ToRecord = 0,

    /// <summary>Billing has recorded exactly what the server counts.</summary>
    UpToDate,

    /// <summary>The difference was recorded by this run (or a concurrent one): billing now holds the server's total.</summary>
    Recorded,

    /// <summary>
    /// The server counts less than billing recorded (its counter was reset, or the account was re-created).
    /// Never recorded: billing keeps what it has.
    /// </summary>
    ServerBelowRecorded,

    /// <summary>The server lists an account billing has no (matching) account for.</summary>
    UnknownToBilling,

    /// <summary>Billing has a live account the server did not list.</summary>
    MissingOnServer,
}

/// <summary>
/// One account's bandwidth for a month: the server's total (showbw), what billing recorded, and the difference.
/// Accounts are matched by user name, never by domain.
/// </summary>
public sealed class BandwidthRow
{
    /// <summary>A row for recording: one account's total as a reading of the server found it (e.g. piped back in).</summary>
    public BandwidthRow(string serverName, BillingMonth month, DateTime readUtc, string userName, long? accountId, long? serverBytes)
    {
        if (string.IsNullOrWhiteSpace(serverName))
        {
            throw new ArgumentException("The server name is empty.", nameof(serverName));
        }

        if (serverBytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(serverBytes), serverBytes, "Bandwidth is never negative.");
        }

        ServerName = serverName;
        Month = month;
        ReadUtc = readUtc;
        UserName = userName ?? "";
        AccountId = accountId;
        ServerBytes = serverBytes;
    }

    public string ServerName { get; }

    public BillingMonth Month { get; }

    /// <summary>When the server was read.</summary>
    public DateTime ReadUtc { get; }

    /// <summary>The cPanel user name (showbw's <c>user</c>, or billing's for an account the server did not list).</summary>
    public string UserName { get; }

    /// <summary>Billing's account; null when billing has none for the user.</summary>
    public long? AccountId { get; }

    /// <summary>The account's main domain, as billing knows it (else as the server reports it).</summary>
    public string? Domain { get; private set; }

    /// <summary>The server lists the account as deleted (removed this month, with usage left).</summary>
    public bool DeletedOnServer { get; private set; }

    /// <summary>The server's month total in bytes; null when the server did not list the account.</summary>
    public long? ServerBytes { get; }

    /// <summary>What billing has recorded for the account and month, in bytes.</summary>
    public long RecordedBytes { get; private set; }

    /// <summary>Server total minus recorded (negative when the server counts less); 0 without a server total.</summary>
    public long DifferenceBytes => ServerBytes is { } server ? server - RecordedBytes : 0;

    public BandwidthRowStatus Status { get; private set; }

    /// <summary>
    /// What an admin must look into when recording cannot settle the row (the server counts less than billing
    /// holds, or only one of them knows the account): the row, both values, and that nothing was recorded. Null for
    /// every other status.
    /// </summary>
    public string? Warning => Status switch
    {
        BandwidthRowStatus.ServerBelowRecorded =>
            $"{Named}: the server counts {Bytes(ServerBytes)}, less than the {Bytes(RecordedBytes)} billing holds (its counter was reset, or the account re-created); nothing was recorded and billing keeps {Bytes(RecordedBytes)}.",
        BandwidthRowStatus.UnknownToBilling =>
            $"{Named}: the server counts {Bytes(ServerBytes)} for an account billing does not have on it; nothing was recorded. Compare-CpAccount shows the account.",
        BandwidthRowStatus.MissingOnServer =>
            $"{Named}: billing holds {Bytes(RecordedBytes)} for an account the server did not list; nothing was recorded. Compare-CpAccount shows the account.",
        _ => null,
    };

    public override string ToString() => $"{Named}: {Status}";

    private string Named => $"{ServerName}/{UserName} {Month}";

    private static string Bytes(long? bytes) => (bytes ?? 0).ToString(CultureInfo.InvariantCulture) + " bytes";

    internal static BandwidthRow Measured(
        string serverName, BillingMonth month, DateTime readUtc, string userName, Account? account, string? serverDomain, bool deletedOnServer, long? serverBytes, long recordedBytes)
    {
        var row = new BandwidthRow(serverName, month, readUtc, userName, account?.Id, serverBytes)
        {
            Domain = account?.DomainName ?? serverDomain,
            DeletedOnServer = deletedOnServer,
        };
        return row.WithRecorded(recordedBytes, recordedBefore: recordedBytes);
    }

    /// <summary>This row judged against what billing holds now, knowing what it held before recording.</summary>
    internal BandwidthRow WithRecorded(long recordedNow, long recordedBefore)
    {
        var row = new BandwidthRow(ServerName, Month, ReadUtc, UserName, AccountId, ServerBytes)
        {
            Domain = Domain,
            DeletedOnServer = DeletedOnServer,
            RecordedBytes = recordedNow,
        };
        row.Status = AccountId is null ? BandwidthRowStatus.UnknownToBilling
            : ServerBytes is not { } server ? BandwidthRowStatus.MissingOnServer
            : server > recordedBefore ? (recordedNow >= server ? BandwidthRowStatus.Recorded : BandwidthRowStatus.ToRecord)
            : server == recordedBefore ? BandwidthRowStatus.UpToDate
            : BandwidthRowStatus.ServerBelowRecorded;
        return row;
    }
}

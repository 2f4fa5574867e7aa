using System.Collections.Generic;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Fanout;

namespace CpanelBilling.Core.Operations.Bandwidth;

/// <summary>Which servers and month to measure.</summary>
public sealed class BandwidthRequest
{
    /// <summary>Server names in billing; null or empty means every enabled server.</summary>
    public IReadOnlyCollection<string>? Servers { get; set; }

    /// <summary>The year; only with <see cref="Month"/>. Null: the latest such month that has begun.</summary>
    public int? Year { get; set; }

    /// <summary>1–12. Null (and no year): the previous calendar month, the one to bill.</summary>
    public int? Month { get; set; }

    /// <summary>How many servers are read at once (each server's own limit applies as well). Default 4.</summary>
    public int MaxParallelServers { get; set; } = 4;
}

/// <summary>What measuring (and, for a recording, recording) found, per account of every server read.</summary>
public sealed class BandwidthResult
{
    internal BandwidthResult(
        BillingMonth month, IReadOnlyList<BandwidthRow> rows, IReadOnlyList<ServerFailure> failures, int recordedAccounts, IReadOnlyList<BandwidthRowFailure>? rowFailures = null)
    {
        Month = month;
        Rows = rows;
        Failures = failures;
        RecordedAccounts = recordedAccounts;
        RowFailures = rowFailures ?? new BandwidthRowFailure[0];
    }

    public BillingMonth Month { get; }

    /// <summary>By server, then user name; rows refused (<see cref="RowFailures"/>) are not among them.</summary>
    public IReadOnlyList<BandwidthRow> Rows { get; }

    /// <summary>Servers that could not be measured or recorded, and why; the others were.</summary>
    public IReadOnlyList<ServerFailure> Failures { get; }

    /// <summary>Rows given to record that were refused, each as given, and why; nothing of them was recorded.</summary>
    public IReadOnlyList<BandwidthRowFailure> RowFailures { get; }

    /// <summary>
    /// Accounts this run wrote a bandwidth record for (0 for a measurement). A concurrent run may have recorded
    /// others; their rows show <see cref="BandwidthRowStatus.Recorded"/> too, but count only there.
    /// </summary>
    public int RecordedAccounts { get; }
}

/// <summary>A row given to record that was refused (e.g. its account id is another account here), and why; the other rows went on.</summary>
public sealed class BandwidthRowFailure
{
    internal BandwidthRowFailure(BandwidthRow row, CpanelBillingException error)
    {
        Row = row;
        Error = error;
    }

    /// <summary>The row as it was given (the same instance).</summary>
    public BandwidthRow Row { get; }

    public CpanelBillingException Error { get; }

    public override string ToString() => Row.ServerName + "/" + Row.UserName + ": " + Error.Message;
}

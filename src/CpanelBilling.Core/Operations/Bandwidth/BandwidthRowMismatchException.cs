using System.Globalization;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Core.Operations.Bandwidth;

/// <summary>
/// A row to record names an account id that is not that user's account on that server in this billing database:
/// it was read from another database (before a new connection) or edited. Recording it would add bandwidth to an
/// account nobody measured, so the row is refused and nothing of it is recorded; the other rows go on.
/// </summary>
public sealed class BandwidthRowMismatchException : CpanelBillingException
{
    internal BandwidthRowMismatchException(BandwidthRow row, long accountId, Account? current)
        : base(OperationErrorIds.BandwidthRowMismatch, FailureKind.NotFound, Describe(row, accountId, current), row.ServerName + "/" + row.UserName)
    {
    }

    private static string Describe(BandwidthRow row, long accountId, Account? current)
    {
        string id = accountId.ToString(CultureInfo.InvariantCulture);
        string found = current is null
            ? $"billing has no account {id} on {row.ServerName}"
            : $"account {id} on {row.ServerName} is '{current.UserName}'";
        return $"The bandwidth row {row.ServerName}/{row.UserName} of {row.Month} (account {id}) was not recorded: {found}. The row was read from "
            + $"another billing database or edited. Measure again with Get-CpBandwidth -Server '{row.ServerName}' -Year {row.Month.Year.ToString(CultureInfo.InvariantCulture)} "
            + $"-Month {row.Month.Month.ToString(CultureInfo.InvariantCulture)}, or record with Save-CpBandwidth -Server.";
    }
}

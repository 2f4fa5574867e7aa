using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>
/// Reads an account's overridable limits from the server. accountsummary has the disk quota and the counts but
/// not the bandwidth limit, which only showbw reports (in bytes).
/// </summary>
internal static class ServerLimits
{
    private const long BytesPerMegabyte = 1024 * 1024;

    public static AccountLimits FromSummary(WhmAccount account, MegabyteLimit? bandwidth) => new()
    {
        Bandwidth = bandwidth,
        Disk = account.DiskLimit,
        EmailAccounts = account.MaxPop,
        Databases = account.MaxSql,
        AddonDomains = account.MaxAddons,
    };

    /// <summary>The account's monthly bandwidth limit; null when showbw does not list the account.</summary>
    public static async Task<MegabyteLimit?> ReadBandwidthAsync(IWhmClient client, string user, CancellationToken cancellationToken)
    {
        BandwidthReport report = await client.GetBandwidthAsync(
            new BandwidthQuery { SearchType = AccountSearchType.User, Search = "^" + Regex.Escape(user) + "$" },
            cancellationToken).ConfigureAwait(false);
        AccountBandwidth? row = report.Accounts.FirstOrDefault(a => !a.IsDeleted && string.Equals(a.User, user, StringComparison.Ordinal));
        return row == null ? null : BandwidthLimitOf(row);
    }

    /// <summary>The monthly bandwidth limit of a showbw row.</summary>
    public static MegabyteLimit BandwidthLimitOf(AccountBandwidth row) =>
        // limitbw takes whole megabytes and reports bytes; round up what is not a whole number of megabytes.
        row.LimitBytes is { } bytes ? MegabyteLimit.Of((bytes + BytesPerMegabyte - 1) / BytesPerMegabyte) : MegabyteLimit.Unlimited;
}

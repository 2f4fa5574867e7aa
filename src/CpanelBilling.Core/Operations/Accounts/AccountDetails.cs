using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Throttling;

namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>
/// Puts an account's own limits on the server on top of its package ("AddDetails"): bandwidth with limitbw, disk
/// with editquota, e-mail accounts, databases and addon domains with one modifyacct. Each call is journaled and
/// checked; the first failure stops the rest.
/// </summary>
internal static class AccountDetails
{
    /// <summary>Sends every limit of <paramref name="values"/> that has a value; null ones are left as they are.</summary>
    public static async Task ApplyAsync(AccountWork work, AccountLimits values, CancellationToken cancellationToken)
    {
        if (values.Bandwidth is { } bandwidth)
        {
            await work.ChangeAsync(ServerAccountChanges.LimitBandwidth(work.UserName, bandwidth), ThrottleLane.Requests, cancellationToken).ConfigureAwait(false);
        }

        if (values.Disk is { } disk)
        {
            await work.ChangeAsync(ServerAccountChanges.EditQuota(work.UserName, disk), ThrottleLane.Requests, cancellationToken).ConfigureAwait(false);
        }

        if (values.EmailAccounts.HasValue || values.Databases.HasValue || values.AddonDomains.HasValue)
        {
            await work.ChangeAsync(
                ServerAccountChanges.ModifyCounts(work.UserName, values.EmailAccounts, values.Databases, values.AddonDomains),
                ThrottleLane.Requests,
                cancellationToken).ConfigureAwait(false);
        }
    }
}

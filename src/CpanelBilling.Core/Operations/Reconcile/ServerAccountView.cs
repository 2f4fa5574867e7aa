using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Reconcile;

/// <summary>
/// What a server shows of one account: its listaccts/accountsummary record (null when the server has no such
/// user) and, when showbw was read, its bandwidth limit (which only showbw reports).
/// </summary>
internal sealed class ServerAccountView
{
    public ServerAccountView(WhmAccount? account, bool bandwidthRead, MegabyteLimit? bandwidthLimit)
    {
        Account = account;
        BandwidthRead = bandwidthRead;
        BandwidthLimit = bandwidthLimit;
    }

    public WhmAccount? Account { get; }

    public bool BandwidthRead { get; }

    /// <summary>The monthly bandwidth limit; null when showbw was not read or does not list the account.</summary>
    public MegabyteLimit? BandwidthLimit { get; }

    /// <summary>The overridable limits the server shows (bandwidth only when showbw was read); empty when the account is absent.</summary>
    public AccountLimits Limits => Account == null ? new AccountLimits() : ServerLimits.FromSummary(Account, BandwidthRead ? BandwidthLimit : null);

    /// <summary>Reads the account afresh for a repair: accountsummary, and showbw when the bandwidth limit matters.</summary>
    public static async Task<ServerAccountView> ReadAsync(AccountWork work, bool withBandwidth, CancellationToken cancellationToken)
    {
        WhmAccount? account = await work.ReadSummaryAsync(cancellationToken).ConfigureAwait(false);
        if (account == null || !withBandwidth)
        {
            return new ServerAccountView(account, bandwidthRead: false, bandwidthLimit: null);
        }

        MegabyteLimit? bandwidth = await work.ReadAsync((client, ct) => ServerLimits.ReadBandwidthAsync(client, work.UserName, ct), cancellationToken).ConfigureAwait(false);
        return new ServerAccountView(account, bandwidthRead: true, bandwidth);
    }
}

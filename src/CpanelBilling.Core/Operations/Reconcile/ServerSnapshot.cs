using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Operations.Packages;
using CpanelBilling.Core.Operations.Throttling;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Reconcile;

/// <summary>
/// One server as Compare reads it: billing's live accounts there, the journal entries still open, and the server's
/// side in as few calls as possible — one listaccts (all accounts, or the one account asked for), one showbw only
/// when a bandwidth limit matters, one listpkgs only when a package change is open in the journal.
/// </summary>
internal sealed class ServerSnapshot
{
    private readonly Dictionary<string, WhmAccount> serverAccounts;
    private readonly Dictionary<string, MegabyteLimit> bandwidthLimits;

    private ServerSnapshot(
        BillingServer server,
        IReadOnlyCollection<string>? users,
        IReadOnlyList<Account> billingAccounts,
        IReadOnlyList<OperationJournalEntry> openEntries,
        Dictionary<string, WhmAccount> serverAccounts,
        bool bandwidthRead,
        Dictionary<string, MegabyteLimit> bandwidthLimits,
        IReadOnlyList<WhmPackage>? packages)
    {
        Server = server;
        Users = users;
        BillingAccounts = billingAccounts;
        OpenEntries = openEntries;
        this.serverAccounts = serverAccounts;
        BandwidthRead = bandwidthRead;
        this.bandwidthLimits = bandwidthLimits;
        Packages = packages;
    }

    public BillingServer Server { get; }

    /// <summary>The user names in scope; null for the whole server.</summary>
    public IReadOnlyCollection<string>? Users { get; }

    /// <summary>Billing's accounts on the server that are not deleted (in scope), in id order.</summary>
    public IReadOnlyList<Account> BillingAccounts { get; }

    /// <summary>Pending and Unknown journal entries of the server (in scope), oldest first.</summary>
    public IReadOnlyList<OperationJournalEntry> OpenEntries { get; }

    /// <summary>The server's accounts (in scope).</summary>
    public IEnumerable<WhmAccount> ServerAccounts => serverAccounts.Values;

    public bool BandwidthRead { get; }

    /// <summary>The server's packages, read only when a package change is open in the journal.</summary>
    public IReadOnlyList<WhmPackage>? Packages { get; }

    public ServerAccountView ViewOf(string? userName)
    {
        WhmAccount? account = userName != null && serverAccounts.TryGetValue(userName, out WhmAccount? found) ? found : null;
        MegabyteLimit? bandwidth = account != null && bandwidthLimits.TryGetValue(account.User, out MegabyteLimit limit) ? limit : null;
        return new ServerAccountView(account, BandwidthRead, bandwidth);
    }

    public static async Task<ServerSnapshot> ReadAsync(OperationContext context, BillingServer server, IReadOnlyCollection<string>? users, CancellationToken cancellationToken)
    {
        Func<string?, bool> inScope = user => users == null || (user != null && users.Contains(user, StringComparer.OrdinalIgnoreCase));
        var accounts = new List<Account>();
        await foreach (Account account in context.Billing.ListAccountsAsync(new Billing.AccountQuery { ServerId = server.Id }, cancellationToken).ConfigureAwait(false))
        {
            if (inScope(account.UserName))
            {
                accounts.Add(account);
            }
        }

        List<OperationJournalEntry> entries = (await OpenEntriesAsync(context.Billing, server, cancellationToken).ConfigureAwait(false))
            .Where(e => users == null || (JournaledChangeCheck.IsAccountChange(e) && inScope(e.UserName)))
            .ToList();

        IWhmClient client = context.Servers.Connect(server);
        using (await context.Throttle.EnterAsync(server, ThrottleLane.Requests, cancellationToken).ConfigureAwait(false))
        {
            var onServer = new Dictionary<string, WhmAccount>(StringComparer.OrdinalIgnoreCase);
            Whm.AccountQuery? query = users is { Count: 1 } ? Whm.AccountQuery.ForUser(users.First()) : null;
            foreach (WhmAccount account in await client.ListAccountsAsync(query, cancellationToken).ConfigureAwait(false))
            {
                if (inScope(account.User))
                {
                    onServer[account.User] = account;
                }
            }

            bool needsBandwidth = accounts.Any(a => a.Status != AccountStatus.New && a.Limits.Bandwidth.HasValue) || entries.Any(JournaledChangeCheck.NeedsBandwidth);
            var limits = new Dictionary<string, MegabyteLimit>(StringComparer.OrdinalIgnoreCase);
            if (needsBandwidth)
            {
                BandwidthQuery? bandwidthQuery = users is { Count: 1 }
                    ? new BandwidthQuery { SearchType = AccountSearchType.User, Search = "^" + Regex.Escape(users.First()) + "$" }
                    : null;
                BandwidthReport report = await client.GetBandwidthAsync(bandwidthQuery, cancellationToken).ConfigureAwait(false);
                foreach (AccountBandwidth row in report.Accounts.Where(r => !r.IsDeleted))
                {
                    limits[row.User] = ServerLimits.BandwidthLimitOf(row);
                }
            }

            IReadOnlyList<WhmPackage>? packages = entries.Any(PackageEntryCheck.IsPackageChange)
                ? await client.ListPackagesAsync(PackageVisibility.All, cancellationToken).ConfigureAwait(false)
                : null;
            return new ServerSnapshot(server, users, accounts, entries, onServer, needsBandwidth, limits, packages);
        }
    }

    private static async Task<List<OperationJournalEntry>> OpenEntriesAsync(IBillingRepository billing, BillingServer server, CancellationToken cancellationToken)
    {
        var entries = new List<OperationJournalEntry>();
        foreach (OperationStatus status in new[] { OperationStatus.Pending, OperationStatus.Unknown })
        {
            await foreach (OperationJournalEntry entry in billing.ListOperationsAsync(new OperationJournalQuery { ServerId = server.Id, Status = status }, cancellationToken).ConfigureAwait(false))
            {
                entries.Add(entry);
            }
        }

        return entries.OrderBy(e => e.Id).ToList();
    }
}

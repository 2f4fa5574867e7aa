using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing.Sql;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Billing;

// The server's packages and IP addresses, synced from listpkgs and listips.
internal sealed partial class BillingRepository
{
    public Task<SyncResult> SyncServerPackagesAsync(long serverId, IReadOnlyCollection<WhmPackage> packages, CancellationToken cancellationToken = default)
    {
        if (packages == null)
        {
            throw new ArgumentNullException(nameof(packages));
        }

        var incoming = new Dictionary<string, PackageSettings>(StringComparer.Ordinal);
        foreach (WhmPackage package in packages)
        {
            if (package == null)
            {
                throw new ArgumentException("The package list holds a null entry.", nameof(packages));
            }

            string name = ColumnLimits.Required(package.Name, "package name", ColumnLimits.PackageName);
            if (package.Settings.MaxTeamUsers < 0)
            {
                throw new BillingInvalidValueException($"Package '{name}' allows {package.Settings.MaxTeamUsers} team users; give 0 or more.", "team users");
            }

            if (incoming.ContainsKey(name))
            {
                throw new BillingInvalidValueException($"The package list names '{name}' twice; give each package once.", "package name");
            }

            incoming.Add(name, package.Settings);
        }

        return WriteAsync(async session =>
        {
            await RequireServerAsync(session, serverId, cancellationToken).ConfigureAwait(false);
            List<ServerPackage> known = await session.Sql(Statements.SelectServerPackages)
                .With("@server_id", serverId).With("@include_removed", true)
                .ListAsync(RowMappers.Package, cancellationToken).ConfigureAwait(false);
            var knownByName = known.ToDictionary(p => p.Name, StringComparer.Ordinal);

            DateTime now = Now();
            var added = new List<string>();
            var updated = new List<string>();
            foreach (KeyValuePair<string, PackageSettings> package in incoming.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                await BindPackage(session.Sql(Statements.UpsertServerPackage), package.Value)
                    .With("@server_id", serverId)
                    .With("@name", package.Key)
                    .With("@first_seen_utc", now)
                    .With("@last_seen_utc", now)
                    .With("@removed_utc", (DateTime?)null)
                    .ExecuteAsync(cancellationToken).ConfigureAwait(false);
                bool wasLive = knownByName.TryGetValue(package.Key, out ServerPackage? before) && !before.IsRemoved;
                (wasLive ? updated : added).Add(package.Key);
            }

            var removed = new List<string>();
            foreach (ServerPackage gone in known.Where(p => !p.IsRemoved && !incoming.ContainsKey(p.Name)))
            {
                await session.Sql(Statements.MarkServerPackageRemoved).With("@package_id", gone.Id).With("@now", now)
                    .ExecuteAsync(cancellationToken).ConfigureAwait(false);
                removed.Add(gone.Name);
            }

            return new SyncResult(added, updated, removed);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ServerPackage>> ListServerPackagesAsync(long serverId, bool includeRemoved = false, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<ServerPackage>>(async session =>
        {
            await RequireServerAsync(session, serverId, cancellationToken).ConfigureAwait(false);
            return await session.Sql(Statements.SelectServerPackages).With("@server_id", serverId).With("@include_removed", includeRemoved)
                .ListAsync(RowMappers.Package, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<ServerPackage?> FindServerPackageAsync(long serverId, string packageName, CancellationToken cancellationToken = default) =>
        ReadAsync(
            session => session.Sql(Statements.SelectServerPackageByName).With("@server_id", serverId).With("@name", (packageName ?? "").Trim())
                .SingleOrDefaultAsync(RowMappers.Package, cancellationToken),
            cancellationToken);

    public Task<SyncResult> SyncServerIpsAsync(long serverId, IReadOnlyCollection<ServerIpDefinition> addresses, CancellationToken cancellationToken = default)
    {
        if (addresses == null)
        {
            throw new ArgumentNullException(nameof(addresses));
        }

        var incoming = new Dictionary<string, ServerIpDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (ServerIpDefinition address in addresses)
        {
            string text = ColumnLimits.Lowered(address?.Address, "IP address", ColumnLimits.Address);
            incoming[text] = address!;
        }

        return WriteAsync(async session =>
        {
            await RequireServerAsync(session, serverId, cancellationToken).ConfigureAwait(false);
            List<ServerIp> known = await session.Sql(Statements.SelectServerIps)
                .With("@server_id", serverId).With("@include_removed", true)
                .ListAsync(RowMappers.ServerIp, cancellationToken).ConfigureAwait(false);
            var knownByAddress = known.ToDictionary(ip => ip.Address, StringComparer.OrdinalIgnoreCase);

            DateTime now = Now();
            var added = new List<string>();
            var updated = new List<string>();
            foreach (KeyValuePair<string, ServerIpDefinition> address in incoming.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                await session.Sql(Statements.UpsertServerIp)
                    .With("@server_id", serverId)
                    .With("@address", address.Key)
                    .With("@is_dedicated", address.Value.IsDedicated)
                    .With("@is_main", address.Value.IsMain)
                    .With("@used_on_server", address.Value.IsUsed)
                    .With("@first_seen_utc", now)
                    .With("@last_seen_utc", now)
                    .With("@removed_utc", (DateTime?)null)
                    .ExecuteAsync(cancellationToken).ConfigureAwait(false);
                bool wasLive = knownByAddress.TryGetValue(address.Key, out ServerIp? before) && !before.RemovedUtc.HasValue;
                (wasLive ? updated : added).Add(address.Key);
            }

            var removed = new List<string>();
            foreach (ServerIp gone in known.Where(ip => !ip.RemovedUtc.HasValue && !incoming.ContainsKey(ip.Address)))
            {
                await session.Sql(Statements.MarkServerIpRemoved).With("@server_ip_id", gone.Id).With("@now", now)
                    .ExecuteAsync(cancellationToken).ConfigureAwait(false);
                removed.Add(gone.Address);
            }

            return new SyncResult(added, updated, removed);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ServerIp>> ListServerIpsAsync(long serverId, bool includeRemoved = false, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<ServerIp>>(async session =>
        {
            await RequireServerAsync(session, serverId, cancellationToken).ConfigureAwait(false);
            return await session.Sql(Statements.SelectServerIps).With("@server_id", serverId).With("@include_removed", includeRemoved)
                .ListAsync(RowMappers.ServerIp, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    // The listpkgs keys that have a column of their own; every other setting is kept in other_attributes.
    private static readonly HashSet<string> PackageColumnKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "QUOTA", "BWLIMIT", "MAXPOP", "MAXSQL", "MAXFTP", "MAXLST", "MAXSUB", "MAXPARK", "MAXADDON", "MAX_EMAIL_PER_HOUR",
        "MAX_DEFER_FAIL_PERCENTAGE", "MAX_EMAILACCT_QUOTA", "MAXPASSENGERAPPS", "MAX_TEAM_USERS", "IP", "CGI", "HASSHELL", "DIGESTAUTH",
        "FEATURELIST", "CPMOD", "LANG",
    };

    private static BillingCommand BindPackage(BillingCommand command, PackageSettings s) =>
        command
            .With("@quota_mb", s.Quota)
            .With("@bwlimit_mb", s.BandwidthLimit)
            .With("@max_pop", s.MaxPop)
            .With("@max_sql", s.MaxSql)
            .With("@max_ftp", s.MaxFtp)
            .With("@max_lst", s.MaxLists)
            .With("@max_sub", s.MaxSubdomains)
            .With("@max_park", s.MaxParked)
            .With("@max_addon", s.MaxAddons)
            .With("@max_email_per_hour", s.MaxEmailPerHour)
            .With("@max_defer_fail_percentage", s.MaxDeferFailPercentage)
            .With("@max_emailacct_quota_mb", s.MaxEmailAccountQuota)
            .With("@max_passenger_apps", s.MaxPassengerApps)
            .With("@max_team_users", s.MaxTeamUsers)
            // cPanel loads a package without IP as IP=n.
            .With("@dedicated_ip", s.DedicatedIp ?? false)
            .With("@cgi", s.Cgi)
            .With("@has_shell", s.HasShell)
            .With("@digest_auth", s.DigestAuth)
            .With("@feature_list", ColumnLimits.Optional(s.FeatureList, "feature list", ColumnLimits.PackageText))
            .With("@cp_mod", ColumnLimits.Optional(s.Theme, "cPanel theme", ColumnLimits.PackageShortText))
            .With("@lang", ColumnLimits.Optional(s.Language, "language", ColumnLimits.PackageShortText))
            .With("@other_attributes", JsonText.WriteMap(OtherAttributes(s)));

    /// <summary>
    /// What other_attributes keeps, as listpkgs keys: the settings without a column, and every value the server
    /// sent that could not be read (a column key among them too), so <see cref="RowMappers.Package"/> gets it all back.
    /// </summary>
    private static IReadOnlyDictionary<string, string?> OtherAttributes(PackageSettings s) =>
        s.ToListPkgs()
            .Where(p => !PackageColumnKeys.Contains(p.Key) || s.OtherSettings.ContainsKey(p.Key))
            .ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal);
}

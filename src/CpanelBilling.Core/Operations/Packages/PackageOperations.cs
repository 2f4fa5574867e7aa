using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Journal;
using CpanelBilling.Core.Operations.Servers;
using CpanelBilling.Core.Operations.Throttling;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Packages;

/// <summary>
/// A server's packages: read billing's copy, and add, change or remove a package on the server. Every value is
/// checked before any call (<see cref="PackageRules"/>); each change reads the server first (a package already as
/// asked is not sent again; editpkg is never sent for a missing package, which it would create), goes through the
/// journal, and ends with billing's copy read back from the server.
/// </summary>
public sealed class PackageOperations
{
    private static readonly Regex InUseReason = new(@"\bmove all accounts\b|\baccounts? (are |is )?(still )?using\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private readonly OperationContext context;

    public PackageOperations(OperationContext context) => this.context = context ?? throw new ArgumentNullException(nameof(context));

    /// <summary>Billing's copy of the server's packages (as the last sync or change left it).</summary>
    public async Task<IReadOnlyList<ServerPackage>> ListAsync(string serverName, bool includeRemoved = false, CancellationToken cancellationToken = default)
    {
        BillingServer server = await ServerLookup.RequireAsync(context.Billing, serverName, cancellationToken).ConfigureAwait(false);
        return await context.Billing.ListServerPackagesAsync(server.Id, includeRemoved, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>addpkg with every option given. A package already on the server with the same limits is adopted, not sent again.</summary>
    public async Task<PackageChangeResult> AddAsync(string serverName, PackageRequest request, CancellationToken cancellationToken = default)
    {
        WhmPackage package = PackageRules.Check(request);
        BillingServer server = await ServerLookup.RequireAsync(context.Billing, serverName, cancellationToken).ConfigureAwait(false);
        string storedName = PackageRules.StoredName(server.Settings.WhmUser, package.Name);
        IWhmClient client = context.Servers.Connect(server);
        using (await context.Throttle.EnterAsync(server, ThrottleLane.Requests, cancellationToken).ConfigureAwait(false))
        {
            IReadOnlyList<WhmPackage> listed = await PackageInventory.ReadAsync(client, cancellationToken).ConfigureAwait(false);
            if (Find(listed, storedName) is { } existing)
            {
                RequireHeldAsAsked(server, storedName, package, existing, inner: null);
                return await FinishAsync(server, client, storedName, package, null, new List<string>(), listed, cancellationToken).ConfigureAwait(false);
            }

            var change = new ServerChange<string>(
                WhmFunctions.AddPackage,
                JournalParameters(package),
                (c, ct) => c.AddPackageAsync(package, ct),
                (c, ct) => HeldAsAskedAsync(c, storedName, package, ct))
            {
                // Someone added it between the read and the call: fine if it holds what was asked.
                CheckServerWhen = failure => failure.Kind == FailureKind.AlreadyExists,
            };

            ServerChangeOutcome<string> outcome;
            try
            {
                outcome = await context.Journal.RunAsync(client, server, null, null, change, cancellationToken).ConfigureAwait(false);
            }
            catch (WhmCallFailedException refused) when (refused.Kind == FailureKind.AlreadyExists)
            {
                WhmPackage? other = Find(await PackageInventory.ReadAsync(client, cancellationToken).ConfigureAwait(false), storedName);
                throw new PackageAlreadyExistsException(
                    server.Name, storedName, other is null ? Array.Empty<PackageDifference>() : PackageComparison.Differences(package.Settings, other.Settings), refused);
            }

            return await FinishAsync(server, client, outcome.Response ?? storedName, package, JournaledChange.Of(WhmFunctions.AddPackage, outcome), new List<string>(), null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// editpkg with the given values; values not given keep what the package has. A package that already holds
    /// every given value is not sent again (editpkg re-applies the package to every account on it).
    /// </summary>
    public async Task<PackageChangeResult> EditAsync(string serverName, PackageRequest request, CancellationToken cancellationToken = default)
    {
        WhmPackage package = PackageRules.Check(request);
        BillingServer server = await ServerLookup.RequireAsync(context.Billing, serverName, cancellationToken).ConfigureAwait(false);
        string storedName = PackageRules.StoredName(server.Settings.WhmUser, package.Name);
        IWhmClient client = context.Servers.Connect(server);
        using (await context.Throttle.EnterAsync(server, ThrottleLane.Requests, cancellationToken).ConfigureAwait(false))
        {
            IReadOnlyList<WhmPackage> listed = await PackageInventory.ReadAsync(client, cancellationToken).ConfigureAwait(false);
            WhmPackage existing = Find(listed, storedName) ?? throw new PackageNotFoundException(server.Name, storedName, listed.Select(p => p.Name));
            if (PackageComparison.Differences(package.Settings, existing.Settings).Count == 0)
            {
                return await FinishAsync(server, client, storedName, package, null, new List<string>(), listed, cancellationToken).ConfigureAwait(false);
            }

            var warnings = new List<string>();
            int accounts = (await LiveAccountsOnAsync(server, storedName, cancellationToken).ConfigureAwait(false)).Count;
            if (accounts > 0)
            {
                warnings.Add(
                    $"cPanel applies the changed package to every account on it ({accounts} in billing), replacing limits that were set on a single account.");
            }

            var change = new ServerChange<string>(
                WhmFunctions.EditPackage,
                JournalParameters(package),
                (c, ct) => c.EditPackageAsync(package, ct),
                (c, ct) => HeldAsAskedAsync(c, storedName, package, ct));
            ServerChangeOutcome<string> outcome = await context.Journal.RunAsync(client, server, null, null, change, cancellationToken).ConfigureAwait(false);
            return await FinishAsync(server, client, storedName, package, JournaledChange.Of(WhmFunctions.EditPackage, outcome), warnings, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// killpkg. Refused while billing knows accounts on the package that are not deleted, and when the server
    /// refuses because its own accounts still use it (<see cref="PackageInUseException"/> either way). A package
    /// already gone from the server is only marked removed in billing.
    /// </summary>
    public async Task<PackageChangeResult> RemoveAsync(string serverName, string packageName, CancellationToken cancellationToken = default)
    {
        string name = PackageRules.CheckName(packageName);
        BillingServer server = await ServerLookup.RequireAsync(context.Billing, serverName, cancellationToken).ConfigureAwait(false);
        string storedName = PackageRules.StoredName(server.Settings.WhmUser, name);
        IReadOnlyList<Account> users = await LiveAccountsOnAsync(server, storedName, cancellationToken).ConfigureAwait(false);
        if (users.Count > 0)
        {
            throw new PackageInUseException(
                $"Package '{storedName}' on server '{server.Name}' carries {users.Count} account(s) in billing that are not deleted "
                + $"({string.Join(", ", users.Take(10).Select(a => a.UserName))}{(users.Count > 10 ? ", …" : string.Empty)}); it was not removed. "
                + "Move them to another plan first.",
                storedName);
        }

        IWhmClient client = context.Servers.Connect(server);
        using (await context.Throttle.EnterAsync(server, ThrottleLane.Requests, cancellationToken).ConfigureAwait(false))
        {
            var warnings = await PlansOnAsync(server, storedName, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<WhmPackage> listed = await PackageInventory.ReadAsync(client, cancellationToken).ConfigureAwait(false);
            if (Find(listed, storedName) is null)
            {
                return await FinishAsync(server, client, storedName, null, null, warnings, listed, cancellationToken).ConfigureAwait(false);
            }

            var change = new ServerChange<WhmCallResult>(
                WhmFunctions.DeletePackage,
                new Dictionary<string, string?> { ["pkgname"] = storedName },
                (c, ct) => c.DeletePackageAsync(storedName, ct),
                async (c, ct) => Find(await PackageInventory.ReadAsync(c, ct).ConfigureAwait(false), storedName) is null)
            {
                // "does not exist": someone removed it between the read and the call.
                CheckServerWhen = failure => failure.Kind == FailureKind.NotFound,
            };

            ServerChangeOutcome<WhmCallResult> outcome;
            try
            {
                outcome = await context.Journal.RunAsync(client, server, null, null, change, cancellationToken).ConfigureAwait(false);
            }
            catch (WhmCallFailedException refused) when (InUseReason.IsMatch(ReasonClassifier.Normalize(refused.Reason)))
            {
                throw new PackageInUseException(
                    $"Server '{server.Name}' refuses to remove package '{storedName}' because accounts on the server still use it, although billing knows none: "
                    + $"the server has accounts billing does not track. Find them in WHM (List Accounts, by package), move them to another package, then try again. Server said: {refused.Reason}",
                    storedName,
                    refused);
            }

            return await FinishAsync(server, client, storedName, null, JournaledChange.Of(WhmFunctions.DeletePackage, outcome), warnings, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Brings billing's packages in line with the server (read again after a change; as just read when nothing was
    /// sent), then completes the journal entry: billing first, so a failure in between leaves the entry pending for
    /// repair instead of claiming a billing state that was never written.
    /// </summary>
    private async Task<PackageChangeResult> FinishAsync(
        BillingServer server,
        IWhmClient client,
        string storedName,
        WhmPackage? asked,
        JournaledChange? outcome,
        List<string> warnings,
        IReadOnlyList<WhmPackage>? unchanged,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<WhmPackage> listed;
        try
        {
            listed = unchanged ?? await PackageInventory.ReadAsync(client, cancellationToken).ConfigureAwait(false);
            await context.Billing.SyncServerPackagesAsync(server.Id, listed, cancellationToken).ConfigureAwait(false);
        }
        catch (CpanelBillingException failure) when (outcome is not null)
        {
            throw new BillingBehindServerException(outcome.Function, server.Name, storedName, outcome.JournalEntryId, failure);
        }

        if (outcome is not null)
        {
            await context.Journal.CompleteAsync(outcome.JournalEntryId).ConfigureAwait(false);
        }

        if (asked is not null && Find(listed, storedName) is { } stored)
        {
            warnings.AddRange(PackageComparison.Differences(asked.Settings, stored.Settings)
                .Select(d => $"Server '{server.Name}' stores {d} for package '{storedName}'."));
        }

        ServerPackage? package = await context.Billing.FindServerPackageAsync(server.Id, storedName, cancellationToken).ConfigureAwait(false);
        return new PackageChangeResult(server, storedName, package, outcome is not null, outcome?.Adopted == true, outcome?.JournalEntryId, warnings);
    }

    private static void RequireHeldAsAsked(BillingServer server, string storedName, WhmPackage asked, WhmPackage existing, Exception? inner)
    {
        if (!PackageComparison.HoldsAsAsked(asked.Settings, existing.Settings))
        {
            throw new PackageAlreadyExistsException(server.Name, storedName, PackageComparison.Differences(asked.Settings, existing.Settings), inner);
        }
    }

    private static async Task<bool> HeldAsAskedAsync(IWhmClient client, string storedName, WhmPackage asked, CancellationToken cancellationToken) =>
        Find(await PackageInventory.ReadAsync(client, cancellationToken).ConfigureAwait(false), storedName) is { } listed
        && PackageComparison.HoldsAsAsked(asked.Settings, listed.Settings);

    private static WhmPackage? Find(IReadOnlyList<WhmPackage> packages, string name) =>
        packages.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    private async Task<IReadOnlyList<Account>> LiveAccountsOnAsync(BillingServer server, string packageName, CancellationToken cancellationToken)
    {
        var accounts = new List<Account>();
        await foreach (Account account in context.Billing.ListAccountsAsync(new Billing.AccountQuery { ServerId = server.Id }, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(account.PackageName, packageName, StringComparison.Ordinal))
            {
                accounts.Add(account);
            }
        }

        return accounts;
    }

    private async Task<List<string>> PlansOnAsync(BillingServer server, string packageName, CancellationToken cancellationToken) =>
        (await context.Billing.ListPlansAsync(cancellationToken).ConfigureAwait(false))
            .Where(plan => plan.Packages.Any(m => m.ServerId == server.Id && string.Equals(m.PackageName, packageName, StringComparison.Ordinal)))
            .Select(plan => $"Plan '{plan.Name}' is carried by package '{packageName}' on server '{server.Name}'; map the plan to another package before opening accounts on it there.")
            .ToList();

    /// <summary>A change sent through the journal, whatever its reply type.</summary>
    private sealed class JournaledChange
    {
        private JournaledChange(string function, long journalEntryId, bool adopted)
        {
            Function = function;
            JournalEntryId = journalEntryId;
            Adopted = adopted;
        }

        public string Function { get; }

        public long JournalEntryId { get; }

        public bool Adopted { get; }

        public static JournaledChange Of<T>(string function, ServerChangeOutcome<T> outcome) => new(function, outcome.JournalEntryId, outcome.Adopted);
    }

    private static IReadOnlyDictionary<string, string?> JournalParameters(WhmPackage package) =>
        package.ToParameters().ToLogView().ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal);
}

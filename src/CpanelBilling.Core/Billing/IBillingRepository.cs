using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Billing;

/// <summary>
/// The billing database: servers and their packages and IPs, plans, customers, domains, accounts, bandwidth, the
/// journal of server calls, and account leases. Every change is one transaction: it happens whole or not at all.
/// Errors are <see cref="CpanelBillingException"/>s (NotFound, AlreadyExists, NoFreeIp, Conflict, Busy, Database).
/// Obtain one with <see cref="BillingDatabase.OpenAsync"/>. Thread-safe: each call uses its own connection.
/// </summary>
public interface IBillingRepository
{
    BillingBackend Backend { get; }

    /// <summary>The schema version of the database.</summary>
    Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default);

    // ---- servers ----

    /// <summary>Adds a server; its name must be new (AlreadyExists).</summary>
    Task<BillingServer> AddServerAsync(string name, ServerSettings settings, CancellationToken cancellationToken = default);

    /// <summary>Replaces the server's settings.</summary>
    Task<BillingServer> UpdateServerAsync(long serverId, ServerSettings settings, CancellationToken cancellationToken = default);

    Task<BillingServer> GetServerAsync(long serverId, CancellationToken cancellationToken = default);

    /// <summary>The server of that name (names compare without regard to case), or null.</summary>
    Task<BillingServer?> FindServerAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<BillingServer>> ListServersAsync(bool includeDisabled = true, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the server and everything billing keeps for it, in one transaction: its packages, IPs, plan
    /// mappings, journal entries, and its accounts with their IPs, leases and bandwidth. Customers and their domains
    /// stay. While the server has accounts that are not deleted this is refused (Conflict, nothing removed) unless
    /// <paramref name="evenWithLiveAccounts"/>. Returns how many accounts (of any status) went with it.
    /// </summary>
    Task<int> RemoveServerAsync(long serverId, bool evenWithLiveAccounts = false, CancellationToken cancellationToken = default);

    // ---- the server's packages and IPs (sync) ----

    /// <summary>
    /// Makes billing's list of the server's packages match <paramref name="packages"/> (what
    /// <see cref="IWhmClient.ListPackagesAsync"/> returned): new ones are added, known ones refreshed, missing ones
    /// marked removed (never dropped). Names compare exactly; a name given twice is refused.
    /// </summary>
    Task<SyncResult> SyncServerPackagesAsync(long serverId, IReadOnlyCollection<WhmPackage> packages, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ServerPackage>> ListServerPackagesAsync(long serverId, bool includeRemoved = false, CancellationToken cancellationToken = default);

    Task<ServerPackage?> FindServerPackageAsync(long serverId, string packageName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes billing's list of the server's addresses match <paramref name="addresses"/> (what listips returned);
    /// missing ones are marked removed. Which account holds which address is left as it is.
    /// </summary>
    Task<SyncResult> SyncServerIpsAsync(long serverId, IReadOnlyCollection<ServerIpDefinition> addresses, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ServerIp>> ListServerIpsAsync(long serverId, bool includeRemoved = false, CancellationToken cancellationToken = default);

    // ---- plans ----

    Task<BillingPlan> AddPlanAsync(string name, bool includesDedicatedIp, CancellationToken cancellationToken = default);

    Task<BillingPlan> GetPlanAsync(long planId, CancellationToken cancellationToken = default);

    Task<BillingPlan?> FindPlanAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<BillingPlan>> ListPlansAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the cPanel package that carries the plan on the server (replacing an earlier one). Replacing it with
    /// another package is refused (<see cref="BillingConflictException"/>, <see cref="BillingErrorIds.PlanHasLiveAccountsOnServer"/>)
    /// while accounts of the plan that are not deleted are on the server: their package in billing would change
    /// without the server's.
    /// </summary>
    Task<BillingPlan> MapPlanToPackageAsync(long planId, long serverId, string packageName, CancellationToken cancellationToken = default);

    /// <summary>The plan mapped to that package on that server (lowest id if several), or null.</summary>
    Task<BillingPlan?> FindPlanForPackageAsync(long serverId, string packageName, CancellationToken cancellationToken = default);

    // ---- customers and domains ----

    Task<Customer> AddCustomerAsync(NewCustomer customer, CancellationToken cancellationToken = default);

    Task<Customer> GetCustomerAsync(long customerId, CancellationToken cancellationToken = default);

    Task<Customer?> FindCustomerAsync(string login, CancellationToken cancellationToken = default);

    /// <summary>Every customer, by login.</summary>
    Task<IReadOnlyList<Customer>> ListCustomersAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a domain to the customer; a domain already owned by anyone is refused (AlreadyExists).</summary>
    Task<Domain> AddDomainAsync(long customerId, string domainName, CancellationToken cancellationToken = default);

    Task<Domain?> FindDomainAsync(string domainName, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Domain>> ListDomainsAsync(long customerId, CancellationToken cancellationToken = default);

    // ---- accounts ----

    /// <summary>
    /// Records a new account: checks server, customer and plan (NotFound; the plan must have a package on the
    /// server), adds the domain to the customer if new, refuses a user name already live on the server or a domain
    /// that already has a live account (AlreadyExists), and takes a free dedicated IP when the plan includes one, its
    /// package on the server has IP=y, or the opening asks (NoFreeIp). All or nothing.
    /// </summary>
    Task<Account> OpenAccountAsync(AccountOpening opening, CancellationToken cancellationToken = default);

    Task<Account> GetAccountAsync(long accountId, CancellationToken cancellationToken = default);

    /// <summary>The live (not deleted) account with that user name on the server, or null.</summary>
    Task<Account?> FindAccountAsync(long serverId, string userName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams accounts in id order, reading rows as the caller consumes them (no whole-table load). Server, customer,
    /// plan and status are applied by the database; user names and domains are narrowed by the database, and wildcard
    /// character sets (<c>[a-c]</c>) are decided after reading. Any number of names: a long list goes out in
    /// statements of at most 500 names each, read side by side and merged in id order, each account once.
    /// </summary>
    IAsyncEnumerable<Account> ListAccountsAsync(AccountQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> user names of live accounts (on the server, when given) that start with
    /// <paramref name="prefix"/> (literally, without regard to case), in name order: for Tab completion.
    /// </summary>
    Task<IReadOnlyList<string>> ListAccountUserNamesAsync(long? serverId, string prefix, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the status. Suspended keeps <paramref name="suspendReason"/>; any other status clears it. Deleted also
    /// releases every IP the account holds. Conflict when the account changed since <paramref name="expectedRowVersion"/>.
    /// </summary>
    Task<Account> SetAccountStatusAsync(long accountId, long expectedRowVersion, AccountStatus status, string? suspendReason = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the account to another plan, which must have a package on the account's server. When the new plan or
    /// package comes with a dedicated IP and the account has none, a free one is taken in the same transaction
    /// (NoFreeIp leaves the plan unchanged). A dedicated IP the account holds is kept either way.
    /// </summary>
    Task<Account> ChangeAccountPlanAsync(long accountId, long expectedRowVersion, long planId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the account's limit overrides (a null limit means "as the package says").</summary>
    Task<Account> SetAccountLimitsAsync(long accountId, long expectedRowVersion, AccountLimits limits, CancellationToken cancellationToken = default);

    // ---- account IPs (itemip) ----

    /// <summary>Gives the account a free dedicated IP of its server, or returns the one it holds (NoFreeIp).</summary>
    Task<AccountIp> AssignDedicatedIpAsync(long accountId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the address the server gave the account (e.g. the shared IP createacct reported). An address unknown
    /// to billing is added to the server as in use.
    /// </summary>
    Task<AccountIp> RecordAccountIpAsync(long accountId, string address, CancellationToken cancellationToken = default);

    /// <summary>Releases every address the account holds; returns how many.</summary>
    Task<int> ReleaseAccountIpsAsync(long accountId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AccountIp>> ListAccountIpsAsync(long accountId, CancellationToken cancellationToken = default);

    // ---- bandwidth ----

    /// <summary>What is recorded for the month, per account of the server (accounts with nothing recorded are absent).</summary>
    Task<IReadOnlyDictionary<long, long>> GetRecordedBandwidthAsync(long serverId, BillingMonth month, CancellationToken cancellationToken = default);

    Task<long> GetRecordedBandwidthForAccountAsync(long accountId, BillingMonth month, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<BandwidthRecord>> ListBandwidthRecordsAsync(long accountId, BillingMonth month, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a reading set-based in one transaction: for every observed account of the server whose month total
    /// exceeds what is recorded, one row with the difference. The difference is computed inside the transaction,
    /// serialized against other recorders, so the same reading (or two overlapping ones) is never counted twice.
    /// Observations of accounts not on the server are ignored. Returns how many accounts got a row.
    /// </summary>
    Task<int> RecordBandwidthAsync(BandwidthReading reading, CancellationToken cancellationToken = default);

    // ---- operation journal ----

    /// <summary>Writes the intent of a server-changing call (Pending, attempt 1) before the call is made.</summary>
    Task<OperationJournalEntry> BeginOperationAsync(OperationIntent intent, CancellationToken cancellationToken = default);

    /// <summary>Counts another attempt of a pending or unknown call (it becomes Pending again).</summary>
    Task<OperationJournalEntry> RecordOperationAttemptAsync(long entryId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the outcome. Only a Pending or Unknown entry takes one (Conflict otherwise); Unknown may later be
    /// resolved to Succeeded or Failed by repair.
    /// </summary>
    Task<OperationJournalEntry> CompleteOperationAsync(long entryId, OperationStatus outcome, string? error = null, CancellationToken cancellationToken = default);

    Task<OperationJournalEntry> GetOperationAsync(long entryId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Now, by the clock that stamps the journal's times: measure an entry's age against this, never against the
    /// caller's own clock. On SQL Server, shared by runbooks on several hosts, it is the database's clock (the entry
    /// may have been written from a host whose clock differs from the reader's); on SQLite, one file on one machine,
    /// the repository's clock (<see cref="BillingRepositoryOptions.UtcNow"/>).
    /// </summary>
    Task<DateTime> GetDatabaseUtcNowAsync(CancellationToken cancellationToken = default);

    /// <summary>Streams journal entries, oldest first.</summary>
    IAsyncEnumerable<OperationJournalEntry> ListOperationsAsync(OperationJournalQuery query, CancellationToken cancellationToken = default);

    // ---- account leases ----

    /// <summary>
    /// Takes the account's lease for <paramref name="duration"/>, atomically: when nobody holds it, when it has
    /// expired, or (renewing) when <paramref name="owner"/> holds it. Busy (<see cref="AccountBusyException"/>)
    /// when another owner holds a live lease. Whose clock decides: on SQL Server, shared by runbooks on several
    /// hosts, the database's (start and expiry are database times, so a host whose clock is off cannot take a live
    /// lease); on SQLite, one file on one machine, the repository's clock (<see cref="BillingRepositoryOptions.UtcNow"/>).
    /// The duration is at most one day.
    /// </summary>
    Task<AccountLease> AcquireAccountLeaseAsync(long accountId, string owner, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up; false when <paramref name="owner"/> did not hold it.</summary>
    Task<bool> ReleaseAccountLeaseAsync(long accountId, string owner, CancellationToken cancellationToken = default);

    Task<AccountLease?> GetAccountLeaseAsync(long accountId, CancellationToken cancellationToken = default);
}

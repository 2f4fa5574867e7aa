using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// The WHM API 1 functions the module uses, on one server as one WHM user. Every method throws a
/// <see cref="WhmApiException"/> subtype on failure and <see cref="System.OperationCanceledException"/> when the
/// caller cancels. Read-only methods may be retried internally; changing methods never are, and when one fails
/// after its request may have reached the server, the exception's MayHaveExecuted is true.
/// </summary>
public interface IWhmClient
{
    WhmEndpoint Endpoint { get; }

    /// <summary>
    /// The TLS certificate the server presented at the latest handshake of this endpoint's pooled connection,
    /// trusted or not (a refused certificate is recorded too, so a failed call can say what was presented); null
    /// before any call has connected.
    /// </summary>
    WhmCertificateInfo? PresentedCertificate { get; }

    /// <summary>version: the cPanel &amp; WHM version, e.g. 11.120.0.16. Also a cheap connection check.</summary>
    Task<string> GetVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>gethostname.</summary>
    Task<string> GetHostnameAsync(CancellationToken cancellationToken = default);

    /// <summary>applist: the functions this user's ACLs allow.</summary>
    Task<IReadOnlyList<string>> ListFunctionsAsync(CancellationToken cancellationToken = default);

    /// <summary>createacct.</summary>
    Task<CreateAccountResult> CreateAccountAsync(CreateAccountRequest request, CancellationToken cancellationToken = default);

    /// <summary>removeacct.</summary>
    Task<WhmCallResult> RemoveAccountAsync(string user, bool keepDns = false, CancellationToken cancellationToken = default);

    /// <summary>suspendacct. Succeeds also when the account is already suspended (the raw output says so).</summary>
    Task<WhmCallResult> SuspendAccountAsync(string user, string? reason = null, bool onlyRootMayUnsuspend = false, bool leaveFtpAccountsEnabled = false, CancellationToken cancellationToken = default);

    /// <summary>unsuspendacct. Succeeds also when the account is not suspended (the raw output says so).</summary>
    Task<WhmCallResult> UnsuspendAccountAsync(string user, CancellationToken cancellationToken = default);

    /// <summary>changepackage.</summary>
    Task<WhmCallResult> ChangePackageAsync(string user, string package, CancellationToken cancellationToken = default);

    /// <summary>modifyacct.</summary>
    Task<ModifyAccountResult> ModifyAccountAsync(ModifyAccountRequest request, CancellationToken cancellationToken = default);

    /// <summary>limitbw: the monthly bandwidth limit in megabytes.</summary>
    Task<BandwidthLimitResult> LimitBandwidthAsync(string user, MegabyteLimit limit, CancellationToken cancellationToken = default);

    /// <summary>editquota: the disk quota in megabytes.</summary>
    Task<WhmCallResult> EditQuotaAsync(string user, MegabyteLimit quota, CancellationToken cancellationToken = default);

    /// <summary>passwd: returns the services whose passwords changed (system, ftp, mail, MySQL …).</summary>
    Task<IReadOnlyList<string>> ChangePasswordAsync(string user, WhmSecret password, bool updateDatabasePassword = true, CancellationToken cancellationToken = default);

    /// <summary>accountsummary by user name; null when the server says the account does not exist.</summary>
    Task<WhmAccount?> GetAccountSummaryAsync(string user, CancellationToken cancellationToken = default);

    /// <summary>accountsummary by main domain; null when the server says no account has it.</summary>
    Task<WhmAccount?> GetAccountSummaryByDomainAsync(string domain, CancellationToken cancellationToken = default);

    /// <summary>listaccts; empty when nothing matches (however the server words that).</summary>
    Task<IReadOnlyList<WhmAccount>> ListAccountsAsync(AccountQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>listpkgs; cPanel lists the creatable packages unless told otherwise.</summary>
    Task<IReadOnlyList<WhmPackage>> ListPackagesAsync(PackageVisibility? visibility = null, CancellationToken cancellationToken = default);

    /// <summary>addpkg; returns the name the server stored (a reseller's packages get the reseller_ prefix).</summary>
    Task<string> AddPackageAsync(WhmPackage package, CancellationToken cancellationToken = default);

    /// <summary>editpkg; creates the package if it does not exist. Returns the stored name.</summary>
    Task<string> EditPackageAsync(WhmPackage package, CancellationToken cancellationToken = default);

    /// <summary>killpkg.</summary>
    Task<WhmCallResult> DeletePackageAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>showbw.</summary>
    Task<BandwidthReport> GetBandwidthAsync(BandwidthQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>listips.</summary>
    Task<IReadOnlyList<WhmIpAddress>> ListIpAddressesAsync(CancellationToken cancellationToken = default);

    /// <summary>setsiteip: move the account to another configured IP address.</summary>
    Task<WhmCallResult> SetSiteIpAsync(string user, string ip, CancellationToken cancellationToken = default);
}

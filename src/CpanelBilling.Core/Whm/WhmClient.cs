using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// The WHM API 1 client for one server and one WHM user. Create it with <see cref="WhmClientFactory"/>, which
/// shares one pooled connection handler per server. Thread-safe.
/// </summary>
public sealed class WhmClient : IWhmClient
{
    private readonly WhmCallExecutor executor;
    private readonly CertificatePinValidator validator;

    internal WhmClient(WhmConnection connection, WhmCredential credential, LoginGate login, WhmClientOptions options, string? pinCommand)
    {
        Endpoint = connection.Endpoint;
        validator = connection.Validator;
        Credential = credential;
        executor = new WhmCallExecutor(connection, credential, login, options, pinCommand);
    }

    public WhmEndpoint Endpoint { get; }

    public WhmCredential Credential { get; }

    public WhmCertificateInfo? PresentedCertificate => validator.LastPresented;

    public override string ToString() => Credential.User + "@" + Endpoint;

    public Task<string> GetVersionAsync(CancellationToken cancellationToken = default) =>
        CallAsync(new WhmCall(WhmFunctions.Version, new WhmParameters()), e => JsonValues.GetRequiredString(e.Data, "version"), cancellationToken);

    public Task<string> GetHostnameAsync(CancellationToken cancellationToken = default) =>
        CallAsync(new WhmCall(WhmFunctions.GetHostname, new WhmParameters()), e => JsonValues.GetRequiredString(e.Data, "hostname"), cancellationToken);

    public Task<IReadOnlyList<string>> ListFunctionsAsync(CancellationToken cancellationToken = default) =>
        CallAsync(new WhmCall(WhmFunctions.AppList, new WhmParameters()), e => JsonValues.GetStringList(e.Data, "app"), cancellationToken);

    public Task<CreateAccountResult> CreateAccountAsync(CreateAccountRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(
            new WhmCall(WhmFunctions.CreateAccount, NotNull(request, nameof(request)).ToParameters(), request.Username),
            CreateAccountResult.FromEnvelope,
            cancellationToken);

    public Task<WhmCallResult> RemoveAccountAsync(string user, bool keepDns = false, CancellationToken cancellationToken = default) =>
        CallWithoutDataAsync(
            new WhmCall(WhmFunctions.RemoveAccount, new WhmParameters().Add("username", Required(user, nameof(user))).Add("keepdns", keepDns), user),
            cancellationToken);

    public Task<WhmCallResult> SuspendAccountAsync(
        string user, string? reason = null, bool onlyRootMayUnsuspend = false, bool leaveFtpAccountsEnabled = false, CancellationToken cancellationToken = default) =>
        CallWithoutDataAsync(
            new WhmCall(
                WhmFunctions.SuspendAccount,
                new WhmParameters()
                    .Add("user", Required(user, nameof(user)))
                    .Add("reason", string.IsNullOrEmpty(reason) ? null : reason)
                    .Add("disallowun", onlyRootMayUnsuspend)
                    .Add("leave-ftp-accts-enabled", leaveFtpAccountsEnabled),
                user),
            cancellationToken);

    public Task<WhmCallResult> UnsuspendAccountAsync(string user, CancellationToken cancellationToken = default) =>
        CallWithoutDataAsync(
            new WhmCall(WhmFunctions.UnsuspendAccount, new WhmParameters().Add("user", Required(user, nameof(user))), user),
            cancellationToken);

    public Task<WhmCallResult> ChangePackageAsync(string user, string package, CancellationToken cancellationToken = default) =>
        CallWithoutDataAsync(
            new WhmCall(
                WhmFunctions.ChangePackage,
                new WhmParameters().Add("user", Required(user, nameof(user))).Add("pkg", Required(package, nameof(package))),
                user),
            cancellationToken);

    public Task<ModifyAccountResult> ModifyAccountAsync(ModifyAccountRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(
            new WhmCall(WhmFunctions.ModifyAccount, NotNull(request, nameof(request)).ToParameters(), request.User),
            ModifyAccountResult.FromEnvelope,
            cancellationToken);

    public Task<BandwidthLimitResult> LimitBandwidthAsync(string user, MegabyteLimit limit, CancellationToken cancellationToken = default) =>
        CallAsync(
            new WhmCall(WhmFunctions.LimitBandwidth, new WhmParameters().Add("user", Required(user, nameof(user))).Add("bwlimit", limit), user),
            BandwidthLimitResult.FromEnvelope,
            cancellationToken);

    public Task<WhmCallResult> EditQuotaAsync(string user, MegabyteLimit quota, CancellationToken cancellationToken = default) =>
        CallWithoutDataAsync(
            new WhmCall(WhmFunctions.EditQuota, new WhmParameters().Add("user", Required(user, nameof(user))).Add("quota", quota), user),
            cancellationToken);

    public Task<IReadOnlyList<string>> ChangePasswordAsync(string user, WhmSecret password, bool updateDatabasePassword = true, CancellationToken cancellationToken = default) =>
        CallAsync(
            new WhmCall(
                WhmFunctions.ChangePassword,
                new WhmParameters()
                    .Add("user", Required(user, nameof(user)))
                    .AddSecret("password", NotNull(password, nameof(password)))
                    .Add("db_pass_update", updateDatabasePassword),
                user),
            e => JsonValues.GetStringList(e.Data, "app"),
            cancellationToken);

    public Task<WhmAccount?> GetAccountSummaryAsync(string user, CancellationToken cancellationToken = default) =>
        GetAccountSummaryAsync(new WhmParameters().Add("user", Required(user, nameof(user))), user, cancellationToken);

    public Task<WhmAccount?> GetAccountSummaryByDomainAsync(string domain, CancellationToken cancellationToken = default) =>
        GetAccountSummaryAsync(new WhmParameters().Add("domain", Required(domain, nameof(domain))), domain, cancellationToken);

    public Task<IReadOnlyList<WhmAccount>> ListAccountsAsync(AccountQuery? query = null, CancellationToken cancellationToken = default) =>
        executor.ExecuteAsync<IReadOnlyList<WhmAccount>>(
            new WhmCall(WhmFunctions.ListAccounts, (query ?? new AccountQuery()).ToParameters(), query?.Search),
            (envelope, info) =>
            {
                // An exact search for a missing user answers result 0 "No accounts found."; that is an empty list.
                if (!envelope.Succeeded && ReasonClassifier.Classify(envelope.Reason) == FailureKind.NotFound)
                {
                    return Array.Empty<WhmAccount>();
                }

                WhmCallExecutor.EnsureSucceeded(envelope, info);
                // No matches: no data at all on most servers, data.acct [] on some.
                return JsonValues.GetObjects(envelope.Data, "acct").Select(WhmAccount.FromJson).ToList();
            },
            cancellationToken);

    public Task<IReadOnlyList<WhmPackage>> ListPackagesAsync(PackageVisibility? visibility = null, CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<WhmPackage>>(
            new WhmCall(WhmFunctions.ListPackages, new WhmParameters().Add("want", visibility.ToWire())),
            e => JsonValues.GetObjects(e.Data, "pkg").Select(WhmPackage.FromJson).ToList(),
            cancellationToken);

    public Task<string> AddPackageAsync(WhmPackage package, CancellationToken cancellationToken = default) =>
        CallAsync(
            new WhmCall(WhmFunctions.AddPackage, NotNull(package, nameof(package)).ToParameters(), package.Name),
            e => JsonValues.GetString(e.Data, "pkg") ?? package.Name,
            cancellationToken);

    public Task<string> EditPackageAsync(WhmPackage package, CancellationToken cancellationToken = default) =>
        CallAsync(
            new WhmCall(WhmFunctions.EditPackage, NotNull(package, nameof(package)).ToParameters(), package.Name),
            e => JsonValues.GetString(e.Data, "pkg") ?? package.Name,
            cancellationToken);

    public Task<WhmCallResult> DeletePackageAsync(string name, CancellationToken cancellationToken = default) =>
        CallWithoutDataAsync(
            new WhmCall(WhmFunctions.DeletePackage, new WhmParameters().Add("pkgname", Required(name, nameof(name))), name),
            cancellationToken);

    public Task<BandwidthReport> GetBandwidthAsync(BandwidthQuery? query = null, CancellationToken cancellationToken = default) =>
        CallAsync(
            new WhmCall(WhmFunctions.ShowBandwidth, (query ?? new BandwidthQuery()).ToParameters(), query?.Search),
            e => BandwidthReport.FromJson(e.Data),
            cancellationToken);

    public Task<IReadOnlyList<WhmIpAddress>> ListIpAddressesAsync(CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<WhmIpAddress>>(
            new WhmCall(WhmFunctions.ListIps, new WhmParameters()),
            e => JsonValues.GetObjects(e.Data, "ip").Select(WhmIpAddress.FromJson).ToList(),
            cancellationToken);

    public Task<WhmCallResult> SetSiteIpAsync(string user, string ip, CancellationToken cancellationToken = default) =>
        CallWithoutDataAsync(
            new WhmCall(WhmFunctions.SetSiteIp, new WhmParameters().Add("user", Required(user, nameof(user))).Add("ip", Required(ip, nameof(ip))), user),
            cancellationToken);

    private Task<WhmAccount?> GetAccountSummaryAsync(WhmParameters parameters, string target, CancellationToken cancellationToken) =>
        executor.ExecuteAsync(
            new WhmCall(WhmFunctions.AccountSummary, parameters, target),
            (envelope, info) =>
            {
                // Not found is result 0 "Account does not exist." with data.acct null.
                if (!envelope.Succeeded && ReasonClassifier.Classify(envelope.Reason) == FailureKind.NotFound)
                {
                    return null;
                }

                WhmCallExecutor.EnsureSucceeded(envelope, info);
                return JsonValues.GetObjects(envelope.Data, "acct").Select(WhmAccount.FromJson).FirstOrDefault();
            },
            cancellationToken);

    /// <summary>A call whose result 0 is a failure and whose success value comes from the envelope.</summary>
    private Task<T> CallAsync<T>(WhmCall call, Func<WhmEnvelope, T> map, CancellationToken cancellationToken) =>
        executor.ExecuteAsync(
            call,
            (envelope, info) =>
            {
                WhmCallExecutor.EnsureSucceeded(envelope, info);
                return map(envelope);
            },
            cancellationToken);

    private Task<WhmCallResult> CallWithoutDataAsync(WhmCall call, CancellationToken cancellationToken) =>
        CallAsync(call, envelope => new WhmCallResult(call.Function, envelope), cancellationToken);

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("The value must not be empty.", name) : value;

    private static T NotNull<T>(T value, string name)
        where T : class => value ?? throw new ArgumentNullException(name);
}

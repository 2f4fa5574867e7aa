using System.Collections.Generic;
using System.Text.Json;
using CpanelBilling.Core.Billing.Sql;

namespace CpanelBilling.Core.Billing;

/// <summary>Builds model objects from rows of the repository's SELECTs (column names as in the statements).</summary>
internal static class RowMappers
{
    public static BillingServer Server(RowReader r)
    {
        var settings = new ServerSettings
        {
            HostName = r.String("host_name"),
            Port = r.Int32("port"),
            WhmUser = r.String("whm_user"),
            TokenVault = r.StringOrNull("token_vault"),
            TokenSecretName = r.String("token_secret"),
            PinnedCertificateThumbprint = r.StringOrNull("cert_thumbprint"),
            MaxConcurrentRequests = r.Int32("max_concurrent_requests"),
            MaxConcurrentAccountLifecycleCalls = r.Int32("max_concurrent_account_lifecycle_calls"),
            Enabled = r.Bool("enabled"),
        };
        return new BillingServer(r.Int64("id"), r.String("name"), settings, r.Utc("created_utc"), r.Utc("changed_utc"));
    }

    public static ServerPackage Package(RowReader r)
    {
        // other_attributes holds listpkgs keys (see BillingRepository.BindPackage); the columns fill the rest.
        PackageSettings settings = PackageSettings.FromListPkgs(JsonText.ReadMap(r.StringOrNull("other_attributes")));
        settings.Quota = r.Megabytes("quota_mb");
        settings.BandwidthLimit = r.Megabytes("bwlimit_mb");
        settings.MaxPop = r.Count("max_pop");
        settings.MaxSql = r.Count("max_sql");
        settings.MaxFtp = r.Count("max_ftp");
        settings.MaxLists = r.Count("max_lst");
        settings.MaxSubdomains = r.Count("max_sub");
        settings.MaxParked = r.Count("max_park");
        settings.MaxAddons = r.Count("max_addon");
        settings.MaxEmailPerHour = r.Count("max_email_per_hour");
        settings.MaxDeferFailPercentage = r.Count("max_defer_fail_percentage");
        settings.MaxEmailAccountQuota = r.Megabytes("max_emailacct_quota_mb");
        settings.MaxPassengerApps = r.Count("max_passenger_apps");
        settings.MaxTeamUsers = r.Int32OrNull("max_team_users");
        settings.DedicatedIp = r.Bool("dedicated_ip");
        settings.Cgi = r.BoolOrNull("cgi");
        settings.HasShell = r.BoolOrNull("has_shell");
        settings.DigestAuth = r.BoolOrNull("digest_auth");
        settings.FeatureList = r.StringOrNull("feature_list");
        settings.Theme = r.StringOrNull("cp_mod");
        settings.Language = r.StringOrNull("lang");
        return new ServerPackage(
            r.Int64("id"), r.Int64("server_id"), r.String("name"), settings,
            r.Utc("first_seen_utc"), r.Utc("last_seen_utc"), r.UtcOrNull("removed_utc"));
    }

    public static BillingPlan Plan(RowReader r, IReadOnlyList<PlanPackage> packages) =>
        new BillingPlan(r.Int64("id"), r.String("name"), r.Bool("includes_dedicated_ip"), r.Utc("created_utc"), packages);

    public static KeyValuePair<long, PlanPackage> PlanPackage(RowReader r) =>
        new KeyValuePair<long, PlanPackage>(
            r.Int64("plan_id"),
            new PlanPackage(r.Int64("server_id"), r.String("server_name"), r.String("package_name")));

    public static Customer Customer(RowReader r) =>
        new Customer(r.Int64("id"), r.String("login"), r.StringOrNull("display_name"), r.StringOrNull("email"), r.Utc("created_utc"));

    public static Domain Domain(RowReader r) =>
        new Domain(r.Int64("id"), r.Int64("customer_id"), r.String("name"), r.Utc("created_utc"));

    public static Account Account(RowReader r)
    {
        string? dedicatedIp = r.StringOrNull("dedicated_ip");
        return new Account
        {
            Id = r.Int64("id"),
            CustomerId = r.Int64("customer_id"),
            CustomerLogin = r.String("customer_login"),
            ServerId = r.Int64("server_id"),
            ServerName = r.String("server_name"),
            DomainId = r.Int64("domain_id"),
            DomainName = r.String("domain_name"),
            PlanId = r.Int64("plan_id"),
            PlanName = r.String("plan_name"),
            PackageName = r.StringOrNull("package_name"),
            UserName = r.String("user_name"),
            Status = (AccountStatus)r.Int32("status"),
            SuspendReason = r.StringOrNull("suspend_reason"),
            WantsDedicatedIp = r.Bool("wants_dedicated_ip"),
            DedicatedIp = dedicatedIp,
            IpAddress = dedicatedIp ?? r.StringOrNull("shared_ip"),
            Limits = new AccountLimits
            {
                Bandwidth = r.Megabytes("bandwidth_limit_mb"),
                Disk = r.Megabytes("disk_limit_mb"),
                EmailAccounts = r.Count("email_accounts_limit"),
                Databases = r.Count("databases_limit"),
                AddonDomains = r.Count("addon_domains_limit"),
            },
            CreatedUtc = r.Utc("created_utc"),
            ChangedUtc = r.Utc("changed_utc"),
            RowVersion = r.Int64("row_version"),
        };
    }

    public static ServerIp ServerIp(RowReader r) =>
        new ServerIp(
            r.Int64("id"),
            r.Int64("server_id"),
            new ServerIpDefinition
            {
                Address = r.String("address"),
                IsDedicated = r.Bool("is_dedicated"),
                IsMain = r.Bool("is_main"),
                IsUsed = r.Bool("used_on_server"),
            },
            r.Int64OrNull("dedicated_to"),
            r.Utc("first_seen_utc"),
            r.Utc("last_seen_utc"),
            r.UtcOrNull("removed_utc"));

    public static AccountIp AccountIp(RowReader r) =>
        new AccountIp(r.Int64("account_id"), r.Int64("server_ip_id"), r.String("address"), r.Bool("is_dedicated"), r.Utc("assigned_utc"));

    public static BandwidthRecord BandwidthRecord(RowReader r) =>
        new BandwidthRecord(
            r.Int64("id"), r.Int64("account_id"), r.Int64("server_id"), BillingMonth.FromPeriod(r.Int32("period")),
            r.Int64("delta_bytes"), r.Int64("server_total_bytes"), r.Utc("read_utc"), r.Utc("recorded_utc"));

    public static OperationJournalEntry JournalEntry(RowReader r) =>
        new OperationJournalEntry
        {
            Id = r.Int64("id"),
            ServerId = r.Int64("server_id"),
            AccountId = r.Int64OrNull("account_id"),
            UserName = r.StringOrNull("user_name"),
            Function = r.String("function_name"),
            Parameters = JsonText.ReadMap(r.StringOrNull("parameters")),
            Actor = r.StringOrNull("actor"),
            Status = (OperationStatus)r.Int32("status"),
            Attempts = r.Int32("attempts"),
            CreatedUtc = r.Utc("created_utc"),
            ChangedUtc = r.Utc("changed_utc"),
            CompletedUtc = r.UtcOrNull("completed_utc"),
            Error = r.StringOrNull("error"),
        };

    public static AccountLease Lease(RowReader r) =>
        new AccountLease(r.Int64("account_id"), r.String("owner"), r.Utc("acquired_utc"), r.Utc("expires_utc"));
}

/// <summary>String maps stored as JSON text (package attributes, journal parameters).</summary>
internal static class JsonText
{
    public static string? WriteMap(IReadOnlyDictionary<string, string?> map) =>
        map.Count == 0 ? null : JsonSerializer.Serialize(map);

    public static IReadOnlyDictionary<string, string?> ReadMap(string? json) =>
        string.IsNullOrEmpty(json)
            ? new Dictionary<string, string?>()
            : JsonSerializer.Deserialize<Dictionary<string, string?>>(json!) ?? new Dictionary<string, string?>();
}

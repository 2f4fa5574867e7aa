using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace CpanelBilling.Core.Billing.Sql;

/// <summary>
/// Every SQL statement the repository runs, as text. Statements that read the same on both backends are built here
/// from a few dialect fragments; the rest are abstract and written out by each dialect. Listings are built per
/// shape (which filters are set) by <see cref="SelectAccounts"/> and <see cref="SelectJournalEntries"/>. The
/// repository runs only these texts (plus SQLite's batched bandwidth insert), so <see cref="All"/> is the complete
/// list a test can check: every public string property, and the listing of every shape.
/// </summary>
internal abstract class BillingStatements
{
    // Columns of the package settings, in the order BillingRepository.BindPackage binds them.
    internal static readonly string[] PackageValueColumns =
    {
        "quota_mb", "bwlimit_mb", "max_pop", "max_sql", "max_ftp", "max_lst", "max_sub", "max_park", "max_addon",
        "max_email_per_hour", "max_defer_fail_percentage", "max_emailacct_quota_mb", "max_passenger_apps", "max_team_users", "dedicated_ip", "cgi", "has_shell",
        "digest_auth", "feature_list", "cp_mod", "lang", "other_attributes", "last_seen_utc", "removed_utc",
    };

    internal static readonly string[] IpValueColumns = { "is_dedicated", "is_main", "used_on_server", "last_seen_utc", "removed_utc" };

    private const string ServerColumns =
        "id, name, host_name, port, whm_user, token_vault, token_secret, cert_thumbprint, max_concurrent_requests, " +
        "max_concurrent_account_lifecycle_calls, enabled, created_utc, changed_utc";

    private const string PackageColumns =
        "id, server_id, name, quota_mb, bwlimit_mb, max_pop, max_sql, max_ftp, max_lst, max_sub, max_park, max_addon, " +
        "max_email_per_hour, max_defer_fail_percentage, max_emailacct_quota_mb, max_passenger_apps, max_team_users, dedicated_ip, cgi, " +
        "has_shell, digest_auth, " +
        "feature_list, cp_mod, lang, other_attributes, first_seen_utc, last_seen_utc, removed_utc";

    private const string JournalColumns =
        "id, server_id, account_id, user_name, function_name, parameters, actor, status, attempts, created_utc, changed_utc, completed_utc, error";

    private const string AccountUpdateCondition = "id = @account_id AND ";

    private static readonly string LikeEscapeClause = $" ESCAPE '{NamePattern.LikeEscape}'";

    private readonly DialectFragments _f;
    private readonly string _accountSelect;

    protected BillingStatements(DialectFragments f)
    {
        _f = f;
        SelectSchemaVersion = "SELECT MAX(version) FROM schema_version";
        InsertSchemaVersion = "INSERT INTO schema_version (version, description, applied_utc) VALUES (@version, @description, @applied_utc)";

        InsertServer = f.InsertReturningId(
            "servers",
            "name, host_name, port, whm_user, token_vault, token_secret, cert_thumbprint, max_concurrent_requests, max_concurrent_account_lifecycle_calls, enabled, created_utc, changed_utc",
            $"@name, @host_name, @port, @whm_user, @token_vault, @token_secret, @cert_thumbprint, @max_concurrent_requests, @max_concurrent_account_lifecycle_calls, @enabled, {f.CurrentUtc}, {f.CurrentUtc}");
        // A server's changed time orders versions of its settings (the per-server throttle keeps the newest it saw), so
        // it comes from the database's clock, not from whichever host made the change.
        UpdateServer =
            "UPDATE servers SET host_name = @host_name, port = @port, whm_user = @whm_user, token_vault = @token_vault, " +
            "token_secret = @token_secret, cert_thumbprint = @cert_thumbprint, max_concurrent_requests = @max_concurrent_requests, " +
            $"max_concurrent_account_lifecycle_calls = @max_concurrent_account_lifecycle_calls, enabled = @enabled, changed_utc = {f.CurrentUtc} WHERE id = @server_id";
        SelectServerById = $"SELECT {ServerColumns} FROM servers WHERE id = @server_id";
        SelectServerByName = $"SELECT {ServerColumns} FROM servers WHERE name = @name";
        SelectServers = $"SELECT {ServerColumns} FROM servers WHERE (@include_disabled = 1 OR enabled = 1) ORDER BY name";
        // Locked to the end of the transaction, so no account can be opened on the server between the count and the removal.
        CountServerLiveAccounts = $"SELECT COUNT(*) FROM accounts{f.LockRangeHint} WHERE server_id = @server_id AND status <> 4";
        CountServerAccounts = "SELECT COUNT(*) FROM accounts WHERE server_id = @server_id";

        // Removing a server: children first, so foreign keys hold at every step.
        const string ServerAccountIds = "(SELECT id FROM accounts WHERE server_id = @server_id)";
        DeleteServerLeases = $"DELETE FROM account_leases WHERE account_id IN {ServerAccountIds}";
        DeleteServerJournal = $"DELETE FROM operation_journal WHERE server_id = @server_id OR account_id IN {ServerAccountIds}";
        DeleteServerBandwidth = $"DELETE FROM bandwidth_records WHERE server_id = @server_id OR account_id IN {ServerAccountIds}";
        DeleteServerItemIps =
            $"DELETE FROM itemip WHERE account_id IN {ServerAccountIds} " +
            "OR server_ip_id IN (SELECT id FROM server_ips WHERE server_id = @server_id)";
        DeleteServerAccounts = "DELETE FROM accounts WHERE server_id = @server_id";
        DeleteServerIps = "DELETE FROM server_ips WHERE server_id = @server_id";
        DeleteServerPlanPackages = "DELETE FROM plan_packages WHERE server_id = @server_id";
        DeleteServerPackages = "DELETE FROM server_packages WHERE server_id = @server_id";
        DeleteServer = "DELETE FROM servers WHERE id = @server_id";

        SelectServerPackages = $"SELECT {PackageColumns} FROM server_packages WHERE server_id = @server_id AND (@include_removed = 1 OR removed_utc IS NULL) ORDER BY name";
        SelectServerPackageByName = $"SELECT {PackageColumns} FROM server_packages WHERE server_id = @server_id AND name = @name";
        UpsertServerPackage = f.Upsert("server_packages", new[] { "server_id", "name" }, PackageValueColumns, new[] { "first_seen_utc" });
        MarkServerPackageRemoved = "UPDATE server_packages SET removed_utc = @now WHERE id = @package_id";

        InsertPlan = f.InsertReturningId("plans", "name, includes_dedicated_ip, created_utc", "@name, @includes_dedicated_ip, @now");
        SelectPlanById = "SELECT id, name, includes_dedicated_ip, created_utc FROM plans WHERE id = @plan_id";
        SelectPlanByName = "SELECT id, name, includes_dedicated_ip, created_utc FROM plans WHERE name = @name";
        SelectPlans = "SELECT id, name, includes_dedicated_ip, created_utc FROM plans ORDER BY name";
        SelectPlanPackages =
            "SELECT pp.plan_id, pp.server_id, s.name AS server_name, pp.package_name FROM plan_packages pp " +
            "JOIN servers s ON s.id = pp.server_id WHERE (@plan_id IS NULL OR pp.plan_id = @plan_id) ORDER BY s.name";
        SelectPlanPackageName = "SELECT package_name FROM plan_packages WHERE plan_id = @plan_id AND server_id = @server_id";
        SelectPlanIdByPackage = "SELECT plan_id FROM plan_packages WHERE server_id = @server_id AND package_name = @package_name ORDER BY plan_id";
        // Locked to the end of the transaction, so no account can be opened on the plan there between the count and the re-mapping.
        CountPlanLiveAccountsOnServer = $"SELECT COUNT(*) FROM accounts{f.LockRangeHint} WHERE plan_id = @plan_id AND server_id = @server_id AND status <> 4";
        UpsertPlanPackage = f.Upsert("plan_packages", new[] { "plan_id", "server_id" }, new[] { "package_name" }, new string[0]);

        InsertCustomer = f.InsertReturningId("customers", "login, display_name, email, created_utc", "@login, @display_name, @email, @now");
        SelectCustomerById = "SELECT id, login, display_name, email, created_utc FROM customers WHERE id = @customer_id";
        SelectCustomerByLogin = "SELECT id, login, display_name, email, created_utc FROM customers WHERE login = @login";
        SelectCustomers = "SELECT id, login, display_name, email, created_utc FROM customers ORDER BY login";

        InsertDomain = f.InsertReturningId("domains", "customer_id, name, created_utc", "@customer_id, @name, @now");
        SelectDomainByName = "SELECT id, customer_id, name, created_utc FROM domains WHERE name = @name";
        SelectDomainsByCustomer = "SELECT id, customer_id, name, created_utc FROM domains WHERE customer_id = @customer_id ORDER BY name";

        _accountSelect =
            "SELECT a.id, a.customer_id, c.login AS customer_login, a.server_id, s.name AS server_name, a.domain_id, " +
            "d.name AS domain_name, a.plan_id, p.name AS plan_name, pp.package_name, a.user_name, a.status, a.suspend_reason, " +
            "a.wants_dedicated_ip, a.bandwidth_limit_mb, a.disk_limit_mb, a.email_accounts_limit, a.databases_limit, " +
            $"a.addon_domains_limit, a.created_utc, a.changed_utc, {f.RowVersionRead("a")} AS row_version, " +
            "(SELECT MIN(ip.address) FROM itemip i JOIN server_ips ip ON ip.id = i.server_ip_id WHERE i.account_id = a.id AND i.is_dedicated = 1) AS dedicated_ip, " +
            "(SELECT MIN(ip.address) FROM itemip i JOIN server_ips ip ON ip.id = i.server_ip_id WHERE i.account_id = a.id AND i.is_dedicated = 0) AS shared_ip " +
            "FROM accounts a JOIN customers c ON c.id = a.customer_id JOIN servers s ON s.id = a.server_id " +
            "JOIN domains d ON d.id = a.domain_id JOIN plans p ON p.id = a.plan_id " +
            "LEFT JOIN plan_packages pp ON pp.plan_id = a.plan_id AND pp.server_id = a.server_id ";
        SelectAccountById = _accountSelect + "WHERE a.id = @account_id";
        SelectLiveAccountByUser = _accountSelect + "WHERE a.server_id = @server_id AND a.user_name = @user_name AND a.status <> 4";
        const string LiveUserNames = "SELECT DISTINCT {0}user_name FROM accounts WHERE status <> 4 {1}AND user_name LIKE @prefix{2} ORDER BY user_name{3}";
        SelectLiveUserNamesByPrefix = string.Format(
            System.Globalization.CultureInfo.InvariantCulture, LiveUserNames, f.Top("@limit"), "", LikeEscapeClause, f.Limit("@limit"));
        SelectServerLiveUserNamesByPrefix = string.Format(
            System.Globalization.CultureInfo.InvariantCulture, LiveUserNames, f.Top("@limit"), "AND server_id = @server_id ", LikeEscapeClause, f.Limit("@limit"));
        SelectAccountExists = "SELECT COUNT(*) FROM accounts WHERE id = @account_id";
        SelectLiveAccountIdByUser = $"SELECT id FROM accounts{f.LockRangeHint} WHERE server_id = @server_id AND user_name = @user_name AND status <> 4";
        SelectLiveAccountIdByDomain = $"SELECT id FROM accounts{f.LockRangeHint} WHERE domain_id = @domain_id AND status <> 4";
        InsertAccount = f.InsertReturningId(
            "accounts",
            "customer_id, server_id, domain_id, plan_id, user_name, status, suspend_reason, wants_dedicated_ip, bandwidth_limit_mb, " +
            "disk_limit_mb, email_accounts_limit, databases_limit, addon_domains_limit, created_utc, changed_utc",
            "@customer_id, @server_id, @domain_id, @plan_id, @user_name, @status, @suspend_reason, @wants_dedicated_ip, @bandwidth_limit_mb, " +
            "@disk_limit_mb, @email_accounts_limit, @databases_limit, @addon_domains_limit, @now, @now");
        UpdateAccountStatus =
            $"UPDATE accounts SET status = @status, suspend_reason = @suspend_reason, changed_utc = @now{f.RowVersionBump} " +
            $"WHERE {AccountUpdateCondition}{f.RowVersionMatches("@expected_row_version")}";
        UpdateAccountPlan =
            $"UPDATE accounts SET plan_id = @plan_id, changed_utc = @now{f.RowVersionBump} " +
            $"WHERE {AccountUpdateCondition}{f.RowVersionMatches("@expected_row_version")}";
        UpdateAccountLimits =
            "UPDATE accounts SET bandwidth_limit_mb = @bandwidth_limit_mb, disk_limit_mb = @disk_limit_mb, " +
            "email_accounts_limit = @email_accounts_limit, databases_limit = @databases_limit, " +
            $"addon_domains_limit = @addon_domains_limit, changed_utc = @now{f.RowVersionBump} " +
            $"WHERE {AccountUpdateCondition}{f.RowVersionMatches("@expected_row_version")}";

        SelectServerIps =
            "SELECT ip.id, ip.server_id, ip.address, ip.is_dedicated, ip.is_main, ip.used_on_server, ip.first_seen_utc, " +
            "ip.last_seen_utc, ip.removed_utc, " +
            "(SELECT i.account_id FROM itemip i WHERE i.server_ip_id = ip.id AND i.is_dedicated = 1) AS dedicated_to " +
            "FROM server_ips ip WHERE ip.server_id = @server_id AND (@include_removed = 1 OR ip.removed_utc IS NULL) ORDER BY ip.address";
        SelectServerIpByAddress = "SELECT id, is_dedicated FROM server_ips WHERE server_id = @server_id AND address = @address";
        UpsertServerIp = f.Upsert("server_ips", new[] { "server_id", "address" }, IpValueColumns, new[] { "first_seen_utc" });
        MarkServerIpRemoved = "UPDATE server_ips SET removed_utc = @now WHERE id = @server_ip_id";
        InsertServerIp = f.InsertReturningId(
            "server_ips",
            "server_id, address, is_dedicated, is_main, used_on_server, first_seen_utc, last_seen_utc",
            "@server_id, @address, @is_dedicated, 0, 1, @now, @now");
        SelectAccountIps =
            "SELECT i.account_id, i.server_ip_id, ip.address, i.is_dedicated, i.assigned_utc FROM itemip i " +
            "JOIN server_ips ip ON ip.id = i.server_ip_id WHERE i.account_id = @account_id ORDER BY i.is_dedicated DESC, ip.address";
        SelectItemIpExists = "SELECT COUNT(*) FROM itemip WHERE account_id = @account_id AND server_ip_id = @server_ip_id";
        InsertItemIp = "INSERT INTO itemip (account_id, server_ip_id, is_dedicated, assigned_utc) VALUES (@account_id, @server_ip_id, @is_dedicated, @now)";
        // The server returns a removed account's dedicated IP to its free pool, so billing may hand it out again.
        FreeAccountDedicatedIps =
            "UPDATE server_ips SET used_on_server = 0 WHERE id IN " +
            "(SELECT i.server_ip_id FROM itemip i WHERE i.account_id = @account_id AND i.is_dedicated = 1)";
        DeleteAccountIps = "DELETE FROM itemip WHERE account_id = @account_id";

        SelectRecordedBandwidthForServer =
            "SELECT b.account_id, SUM(b.delta_bytes) AS recorded_bytes FROM bandwidth_records b JOIN accounts a ON a.id = b.account_id " +
            "WHERE a.server_id = @server_id AND b.period = @period GROUP BY b.account_id";
        SelectRecordedBandwidthForAccount = "SELECT COALESCE(SUM(delta_bytes), 0) FROM bandwidth_records WHERE account_id = @account_id AND period = @period";
        SelectBandwidthRecords =
            "SELECT id, account_id, server_id, period, delta_bytes, server_total_bytes, read_utc, recorded_utc FROM bandwidth_records " +
            "WHERE account_id = @account_id AND period = @period ORDER BY id";

        // The journal's times are stamped by the clock its ages are judged by (f.CurrentUtc, read by SelectCurrentUtc):
        // whether an unanswered call may still be running must not depend on which host wrote the entry or reads it.
        InsertJournalEntry = f.InsertReturningId(
            "operation_journal",
            "server_id, account_id, user_name, function_name, parameters, actor, status, attempts, created_utc, changed_utc",
            $"@server_id, @account_id, @user_name, @function_name, @parameters, @actor, 0, 1, {f.CurrentUtc}, {f.CurrentUtc}");
        SelectJournalEntry = $"SELECT {JournalColumns} FROM operation_journal WHERE id = @entry_id";
        // Only an entry whose outcome is still open (pending or unknown) takes another attempt or an outcome.
        UpdateJournalAttempt =
            $"UPDATE operation_journal SET attempts = attempts + 1, status = 0, changed_utc = {f.CurrentUtc} WHERE id = @entry_id AND status IN (0, 3)";
        // An Unknown outcome is not an end: it leaves completed_utc empty.
        UpdateJournalOutcome =
            $"UPDATE operation_journal SET status = @status, error = @error, changed_utc = {f.CurrentUtc}, " +
            $"completed_utc = CASE WHEN @status = 3 THEN NULL ELSE {f.CurrentUtc} END " +
            "WHERE id = @entry_id AND status IN (0, 3)";
        SelectCurrentUtc = $"SELECT {f.CurrentUtc} AS current_utc";

        SelectLease = "SELECT account_id, owner, acquired_utc, expires_utc FROM account_leases WHERE account_id = @account_id";
        DeleteLease = "DELETE FROM account_leases WHERE account_id = @account_id AND owner = @owner";
    }

    public string SelectSchemaVersion { get; }
    public string InsertSchemaVersion { get; }
    public abstract string CreateSchemaVersionTable { get; }
    public abstract string SelectSchemaVersionTableExists { get; }

    public string InsertServer { get; }
    public string UpdateServer { get; }
    public string SelectServerById { get; }
    public string SelectServerByName { get; }
    public string SelectServers { get; }
    public string CountServerLiveAccounts { get; }
    public string CountServerAccounts { get; }
    public string DeleteServerLeases { get; }
    public string DeleteServerJournal { get; }
    public string DeleteServerBandwidth { get; }
    public string DeleteServerItemIps { get; }
    public string DeleteServerAccounts { get; }
    public string DeleteServerIps { get; }
    public string DeleteServerPlanPackages { get; }
    public string DeleteServerPackages { get; }
    public string DeleteServer { get; }

    public string SelectServerPackages { get; }
    public string SelectServerPackageByName { get; }
    public string UpsertServerPackage { get; }
    public string MarkServerPackageRemoved { get; }

    public string InsertPlan { get; }
    public string SelectPlanById { get; }
    public string SelectPlanByName { get; }
    public string SelectPlans { get; }
    public string SelectPlanPackages { get; }
    public string SelectPlanPackageName { get; }
    public string SelectPlanIdByPackage { get; }
    public string CountPlanLiveAccountsOnServer { get; }
    public string UpsertPlanPackage { get; }

    public string InsertCustomer { get; }
    public string SelectCustomerById { get; }
    public string SelectCustomerByLogin { get; }
    public string SelectCustomers { get; }

    public string InsertDomain { get; }
    public string SelectDomainByName { get; }
    public string SelectDomainsByCustomer { get; }

    public string SelectAccountById { get; }
    public string SelectLiveAccountByUser { get; }
    /// <summary>Live user names that start with <c>@prefix</c> (a LIKE pattern), at most <c>@limit</c>, in name order.</summary>
    public string SelectLiveUserNamesByPrefix { get; }

    /// <summary>As <see cref="SelectLiveUserNamesByPrefix"/>, on the server <c>@server_id</c> only.</summary>
    public string SelectServerLiveUserNamesByPrefix { get; }
    public string SelectAccountExists { get; }
    public string SelectLiveAccountIdByUser { get; }
    public string SelectLiveAccountIdByDomain { get; }
    public string InsertAccount { get; }
    public string UpdateAccountStatus { get; }
    public string UpdateAccountPlan { get; }
    public string UpdateAccountLimits { get; }

    public string SelectServerIps { get; }
    public string SelectServerIpByAddress { get; }
    public string UpsertServerIp { get; }
    public string MarkServerIpRemoved { get; }
    public string InsertServerIp { get; }
    public string SelectAccountIps { get; }
    public string SelectItemIpExists { get; }
    public string InsertItemIp { get; }
    public string FreeAccountDedicatedIps { get; }
    public string DeleteAccountIps { get; }

    /// <summary>Gives the account the first free dedicated IP of the server, atomically; returns its server_ips id.</summary>
    public abstract string TakeFreeDedicatedIp { get; }

    public string SelectRecordedBandwidthForServer { get; }
    public string SelectRecordedBandwidthForAccount { get; }
    public string SelectBandwidthRecords { get; }

    public string InsertJournalEntry { get; }
    public string SelectJournalEntry { get; }
    public string UpdateJournalAttempt { get; }
    public string UpdateJournalOutcome { get; }

    /// <summary>The time by the journal's clock (<see cref="DialectFragments.CurrentUtc"/>) as <c>current_utc</c>; binds <c>@now</c>.</summary>
    public string SelectCurrentUtc { get; }

    /// <summary>
    /// Takes or renews the lease when free, expired or already the caller's; returns the account id when it did,
    /// no row otherwise. Binds @account_id, @owner, and the lease's start and length as both
    /// @now/@expires_utc (the process clock) and @duration_seconds/@duration_milliseconds (for a backend whose own
    /// clock decides).
    /// </summary>
    public abstract string AcquireLease { get; }
    public string SelectLease { get; }
    public string DeleteLease { get; }

    /// <summary>
    /// The accounts of one listing shape, in id order. Parameters: <c>@server_id</c>, <c>@customer_id</c>,
    /// <c>@plan_id</c>, <c>@status</c> as the shape sets them; <c>@user_name0…</c>, <c>@user_like0…</c>,
    /// <c>@domain_name0…</c>, <c>@domain_like0…</c> as <see cref="NameFilter.Bind"/> numbers them.
    /// </summary>
    public string SelectAccounts(AccountListShape shape)
    {
        var conditions = new List<string>();
        AddIf(conditions, shape.Server, "a.server_id = @server_id");
        AddIf(conditions, shape.Customer, "a.customer_id = @customer_id");
        AddIf(conditions, shape.Plan, "a.plan_id = @plan_id");
        AddIf(conditions, shape.Status == AccountStatusFilter.Live, "a.status <> 4");
        AddIf(conditions, shape.Status == AccountStatusFilter.One, "a.status = @status");
        AddIf(conditions, shape.ExactUserNames + shape.UserNamePatterns > 0, NameCondition("a.user_name", "@user_name", "@user_like", shape.ExactUserNames, shape.UserNamePatterns));
        AddIf(conditions, shape.ExactDomains + shape.DomainPatterns > 0, NameCondition("d.name", "@domain_name", "@domain_like", shape.ExactDomains, shape.DomainPatterns));
        return _accountSelect + Where(conditions) + "ORDER BY a.id";
    }

    /// <summary>
    /// The journal entries of one listing shape, oldest first (or newest first), at most <c>@limit</c> when the
    /// shape limits. Parameters: <c>@server_id</c>, <c>@account_id</c>, <c>@status</c>, <c>@user_name</c>, <c>@limit</c>.
    /// </summary>
    public string SelectJournalEntries(JournalListShape shape)
    {
        var conditions = new List<string>();
        AddIf(conditions, shape.Server, "server_id = @server_id");
        AddIf(conditions, shape.Account, "account_id = @account_id");
        AddIf(conditions, shape.Status, "status = @status");
        AddIf(conditions, shape.UserName, "user_name = @user_name" + _f.CaseInsensitive);
        return $"SELECT {(shape.Limit ? _f.Top("@limit") : "")}{JournalColumns} FROM operation_journal " + Where(conditions) +
            $"ORDER BY id{(shape.NewestFirst ? " DESC" : "")}{(shape.Limit ? _f.Limit("@limit") : "")}";
    }

    /// <summary>Every statement by name: each public string property, and each listing shape.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> All() =>
        GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string))
            .Select(p => new KeyValuePair<string, string>(p.Name, (string)p.GetValue(this)!))
            .Concat(AccountListShape.All().Select(s => new KeyValuePair<string, string>(nameof(SelectAccounts) + s, SelectAccounts(s))))
            .Concat(JournalListShape.All().Select(s => new KeyValuePair<string, string>(nameof(SelectJournalEntries) + s, SelectJournalEntries(s))))
            .OrderBy(p => p.Key, System.StringComparer.Ordinal)
            .ToList();

    private static void AddIf(List<string> conditions, bool set, string condition)
    {
        if (set)
        {
            conditions.Add(condition);
        }
    }

    private static string Where(List<string> conditions) => conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions) + " ";

    /// <summary><c>(column IN (@exact0, …) OR column LIKE @like0 ESCAPE '\' OR …)</c> for any mix of the two.</summary>
    private static string NameCondition(string column, string exactPrefix, string likePrefix, int exact, int like)
    {
        var alternatives = new List<string>();
        if (exact == 1)
        {
            alternatives.Add($"{column} = {exactPrefix}0");
        }
        else if (exact > 1)
        {
            alternatives.Add($"{column} IN ({string.Join(", ", Enumerable.Range(0, exact).Select(i => exactPrefix + i))})");
        }

        alternatives.AddRange(Enumerable.Range(0, like).Select(i => $"{column} LIKE {likePrefix}{i}{LikeEscapeClause}"));
        return alternatives.Count == 1 ? alternatives[0] : "(" + string.Join(" OR ", alternatives) + ")";
    }
}

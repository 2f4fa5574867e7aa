using System;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Billing.Sql;
using CpanelBilling.Testing.Billing;
using Xunit;

namespace CpanelBilling.Billing.Tests.Contract;

public abstract partial class BillingRepositoryContract
{
    [BillingFact]
    public async Task A_version_1_database_is_upgraded_in_place_and_keeps_its_data()
    {
        await using ITestBillingDatabase old = await CreateDatabaseAsync();
        SqlDialect dialect = BillingDatabase.CreateDialect(old.Target, TimeSpan.FromSeconds(20));
        Assert.Equal(1, await SchemaMigrator.MigrateAsync(dialect, Start, targetVersion: 1, CancellationToken.None));
        long accountId = await WriteVersion1DataAsync(dialect);

        IBillingRepository upgraded = await old.OpenRepositoryAsync(new BillingRepositoryOptions { UtcNow = Clock.Now });

        Assert.Equal(BillingDatabase.SchemaVersion, await upgraded.GetSchemaVersionAsync());
        Account account = await upgraded.GetAccountAsync(accountId);
        Assert.Equal("olduser", account.UserName);
        Assert.Equal("old1", account.ServerName);
        Assert.Equal("gold", account.PackageName);
        Assert.Equal(AccountStatus.Active, account.Status);
        BillingServer server = await upgraded.GetServerAsync(account.ServerId);
        Assert.Equal(ServerSettings.DefaultMaxConcurrentRequests, server.Settings.MaxConcurrentRequests);
        Assert.Equal(ServerSettings.DefaultMaxConcurrentAccountLifecycleCalls, server.Settings.MaxConcurrentAccountLifecycleCalls);

        // What version 2 added works on the upgraded data.
        await upgraded.AcquireAccountLeaseAsync(accountId, "after-upgrade", TimeSpan.FromMinutes(1));
        OperationJournalEntry entry = await upgraded.BeginOperationAsync(new OperationIntent { ServerId = server.Id, AccountId = accountId, Function = "suspendacct" });
        Assert.Equal(OperationStatus.Pending, entry.Status);
        Account suspended = await upgraded.SetAccountStatusAsync(accountId, account.RowVersion, AccountStatus.Suspended, "after upgrade");
        Assert.NotEqual(account.RowVersion, suspended.RowVersion);
    }

    [BillingFact]
    public async Task Upgrading_moves_the_passenger_app_and_team_user_limits_a_version_3_database_kept_as_text_into_their_columns()
    {
        await using ITestBillingDatabase old = await CreateDatabaseAsync();
        SqlDialect dialect = BillingDatabase.CreateDialect(old.Target, TimeSpan.FromSeconds(20));
        await SchemaMigrator.MigrateAsync(dialect, Start, targetVersion: 3, CancellationToken.None);
        long serverId;
        using (BillingSession session = await dialect.OpenSessionAsync(writeTransaction: true, CancellationToken.None))
        {
            await session.Sql(
                    "INSERT INTO servers (name, host_name, port, whm_user, token_secret, enabled, created_utc, changed_utc) " +
                    "VALUES ('old1', 'old1.example.net', 2087, 'root', 'old1-token', 1, @now, @now)")
                .With("@now", Start).ExecuteAsync(CancellationToken.None);
            serverId = (await session.Sql("SELECT id FROM servers WHERE name = 'old1'").ScalarInt64Async(CancellationToken.None))!.Value;

            // other_attributes as version 3 wrote it: readable values as the module writes them, unreadable ones as the server sent them.
            foreach ((string name, string? attributes) in new[]
            {
                ("gold", """{"FRONTPAGE":"n","MAXPASSENGERAPPS":"4","MAX_TEAM_USERS":"7","_PACKAGE_EXTENSIONS":""}"""),
                ("roomy", """{"MAXPASSENGERAPPS":"unlimited","MAX_TEAM_USERS":"0"}"""),
                ("odd", """{"MAXPASSENGERAPPS":"lots","MAX_TEAM_USERS":"99999999999"}"""),
                ("bare", null),
            })
            {
                await session.Sql(
                        "INSERT INTO server_packages (server_id, name, dedicated_ip, other_attributes, first_seen_utc, last_seen_utc) " +
                        "VALUES (@server_id, @name, 0, @other_attributes, @now, @now)")
                    .With("@server_id", serverId).With("@name", name).With("@other_attributes", attributes).With("@now", Start)
                    .ExecuteAsync(CancellationToken.None);
            }

            await session.CommitAsync(CancellationToken.None);
        }

        IBillingRepository upgraded = await old.OpenRepositoryAsync(new BillingRepositoryOptions { UtcNow = Clock.Now });

        Assert.Equal((4L, 7L), await StoredPackageLimitsAsync(old.Target, serverId, "gold"));
        Assert.Equal((-1L, 0L), await StoredPackageLimitsAsync(old.Target, serverId, "roomy"));
        Assert.Equal((null, null), await StoredPackageLimitsAsync(old.Target, serverId, "odd"));
        Assert.Equal((null, null), await StoredPackageLimitsAsync(old.Target, serverId, "bare"));
        PackageSettings gold = (await upgraded.FindServerPackageAsync(serverId, "gold"))!.Settings;
        Assert.Equal(CountLimit.Of(4), gold.MaxPassengerApps);
        Assert.Equal(7, gold.MaxTeamUsers);
        Assert.False(gold.FrontPage);
        PackageSettings odd = (await upgraded.FindServerPackageAsync(serverId, "odd"))!.Settings;
        Assert.Null(odd.MaxPassengerApps);
        Assert.Equal("lots", odd.OtherSettings["MAXPASSENGERAPPS"]);
        Assert.Equal("99999999999", odd.OtherSettings["MAX_TEAM_USERS"]);
    }

    [BillingFact]
    public async Task Opening_again_leaves_a_current_database_alone()
    {
        IBillingRepository again = await OpenSecondRepositoryAsync();

        Assert.Equal(BillingDatabase.SchemaVersion, await again.GetSchemaVersionAsync());
    }

    [BillingFact]
    public async Task An_outdated_database_is_refused_when_migration_is_off_and_a_newer_one_always()
    {
        await using ITestBillingDatabase old = await CreateDatabaseAsync();
        SqlDialect dialect = BillingDatabase.CreateDialect(old.Target, TimeSpan.FromSeconds(20));
        await SchemaMigrator.MigrateAsync(dialect, Start, targetVersion: 1, CancellationToken.None);

        var outdated = await Assert.ThrowsAsync<BillingDatabaseException>(() => old.OpenRepositoryAsync(new BillingRepositoryOptions { Migrate = false }));
        Assert.Equal(BillingErrorIds.SchemaOutdated, outdated.ErrorId);
        Assert.Equal(FailureKind.Database, outdated.Kind);
        Assert.Equal(1, await SchemaMigrator.GetVersionAsync(dialect, CancellationToken.None));

        using (BillingSession session = await dialect.OpenSessionAsync(writeTransaction: false, CancellationToken.None))
        {
            await session.Sql(dialect.Statements.InsertSchemaVersion)
                .With("@version", 99).With("@description", "from the future").With("@applied_utc", Start)
                .ExecuteAsync(CancellationToken.None);
        }

        var tooNew = await Assert.ThrowsAsync<BillingDatabaseException>(() => old.OpenRepositoryAsync());
        Assert.Equal(BillingErrorIds.SchemaTooNew, tooNew.ErrorId);
    }

    // Rows as a version-1 module wrote them: only version-1 columns, no journal, no leases.
    private static async Task<long> WriteVersion1DataAsync(SqlDialect dialect)
    {
        CancellationToken none = CancellationToken.None;
        using BillingSession session = await dialect.OpenSessionAsync(writeTransaction: true, none);
        await session.Sql(
                "INSERT INTO servers (name, host_name, port, whm_user, token_secret, enabled, created_utc, changed_utc) " +
                "VALUES ('old1', 'old1.example.net', 2087, 'root', 'old1-token', 1, @now, @now)")
            .With("@now", Start).ExecuteAsync(none);
        long serverId = (await session.Sql("SELECT id FROM servers WHERE name = 'old1'").ScalarInt64Async(none))!.Value;
        await session.Sql("INSERT INTO plans (name, includes_dedicated_ip, created_utc) VALUES ('Gold', 0, @now)").With("@now", Start).ExecuteAsync(none);
        long planId = (await session.Sql("SELECT id FROM plans WHERE name = 'Gold'").ScalarInt64Async(none))!.Value;
        await session.Sql("INSERT INTO plan_packages (plan_id, server_id, package_name) VALUES (@plan, @server, 'gold')")
            .With("@plan", planId).With("@server", serverId).ExecuteAsync(none);
        await session.Sql("INSERT INTO customers (login, created_utc) VALUES ('oldcustomer', @now)").With("@now", Start).ExecuteAsync(none);
        long customerId = (await session.Sql("SELECT id FROM customers WHERE login = 'oldcustomer'").ScalarInt64Async(none))!.Value;
        await session.Sql("INSERT INTO domains (customer_id, name, created_utc) VALUES (@customer, 'old.example.com', @now)")
            .With("@customer", customerId).With("@now", Start).ExecuteAsync(none);
        long domainId = (await session.Sql("SELECT id FROM domains WHERE name = 'old.example.com'").ScalarInt64Async(none))!.Value;
        await session.Sql(
                "INSERT INTO accounts (customer_id, server_id, domain_id, plan_id, user_name, status, wants_dedicated_ip, created_utc, changed_utc) " +
                "VALUES (@customer, @server, @domain, @plan, 'olduser', 2, 0, @now, @now)")
            .With("@customer", customerId).With("@server", serverId).With("@domain", domainId).With("@plan", planId).With("@now", Start)
            .ExecuteAsync(none);
        long accountId = (await session.Sql("SELECT id FROM accounts WHERE user_name = 'olduser'").ScalarInt64Async(none))!.Value;
        await session.CommitAsync(none);
        return accountId;
    }
}

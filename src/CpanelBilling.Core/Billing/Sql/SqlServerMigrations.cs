using System.Collections.Generic;

namespace CpanelBilling.Core.Billing.Sql;

/// <summary>
/// The billing schema for SQL Server, version for version the same as <see cref="SqliteMigrations"/>. Objects are
/// created in the connecting user's default schema. Column lengths here are the ones <see cref="ColumnLimits"/>
/// enforces for both backends. Each statement runs as its own command, so no GO separators.
/// </summary>
internal static class SqlServerMigrations
{
    public static IReadOnlyList<Migration> All { get; } = new[]
    {
        new Migration(1, "Billing core: servers, packages, plans, customers, domains, accounts, IPs, bandwidth", new[]
        {
            """
            CREATE TABLE servers (
                id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_servers PRIMARY KEY,
                name NVARCHAR(100) NOT NULL CONSTRAINT uq_servers_name UNIQUE,
                host_name NVARCHAR(255) NOT NULL,
                port INT NOT NULL CONSTRAINT ck_servers_port CHECK (port BETWEEN 1 AND 65535),
                whm_user NVARCHAR(64) NOT NULL,
                token_vault NVARCHAR(128) NULL,
                token_secret NVARCHAR(256) NOT NULL,
                cert_thumbprint NVARCHAR(128) NULL,
                enabled BIT NOT NULL CONSTRAINT df_servers_enabled DEFAULT 1,
                created_utc DATETIME2(7) NOT NULL,
                changed_utc DATETIME2(7) NOT NULL
            );
            """,
            """
            CREATE TABLE server_packages (
                id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_server_packages PRIMARY KEY,
                server_id BIGINT NOT NULL CONSTRAINT fk_server_packages_server REFERENCES servers (id),
                name NVARCHAR(255) NOT NULL,
                quota_mb BIGINT NULL CONSTRAINT ck_server_packages_quota_mb CHECK (quota_mb >= -1),
                bwlimit_mb BIGINT NULL CONSTRAINT ck_server_packages_bwlimit_mb CHECK (bwlimit_mb >= -1),
                max_pop BIGINT NULL CONSTRAINT ck_server_packages_max_pop CHECK (max_pop >= -1),
                max_sql BIGINT NULL CONSTRAINT ck_server_packages_max_sql CHECK (max_sql >= -1),
                max_ftp BIGINT NULL CONSTRAINT ck_server_packages_max_ftp CHECK (max_ftp >= -1),
                max_lst BIGINT NULL CONSTRAINT ck_server_packages_max_lst CHECK (max_lst >= -1),
                max_sub BIGINT NULL CONSTRAINT ck_server_packages_max_sub CHECK (max_sub >= -1),
                max_park BIGINT NULL CONSTRAINT ck_server_packages_max_park CHECK (max_park >= -1),
                max_addon BIGINT NULL CONSTRAINT ck_server_packages_max_addon CHECK (max_addon >= -1),
                max_email_per_hour BIGINT NULL CONSTRAINT ck_server_packages_max_email_per_hour CHECK (max_email_per_hour >= -1),
                max_defer_fail_percentage BIGINT NULL CONSTRAINT ck_server_packages_max_defer_fail_percentage CHECK (max_defer_fail_percentage >= -1),
                max_emailacct_quota_mb BIGINT NULL CONSTRAINT ck_server_packages_max_emailacct_quota_mb CHECK (max_emailacct_quota_mb >= -1),
                dedicated_ip BIT NOT NULL CONSTRAINT df_server_packages_dedicated_ip DEFAULT 0,
                cgi BIT NULL,
                has_shell BIT NULL,
                digest_auth BIT NULL,
                feature_list NVARCHAR(255) NULL,
                cp_mod NVARCHAR(64) NULL,
                lang NVARCHAR(64) NULL,
                other_attributes NVARCHAR(MAX) NULL,
                first_seen_utc DATETIME2(7) NOT NULL,
                last_seen_utc DATETIME2(7) NOT NULL,
                removed_utc DATETIME2(7) NULL,
                CONSTRAINT uq_server_packages_server_name UNIQUE (server_id, name)
            );
            """,
            """
            CREATE TABLE plans (
                id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_plans PRIMARY KEY,
                name NVARCHAR(100) NOT NULL CONSTRAINT uq_plans_name UNIQUE,
                includes_dedicated_ip BIT NOT NULL CONSTRAINT df_plans_includes_dedicated_ip DEFAULT 0,
                created_utc DATETIME2(7) NOT NULL
            );
            """,
            """
            CREATE TABLE plan_packages (
                plan_id BIGINT NOT NULL CONSTRAINT fk_plan_packages_plan REFERENCES plans (id),
                server_id BIGINT NOT NULL CONSTRAINT fk_plan_packages_server REFERENCES servers (id),
                package_name NVARCHAR(255) NOT NULL,
                CONSTRAINT pk_plan_packages PRIMARY KEY (plan_id, server_id)
            );
            """,
            """
            CREATE TABLE customers (
                id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_customers PRIMARY KEY,
                login NVARCHAR(100) NOT NULL CONSTRAINT uq_customers_login UNIQUE,
                display_name NVARCHAR(200) NULL,
                email NVARCHAR(254) NULL,
                created_utc DATETIME2(7) NOT NULL
            );
            """,
            """
            CREATE TABLE domains (
                id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_domains PRIMARY KEY,
                customer_id BIGINT NOT NULL CONSTRAINT fk_domains_customer REFERENCES customers (id),
                name NVARCHAR(254) NOT NULL CONSTRAINT uq_domains_name UNIQUE,
                created_utc DATETIME2(7) NOT NULL
            );
            """,
            "CREATE INDEX ix_domains_customer ON domains (customer_id);",
            """
            CREATE TABLE accounts (
                id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_accounts PRIMARY KEY,
                customer_id BIGINT NOT NULL CONSTRAINT fk_accounts_customer REFERENCES customers (id),
                server_id BIGINT NOT NULL CONSTRAINT fk_accounts_server REFERENCES servers (id),
                domain_id BIGINT NOT NULL CONSTRAINT fk_accounts_domain REFERENCES domains (id),
                plan_id BIGINT NOT NULL CONSTRAINT fk_accounts_plan REFERENCES plans (id),
                user_name NVARCHAR(16) NOT NULL,
                status INT NOT NULL CONSTRAINT ck_accounts_status CHECK (status IN (1, 2, 3, 4)),
                suspend_reason NVARCHAR(1000) NULL,
                wants_dedicated_ip BIT NOT NULL CONSTRAINT df_accounts_wants_dedicated_ip DEFAULT 0,
                bandwidth_limit_mb BIGINT NULL CONSTRAINT ck_accounts_bandwidth_limit_mb CHECK (bandwidth_limit_mb >= -1),
                disk_limit_mb BIGINT NULL CONSTRAINT ck_accounts_disk_limit_mb CHECK (disk_limit_mb >= -1),
                email_accounts_limit BIGINT NULL CONSTRAINT ck_accounts_email_accounts_limit CHECK (email_accounts_limit >= -1),
                databases_limit BIGINT NULL CONSTRAINT ck_accounts_databases_limit CHECK (databases_limit >= -1),
                addon_domains_limit BIGINT NULL CONSTRAINT ck_accounts_addon_domains_limit CHECK (addon_domains_limit >= -1),
                created_utc DATETIME2(7) NOT NULL,
                changed_utc DATETIME2(7) NOT NULL,
                row_version ROWVERSION NOT NULL
            );
            """,
            "CREATE UNIQUE INDEX ux_accounts_server_user ON accounts (server_id, user_name) WHERE status <> 4;",
            "CREATE UNIQUE INDEX ux_accounts_domain ON accounts (domain_id) WHERE status <> 4;",
            "CREATE INDEX ix_accounts_server ON accounts (server_id);",
            "CREATE INDEX ix_accounts_customer ON accounts (customer_id);",
            """
            CREATE TABLE server_ips (
                id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_server_ips PRIMARY KEY,
                server_id BIGINT NOT NULL CONSTRAINT fk_server_ips_server REFERENCES servers (id),
                address NVARCHAR(45) NOT NULL,
                is_dedicated BIT NOT NULL CONSTRAINT df_server_ips_is_dedicated DEFAULT 0,
                is_main BIT NOT NULL CONSTRAINT df_server_ips_is_main DEFAULT 0,
                used_on_server BIT NOT NULL CONSTRAINT df_server_ips_used_on_server DEFAULT 0,
                first_seen_utc DATETIME2(7) NOT NULL,
                last_seen_utc DATETIME2(7) NOT NULL,
                removed_utc DATETIME2(7) NULL,
                CONSTRAINT uq_server_ips_server_address UNIQUE (server_id, address)
            );
            """,
            """
            CREATE TABLE itemip (
                id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_itemip PRIMARY KEY,
                account_id BIGINT NOT NULL CONSTRAINT fk_itemip_account REFERENCES accounts (id),
                server_ip_id BIGINT NOT NULL CONSTRAINT fk_itemip_server_ip REFERENCES server_ips (id),
                is_dedicated BIT NOT NULL,
                assigned_utc DATETIME2(7) NOT NULL,
                CONSTRAINT uq_itemip_account_ip UNIQUE (account_id, server_ip_id)
            );
            """,
            "CREATE UNIQUE INDEX ux_itemip_dedicated ON itemip (server_ip_id) WHERE is_dedicated = 1;",
            """
            CREATE TABLE bandwidth_records (
                id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_bandwidth_records PRIMARY KEY,
                account_id BIGINT NOT NULL CONSTRAINT fk_bandwidth_records_account REFERENCES accounts (id),
                period INT NOT NULL,
                server_id BIGINT NOT NULL CONSTRAINT fk_bandwidth_records_server REFERENCES servers (id),
                server_total_bytes BIGINT NOT NULL,
                delta_bytes BIGINT NOT NULL CONSTRAINT ck_bandwidth_records_delta_bytes CHECK (delta_bytes > 0),
                read_utc DATETIME2(7) NOT NULL,
                recorded_utc DATETIME2(7) NOT NULL,
                CONSTRAINT uq_bandwidth_records_reading UNIQUE (account_id, period, server_total_bytes)
            );
            """,
            // The rows of one bandwidth reading travel to the server as one table-valued parameter.
            """
            CREATE TYPE bandwidth_observation_list AS TABLE (
                account_id BIGINT NOT NULL PRIMARY KEY,
                total_bytes BIGINT NOT NULL
            );
            """,
        }),
        new Migration(2, "Reliability: per-server concurrency limits, operation journal, account leases", new[]
        {
            """
            ALTER TABLE servers ADD
                max_concurrent_requests INT NOT NULL CONSTRAINT df_servers_max_concurrent_requests DEFAULT 4
                    CONSTRAINT ck_servers_max_concurrent_requests CHECK (max_concurrent_requests >= 1),
                max_concurrent_account_lifecycle_calls INT NOT NULL CONSTRAINT df_servers_max_concurrent_account_lifecycle_calls DEFAULT 1
                    CONSTRAINT ck_servers_max_concurrent_account_lifecycle_calls CHECK (max_concurrent_account_lifecycle_calls >= 1);
            """,
            """
            CREATE TABLE operation_journal (
                id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_operation_journal PRIMARY KEY,
                server_id BIGINT NOT NULL CONSTRAINT fk_operation_journal_server REFERENCES servers (id),
                account_id BIGINT NULL CONSTRAINT fk_operation_journal_account REFERENCES accounts (id),
                user_name NVARCHAR(64) NULL,
                function_name NVARCHAR(64) NOT NULL,
                parameters NVARCHAR(MAX) NULL,
                actor NVARCHAR(200) NULL,
                status INT NOT NULL CONSTRAINT ck_operation_journal_status CHECK (status IN (0, 1, 2, 3)),
                attempts INT NOT NULL CONSTRAINT df_operation_journal_attempts DEFAULT 1,
                created_utc DATETIME2(7) NOT NULL,
                changed_utc DATETIME2(7) NOT NULL,
                completed_utc DATETIME2(7) NULL,
                error NVARCHAR(MAX) NULL
            );
            """,
            "CREATE INDEX ix_operation_journal_server_status ON operation_journal (server_id, status);",
            "CREATE INDEX ix_operation_journal_account_status ON operation_journal (account_id, status);",
            """
            CREATE TABLE account_leases (
                account_id BIGINT NOT NULL CONSTRAINT pk_account_leases PRIMARY KEY
                    CONSTRAINT fk_account_leases_account REFERENCES accounts (id),
                owner NVARCHAR(200) NOT NULL,
                acquired_utc DATETIME2(7) NOT NULL,
                expires_utc DATETIME2(7) NOT NULL
            );
            """,
        }),
        // Listings filter by user name in the database: an account by name on any server (Get-CpAccount -UserName),
        // a server's journal entries about one user (Get-CpOperation -Server -UserName).
        new Migration(3, "Listing indexes: accounts by user name, journal entries by server and user", new[]
        {
            "CREATE INDEX ix_accounts_user_name ON accounts (user_name);",
            "CREATE INDEX ix_operation_journal_server_user ON operation_journal (server_id, user_name);",
        }),
        // Two listpkgs limits had no column and lived only in other_attributes, where no query can reach them. The
        // values version 3 stored there move over when they are what the module writes for a readable value (a
        // count, or 'unlimited' for passenger apps); anything else stays an unread value in other_attributes. The
        // moved keys may stay in other_attributes too: the column wins on reading, and the next sync drops them.
        // JSON_VALUE and ISJSON need SQL Server 2016 or later, at any database compatibility level (only OPENJSON,
        // not used here, needs level 130).
        new Migration(4, "Package limits: passenger apps and team users get columns of their own", new[]
        {
            """
            ALTER TABLE server_packages ADD
                max_passenger_apps BIGINT NULL CONSTRAINT ck_server_packages_max_passenger_apps CHECK (max_passenger_apps >= -1),
                max_team_users INT NULL CONSTRAINT ck_server_packages_max_team_users CHECK (max_team_users >= 0);
            """,
            """
            UPDATE server_packages SET
                max_passenger_apps = CASE
                    WHEN j.passenger_apps = N'unlimited' THEN -1
                    WHEN j.passenger_apps <> N'' AND j.passenger_apps NOT LIKE N'%[^0-9]%' THEN TRY_CAST(j.passenger_apps AS INT)
                END,
                max_team_users = CASE
                    WHEN j.team_users <> N'' AND j.team_users NOT LIKE N'%[^0-9]%' THEN TRY_CAST(j.team_users AS INT)
                END
            FROM server_packages
            CROSS APPLY (SELECT JSON_VALUE(server_packages.other_attributes, N'$.MAXPASSENGERAPPS') AS passenger_apps,
                JSON_VALUE(server_packages.other_attributes, N'$.MAX_TEAM_USERS') AS team_users) AS j
            WHERE ISJSON(server_packages.other_attributes) = 1;
            """,
        }),
        // Until version 5 every name column took the database's default collation, so whether "Web1" finds "web1"
        // depended on how the database was created. Now each says how it compares, as SQLite's schema always has:
        // names billing looks up (servers, plans, customer logins, domains, user names, IP addresses, the journal's
        // user) without regard to case; cPanel package names, which are file names on the server, exactly.
        // SQL Server changes no collation of a column an index or constraint uses, so those are dropped and made
        // again under the same names; statistics SQL Server made on its own go with the change. Statistics a DBA
        // made on one of these columns stop the upgrade (error 5074 names them): drop them and open again. It all
        // runs in the migration's one transaction, so a failed upgrade leaves version 4 as it was.
        new Migration(5, "Name collations: names compare without case, package names exactly, whatever the database default", new[]
        {
            // Case-sensitive databases may hold names that differ only in case; say so instead of failing on an index.
            """
            IF EXISTS (SELECT 1 FROM servers GROUP BY name COLLATE Latin1_General_100_CI_AS HAVING COUNT(*) > 1)
                OR EXISTS (SELECT 1 FROM plans GROUP BY name COLLATE Latin1_General_100_CI_AS HAVING COUNT(*) > 1)
                OR EXISTS (SELECT 1 FROM customers GROUP BY login COLLATE Latin1_General_100_CI_AS HAVING COUNT(*) > 1)
                OR EXISTS (SELECT 1 FROM domains GROUP BY name COLLATE Latin1_General_100_CI_AS HAVING COUNT(*) > 1)
                OR EXISTS (SELECT 1 FROM accounts WHERE status <> 4 GROUP BY server_id, user_name COLLATE Latin1_General_100_CI_AS HAVING COUNT(*) > 1)
                OR EXISTS (SELECT 1 FROM server_ips GROUP BY server_id, address COLLATE Latin1_General_100_CI_AS HAVING COUNT(*) > 1)
                THROW 50001, N'Billing holds names that differ only in case (servers, plans, customer logins, domains, live user names of a server or addresses of a server), which schema version 5 compares without case. Rename one of each pair, then open the database again.', 1;
            """,
            """
            ALTER TABLE servers DROP CONSTRAINT uq_servers_name;
            ALTER TABLE servers ALTER COLUMN name NVARCHAR(100) COLLATE Latin1_General_100_CI_AS NOT NULL;
            ALTER TABLE servers ADD CONSTRAINT uq_servers_name UNIQUE (name);
            """,
            """
            ALTER TABLE plans DROP CONSTRAINT uq_plans_name;
            ALTER TABLE plans ALTER COLUMN name NVARCHAR(100) COLLATE Latin1_General_100_CI_AS NOT NULL;
            ALTER TABLE plans ADD CONSTRAINT uq_plans_name UNIQUE (name);
            """,
            """
            ALTER TABLE customers DROP CONSTRAINT uq_customers_login;
            ALTER TABLE customers ALTER COLUMN login NVARCHAR(100) COLLATE Latin1_General_100_CI_AS NOT NULL;
            ALTER TABLE customers ADD CONSTRAINT uq_customers_login UNIQUE (login);
            """,
            """
            ALTER TABLE domains DROP CONSTRAINT uq_domains_name;
            ALTER TABLE domains ALTER COLUMN name NVARCHAR(254) COLLATE Latin1_General_100_CI_AS NOT NULL;
            ALTER TABLE domains ADD CONSTRAINT uq_domains_name UNIQUE (name);
            """,
            """
            DROP INDEX ux_accounts_server_user ON accounts;
            DROP INDEX ix_accounts_user_name ON accounts;
            ALTER TABLE accounts ALTER COLUMN user_name NVARCHAR(16) COLLATE Latin1_General_100_CI_AS NOT NULL;
            CREATE UNIQUE INDEX ux_accounts_server_user ON accounts (server_id, user_name) WHERE status <> 4;
            CREATE INDEX ix_accounts_user_name ON accounts (user_name);
            """,
            """
            DROP INDEX ix_operation_journal_server_user ON operation_journal;
            ALTER TABLE operation_journal ALTER COLUMN user_name NVARCHAR(64) COLLATE Latin1_General_100_CI_AS NULL;
            CREATE INDEX ix_operation_journal_server_user ON operation_journal (server_id, user_name);
            """,
            """
            ALTER TABLE server_ips DROP CONSTRAINT uq_server_ips_server_address;
            ALTER TABLE server_ips ALTER COLUMN address NVARCHAR(45) COLLATE Latin1_General_100_CI_AS NOT NULL;
            ALTER TABLE server_ips ADD CONSTRAINT uq_server_ips_server_address UNIQUE (server_id, address);
            """,
            """
            ALTER TABLE server_packages DROP CONSTRAINT uq_server_packages_server_name;
            ALTER TABLE server_packages ALTER COLUMN name NVARCHAR(255) COLLATE Latin1_General_100_BIN2 NOT NULL;
            ALTER TABLE server_packages ADD CONSTRAINT uq_server_packages_server_name UNIQUE (server_id, name);
            """,
            "ALTER TABLE plan_packages ALTER COLUMN package_name NVARCHAR(255) COLLATE Latin1_General_100_BIN2 NOT NULL;",
        }),
    };
}

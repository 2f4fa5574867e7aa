using System;
using System.Collections.Generic;

namespace CpanelBilling.Core.Billing.Sql;

/// <summary>
/// The billing schema for SQLite. Limits are stored as integers with -1 for "unlimited" (see LimitColumn); times as
/// fixed-width UTC text, which sorts in time order; names compare without regard to case like on SQL Server.
/// </summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<Migration> All { get; } = new[]
    {
        new Migration(1, "Billing core: servers, packages, plans, customers, domains, accounts, IPs, bandwidth", new[]
        {
            """
            CREATE TABLE servers (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL COLLATE NOCASE CONSTRAINT uq_servers_name UNIQUE,
                host_name TEXT NOT NULL,
                port INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
                whm_user TEXT NOT NULL,
                token_vault TEXT NULL,
                token_secret TEXT NOT NULL,
                cert_thumbprint TEXT NULL,
                enabled INTEGER NOT NULL DEFAULT 1,
                created_utc TEXT NOT NULL,
                changed_utc TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE server_packages (
                id INTEGER PRIMARY KEY,
                server_id INTEGER NOT NULL REFERENCES servers (id),
                name TEXT NOT NULL,
                quota_mb INTEGER NULL CHECK (quota_mb >= -1),
                bwlimit_mb INTEGER NULL CHECK (bwlimit_mb >= -1),
                max_pop INTEGER NULL CHECK (max_pop >= -1),
                max_sql INTEGER NULL CHECK (max_sql >= -1),
                max_ftp INTEGER NULL CHECK (max_ftp >= -1),
                max_lst INTEGER NULL CHECK (max_lst >= -1),
                max_sub INTEGER NULL CHECK (max_sub >= -1),
                max_park INTEGER NULL CHECK (max_park >= -1),
                max_addon INTEGER NULL CHECK (max_addon >= -1),
                max_email_per_hour INTEGER NULL CHECK (max_email_per_hour >= -1),
                max_defer_fail_percentage INTEGER NULL CHECK (max_defer_fail_percentage >= -1),
                max_emailacct_quota_mb INTEGER NULL CHECK (max_emailacct_quota_mb >= -1),
                dedicated_ip INTEGER NOT NULL DEFAULT 0,
                cgi INTEGER NULL,
                has_shell INTEGER NULL,
                digest_auth INTEGER NULL,
                feature_list TEXT NULL,
                cp_mod TEXT NULL,
                lang TEXT NULL,
                other_attributes TEXT NULL,
                first_seen_utc TEXT NOT NULL,
                last_seen_utc TEXT NOT NULL,
                removed_utc TEXT NULL,
                CONSTRAINT uq_server_packages_server_name UNIQUE (server_id, name)
            )
            """,
            """
            CREATE TABLE plans (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL COLLATE NOCASE CONSTRAINT uq_plans_name UNIQUE,
                includes_dedicated_ip INTEGER NOT NULL DEFAULT 0,
                created_utc TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE plan_packages (
                plan_id INTEGER NOT NULL REFERENCES plans (id),
                server_id INTEGER NOT NULL REFERENCES servers (id),
                package_name TEXT NOT NULL,
                PRIMARY KEY (plan_id, server_id)
            )
            """,
            """
            CREATE TABLE customers (
                id INTEGER PRIMARY KEY,
                login TEXT NOT NULL COLLATE NOCASE CONSTRAINT uq_customers_login UNIQUE,
                display_name TEXT NULL,
                email TEXT NULL,
                created_utc TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE domains (
                id INTEGER PRIMARY KEY,
                customer_id INTEGER NOT NULL REFERENCES customers (id),
                name TEXT NOT NULL COLLATE NOCASE CONSTRAINT uq_domains_name UNIQUE,
                created_utc TEXT NOT NULL
            )
            """,
            "CREATE INDEX ix_domains_customer ON domains (customer_id)",
            """
            CREATE TABLE accounts (
                id INTEGER PRIMARY KEY,
                customer_id INTEGER NOT NULL REFERENCES customers (id),
                server_id INTEGER NOT NULL REFERENCES servers (id),
                domain_id INTEGER NOT NULL REFERENCES domains (id),
                plan_id INTEGER NOT NULL REFERENCES plans (id),
                user_name TEXT NOT NULL COLLATE NOCASE,
                status INTEGER NOT NULL CHECK (status IN (1, 2, 3, 4)),
                suspend_reason TEXT NULL,
                wants_dedicated_ip INTEGER NOT NULL DEFAULT 0,
                bandwidth_limit_mb INTEGER NULL CHECK (bandwidth_limit_mb >= -1),
                disk_limit_mb INTEGER NULL CHECK (disk_limit_mb >= -1),
                email_accounts_limit INTEGER NULL CHECK (email_accounts_limit >= -1),
                databases_limit INTEGER NULL CHECK (databases_limit >= -1),
                addon_domains_limit INTEGER NULL CHECK (addon_domains_limit >= -1),
                created_utc TEXT NOT NULL,
                changed_utc TEXT NOT NULL,
                row_version INTEGER NOT NULL DEFAULT 1
            )
            """,
            "CREATE UNIQUE INDEX ux_accounts_server_user ON accounts (server_id, user_name) WHERE status <> 4",
            "CREATE UNIQUE INDEX ux_accounts_domain ON accounts (domain_id) WHERE status <> 4",
            "CREATE INDEX ix_accounts_server ON accounts (server_id)",
            "CREATE INDEX ix_accounts_customer ON accounts (customer_id)",
            """
            CREATE TABLE server_ips (
                id INTEGER PRIMARY KEY,
                server_id INTEGER NOT NULL REFERENCES servers (id),
                address TEXT NOT NULL COLLATE NOCASE,
                is_dedicated INTEGER NOT NULL DEFAULT 0,
                is_main INTEGER NOT NULL DEFAULT 0,
                used_on_server INTEGER NOT NULL DEFAULT 0,
                first_seen_utc TEXT NOT NULL,
                last_seen_utc TEXT NOT NULL,
                removed_utc TEXT NULL,
                CONSTRAINT uq_server_ips_server_address UNIQUE (server_id, address)
            )
            """,
            """
            CREATE TABLE itemip (
                id INTEGER PRIMARY KEY,
                account_id INTEGER NOT NULL REFERENCES accounts (id),
                server_ip_id INTEGER NOT NULL REFERENCES server_ips (id),
                is_dedicated INTEGER NOT NULL,
                assigned_utc TEXT NOT NULL,
                CONSTRAINT uq_itemip_account_ip UNIQUE (account_id, server_ip_id)
            )
            """,
            "CREATE UNIQUE INDEX ux_itemip_dedicated ON itemip (server_ip_id) WHERE is_dedicated = 1",
            """
            CREATE TABLE bandwidth_records (
                id INTEGER PRIMARY KEY,
                account_id INTEGER NOT NULL REFERENCES accounts (id),
                period INTEGER NOT NULL,
                server_id INTEGER NOT NULL REFERENCES servers (id),
                server_total_bytes INTEGER NOT NULL,
                delta_bytes INTEGER NOT NULL CHECK (delta_bytes > 0),
                read_utc TEXT NOT NULL,
                recorded_utc TEXT NOT NULL,
                CONSTRAINT uq_bandwidth_records_reading UNIQUE (account_id, period, server_total_bytes)
            )
            """,
        }),
        new Migration(2, "Reliability: per-server concurrency limits, operation journal, account leases", new[]
        {
            "ALTER TABLE servers ADD COLUMN max_concurrent_requests INTEGER NOT NULL DEFAULT 4 CHECK (max_concurrent_requests >= 1)",
            "ALTER TABLE servers ADD COLUMN max_concurrent_account_lifecycle_calls INTEGER NOT NULL DEFAULT 1 CHECK (max_concurrent_account_lifecycle_calls >= 1)",
            """
            CREATE TABLE operation_journal (
                id INTEGER PRIMARY KEY,
                server_id INTEGER NOT NULL REFERENCES servers (id),
                account_id INTEGER NULL REFERENCES accounts (id),
                user_name TEXT NULL,
                function_name TEXT NOT NULL,
                parameters TEXT NULL,
                actor TEXT NULL,
                status INTEGER NOT NULL CHECK (status IN (0, 1, 2, 3)),
                attempts INTEGER NOT NULL DEFAULT 1,
                created_utc TEXT NOT NULL,
                changed_utc TEXT NOT NULL,
                completed_utc TEXT NULL,
                error TEXT NULL
            )
            """,
            "CREATE INDEX ix_operation_journal_server_status ON operation_journal (server_id, status)",
            "CREATE INDEX ix_operation_journal_account_status ON operation_journal (account_id, status)",
            """
            CREATE TABLE account_leases (
                account_id INTEGER PRIMARY KEY REFERENCES accounts (id),
                owner TEXT NOT NULL,
                acquired_utc TEXT NOT NULL,
                expires_utc TEXT NOT NULL
            )
            """,
        }),
        // Listings filter by user name in the database: an account by name on any server (Get-CpAccount -UserName),
        // a server's journal entries about one user (Get-CpOperation -Server -UserName).
        new Migration(3, "Listing indexes: accounts by user name, journal entries by server and user", new[]
        {
            "CREATE INDEX ix_accounts_user_name ON accounts (user_name)",
            "CREATE INDEX ix_operation_journal_server_user ON operation_journal (server_id, user_name COLLATE NOCASE)",
        }),
        // As on SQL Server: values version 3 kept in other_attributes move over when they are what the module writes
        // for a readable value (an int-sized count, or 'unlimited' for passenger apps).
        new Migration(4, "Package limits: passenger apps and team users get columns of their own", new[]
        {
            "ALTER TABLE server_packages ADD COLUMN max_passenger_apps INTEGER NULL CHECK (max_passenger_apps >= -1)",
            "ALTER TABLE server_packages ADD COLUMN max_team_users INTEGER NULL CHECK (max_team_users >= 0)",
            """
            UPDATE server_packages SET
                max_passenger_apps = CASE
                    WHEN j.passenger_apps = 'unlimited' THEN -1
                    WHEN j.passenger_apps GLOB '[0-9]*' AND j.passenger_apps NOT GLOB '*[^0-9]*' AND CAST(j.passenger_apps AS INTEGER) <= 2147483647
                        THEN CAST(j.passenger_apps AS INTEGER)
                END,
                max_team_users = CASE
                    WHEN j.team_users GLOB '[0-9]*' AND j.team_users NOT GLOB '*[^0-9]*' AND CAST(j.team_users AS INTEGER) <= 2147483647
                        THEN CAST(j.team_users AS INTEGER)
                END
            FROM (SELECT id, json_extract(other_attributes, '$.MAXPASSENGERAPPS') AS passenger_apps,
                json_extract(other_attributes, '$.MAX_TEAM_USERS') AS team_users
                FROM server_packages WHERE json_valid(other_attributes)) AS j
            WHERE j.id = server_packages.id
            """,
        }),
        // SQLite's schema has said how names compare since version 1 (COLLATE NOCASE; package names in the default,
        // exact BINARY); the journal's user is compared with NOCASE by its query and index. Nothing to change here:
        // the version exists so both backends count their schema alike.
        new Migration(5, "Name collations: names compare without case, package names exactly, whatever the database default", Array.Empty<string>()),
    };
}

using System;
using System.Collections.Generic;
using System.Linq;
using CpanelBilling.Core.Billing.Sql;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit;

namespace CpanelBilling.Billing.Tests.TSql;

/// <summary>
/// No SQL Server runs here, so the SQL Server dialect is held to Microsoft's own T-SQL parser, to the schema its
/// migrations define and to the parameters the code binds: a syntax error or a misspelled table, column or
/// variable fails here, not in production.
/// </summary>
public sealed class SqlServerDialectTests
{
    private static readonly Lazy<TSqlSchema> Schema = new(() => TSqlSchema.FromStatements(MigrationTexts().Select(m => ParseClean(m.Value))));

    public static TheoryData<string> StatementNames() => ToTheoryData(SqlServerStatements.Instance.All().Select(s => s.Key));

    public static TheoryData<string> MigrationStatementNames() => ToTheoryData(MigrationTexts().Select(m => m.Key));

    [Theory]
    [MemberData(nameof(MigrationStatementNames))]
    public void Each_migration_statement_parses_and_names_only_what_the_schema_defines(string name)
    {
        TSqlFragment parsed = ParseClean(MigrationTexts().Single(m => m.Key == name).Value);

        Assert.Empty(Check(parsed, boundParameters: Array.Empty<string>()));
    }

    [Theory]
    [MemberData(nameof(StatementNames))]
    public void Each_statement_parses_and_names_only_tables_and_columns_the_migrations_define_and_variables_the_code_binds(string name)
    {
        TSqlFragment parsed = ParseClean(Statement(name));

        Assert.Empty(Check(parsed, SqlServerBoundParameters.For(name)));
    }

    [Fact]
    public void The_schema_has_every_table_the_repository_uses()
    {
        Assert.Equal(
            new[] { "account_leases", "accounts", "bandwidth_records", "customers", "domains", "itemip", "operation_journal", "plan_packages", "plans", "schema_version", "server_ips", "server_packages", "servers" },
            Schema.Value.Tables.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Contains("row_version", Schema.Value.Tables["accounts"]);
        Assert.Contains("max_concurrent_account_lifecycle_calls", Schema.Value.Tables["servers"]);
        Assert.Equal(new[] { "account_id", "total_bytes" }, Schema.Value.TableTypes[SqlServerStatements.ObservationListType].OrderBy(c => c));
    }

    [Theory]
    [InlineData(nameof(BillingStatements.SelectAccountById), "a.suspend_reason", "a.suspend_reasn", "'a' has no column 'suspend_reasn'")]
    [InlineData(nameof(BillingStatements.UpdateAccountStatus), "suspend_reason = @suspend_reason", "suspend_reasn = @suspend_reason", "column 'suspend_reasn'")]
    [InlineData(nameof(BillingStatements.InsertItemIp), "(account_id, server_ip_id,", "(acount_id, server_ip_id,", "INSERT names column 'acount_id'")]
    [InlineData(nameof(BillingStatements.SelectServerIps), "FROM server_ips ip", "FROM server_ip ip", "unknown table 'server_ip'")]
    [InlineData(nameof(BillingStatements.SelectPlanPackages), "s.name AS server_name", "x.name AS server_name", "no table or alias 'x'")]
    [InlineData(nameof(BillingStatements.AcquireLease), "target.expires_utc <= @db_now", "target.expires <= @db_now", "'target' has no column 'expires'")]
    [InlineData("SelectAccounts[server,live,users=2+2,domains=0+1]", "d.name LIKE @domain_like0", "d.nam LIKE @domain_like0", "'d' has no column 'nam'")]
    [InlineData("SelectJournalEntries[server,user,limit,newest-first]", "user_name = @user_name", "username = @user_name", "column 'username'")]
    [InlineData(nameof(SqlServerStatements.RecordBandwidth), "o.total_bytes, (SELECT", "o.totalbytes, (SELECT", "'o' has no column 'totalbytes'")]
    [InlineData(nameof(SqlServerStatements.RecordBandwidth), "x.total_bytes - x.recorded_bytes, @read_utc", "x.total_bytes - x.recorded, @read_utc", "'x' has no column 'recorded'")]
    [InlineData(nameof(BillingStatements.AcquireLease), "USING (SELECT @account_id AS account_id)", "USING (SELECT @acount_id AS account_id)", "variable @acount_id is neither declared")]
    [InlineData(nameof(BillingStatements.AcquireLease), "@duration_milliseconds, DATEADD", "@duration_millisecond, DATEADD", "variable @duration_millisecond ")]
    [InlineData(nameof(BillingStatements.AcquireLease), "target.expires_utc <= @db_now)", "target.expires_utc <= @dbnow)", "variable @dbnow ")]
    [InlineData(nameof(BillingStatements.TakeFreeDedicatedIp), "ip.server_id = @server_id", "ip.server_id = @serverid", "variable @serverid ")]
    [InlineData(nameof(SqlServerStatements.AcquireAppLock), "@LockTimeout = @timeout_ms", "@LockTimeout = @timeout", "variable @timeout ")]
    [InlineData(nameof(SqlServerStatements.AcquireAppLock), "SELECT @lock_result", "SELECT @lockresult", "variable @lockresult ")]
    [InlineData(nameof(SqlServerStatements.RecordBandwidth), "FROM @observations o", "FROM @observation o", "variable @observation ")]
    [InlineData(nameof(SqlServerStatements.RecordBandwidth), "x.recorded_bytes, @read_utc", "x.recorded_bytes, @Read_utc", "variable @Read_utc ")]
    [InlineData("SelectJournalEntries[server,user,limit,newest-first]", "SELECT TOP (@limit)", "SELECT TOP (@limt)", "variable @limt ")]
    public void A_misspelled_table_column_or_variable_is_caught(string statement, string correct, string misspelled, string expectedProblem)
    {
        string original = Statement(statement);
        Assert.Contains(correct, original);
        Assert.Empty(Check(ParseClean(original), SqlServerBoundParameters.For(statement)));

        IReadOnlyList<string> problems = Check(ParseClean(original.Replace(correct, misspelled)), SqlServerBoundParameters.For(statement));

        Assert.Contains(problems, p => p.Contains(expectedProblem, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("v4:2", "max_team_users = CASE", "max_team_user = CASE", "column 'max_team_user'")]
    [InlineData("v4:2", "JSON_VALUE(server_packages.other_attributes, N'$.MAX_TEAM_USERS')", "JSON_VALUE(server_packages.other_attribute, N'$.MAX_TEAM_USERS')", "has no column 'other_attribute'")]
    [InlineData("v5:1", "GROUP BY server_id, address COLLATE", "GROUP BY server_id, adress COLLATE", "column 'adress'")]
    [InlineData("v5:2", "ALTER COLUMN name NVARCHAR(100)", "ALTER COLUMN nam NVARCHAR(100)", "ALTER COLUMN names column 'nam'")]
    [InlineData("v5:6", "DROP INDEX ix_accounts_user_name ON accounts", "DROP INDEX ix_accounts_username ON accounts", "drops index 'ix_accounts_username'")]
    [InlineData("v5:6", "DROP INDEX ux_accounts_server_user ON accounts", "DROP INDEX ux_accounts_server_user ON account", "drops index 'ux_accounts_server_user', which no migration gives table 'account'")]
    [InlineData("v5:9", "DROP CONSTRAINT uq_server_packages_server_name", "DROP CONSTRAINT uq_server_package_server_name", "drops constraint 'uq_server_package_server_name'")]
    [InlineData("v5:8", "UNIQUE (server_id, address)", "UNIQUE (server_id, addres)", "column 'addres'")]
    public void A_misspelled_name_in_a_migration_is_caught(string statement, string correct, string misspelled, string expectedProblem)
    {
        string original = MigrationTexts().Single(m => m.Key == statement).Value;
        Assert.Contains(correct, original);
        Assert.Empty(Check(ParseClean(original), Array.Empty<string>()));

        IReadOnlyList<string> problems = Check(ParseClean(original.Replace(correct, misspelled)), Array.Empty<string>());

        Assert.Contains(problems, p => p.Contains(expectedProblem, StringComparison.Ordinal));
    }

    [Fact]
    public void The_dialect_binds_what_its_own_statements_read_and_sends_only_checked_statements()
    {
        IReadOnlyList<(string Text, IReadOnlyList<string> Parameters)> sent = SqlServerBoundParameters.SentByTheDialect;
        Dictionary<string, string> names = SqlServerStatements.Instance.All().ToDictionary(s => s.Value, s => s.Key);

        Assert.Equal(
            new[] { nameof(SqlServerStatements.AcquireAppLock), nameof(SqlServerStatements.RecordBandwidth) },
            sent.Select(c => names.TryGetValue(c.Text, out string? name) ? name : "unchecked: " + c.Text));
        Assert.Equal(new[] { "@resource", "@timeout_ms" }, sent[0].Parameters);
        Assert.Equal(new[] { "@observations", "@period", "@server_id", "@read_utc", "@now" }, sent[1].Parameters);
    }

    [Fact]
    public void The_parameters_bound_for_TSql_alone_are_read_by_TSql_and_not_by_SQLite()
    {
        foreach (KeyValuePair<string, string[]> entry in SqlServerBoundParameters.BoundForTSqlOnly)
        {
            var read = new NameCollector();
            ParseClean(Statement(entry.Key)).Accept(read);
            string[] sqlite = SqlServerBoundParameters.InSqliteText(SqliteStatements.Instance.All().Single(s => s.Key == entry.Key).Value).ToArray();

            Assert.All(entry.Value, parameter => Assert.Contains(parameter, read.Variables));
            Assert.All(entry.Value, parameter => Assert.DoesNotContain(parameter, sqlite));
        }
    }

    [Fact]
    public void The_lease_is_timed_by_the_database_clock_and_never_by_the_callers()
    {
        var names = new NameCollector();
        ParseClean(SqlServerStatements.Instance.AcquireLease).Accept(names);

        Assert.Contains("SYSUTCDATETIME", names.Functions);
        Assert.Contains("@duration_seconds", names.Variables);
        Assert.DoesNotContain("@now", names.Variables);
        Assert.DoesNotContain("@expires_utc", names.Variables);
    }

    [Theory]
    [InlineData(nameof(BillingStatements.InsertJournalEntry))]
    [InlineData(nameof(BillingStatements.UpdateJournalAttempt))]
    [InlineData(nameof(BillingStatements.UpdateJournalOutcome))]
    [InlineData(nameof(BillingStatements.SelectCurrentUtc))]
    [InlineData(nameof(BillingStatements.InsertServer))]
    [InlineData(nameof(BillingStatements.UpdateServer))]
    public void The_journal_and_server_versions_are_stamped_and_aged_by_the_database_clock_and_never_by_the_callers(string name)
    {
        var names = new NameCollector();
        ParseClean(Statement(name)).Accept(names);

        Assert.Contains("SYSUTCDATETIME", names.Functions);
        Assert.DoesNotContain("@now", names.Variables);
        Assert.DoesNotContain("@completed_utc", names.Variables);
    }

    [Fact]
    public void Every_listing_shape_is_checked_and_sets_only_the_filters_it_names()
    {
        string[] names = SqlServerStatements.Instance.All().Select(s => s.Key).ToArray();

        Assert.Equal(384, names.Count(n => n.StartsWith(nameof(BillingStatements.SelectAccounts) + "[", StringComparison.Ordinal)));
        Assert.Equal(64, names.Count(n => n.StartsWith(nameof(BillingStatements.SelectJournalEntries) + "[", StringComparison.Ordinal)));
        string byServer = Statement("SelectAccounts[server,live,users=0+0,domains=0+0]");
        Assert.EndsWith("WHERE a.server_id = @server_id AND a.status <> 4 ORDER BY a.id", byServer, StringComparison.Ordinal);
        Assert.DoesNotContain("IS NULL OR", string.Concat(SqlServerStatements.Instance.All().Where(s => s.Key.Contains('[')).Select(s => s.Value)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_part_is_no_column_but_a_column_next_to_it_is_still_checked()
    {
        TSqlFragment good = ParseClean("SELECT DATEADD(second, 5, expires_utc) FROM account_leases;");
        TSqlFragment bad = ParseClean("SELECT DATEADD(second, 5, expires) FROM account_leases;");

        Assert.Empty(Check(good, Array.Empty<string>()));
        Assert.Contains(Check(bad, Array.Empty<string>()), p => p.Contains("'expires'"));
    }

    [Fact]
    public void A_misspelled_column_in_a_migration_index_is_caught()
    {
        TSqlFragment index = ParseClean("CREATE INDEX ix_accounts_customer ON accounts (custmer_id);");

        Assert.Contains(Check(index, Array.Empty<string>()), p => p.Contains("custmer_id"));
    }

    [Fact]
    public void The_parser_refuses_what_is_not_TSql()
    {
        // SQLite's LIMIT and RETURNING: proof that the parser would notice SQLite syntax slipping into the dialect.
        TSqlText.Parse(SqliteStatements.Instance.TakeFreeDedicatedIp, out IReadOnlyList<string> errors);

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Every_statement_the_repository_can_send_to_SQL_Server_is_checked()
    {
        string[] names = SqlServerStatements.Instance.All().Select(s => s.Key).ToArray();

        // The dialect's own statements beyond the shared ones, and a sample of the shared ones.
        Assert.Contains(nameof(SqlServerStatements.AcquireAppLock), names);
        Assert.Contains(nameof(SqlServerStatements.RecordBandwidth), names);
        Assert.Contains(nameof(BillingStatements.TakeFreeDedicatedIp), names);
        Assert.Contains(nameof(BillingStatements.UpsertServerPackage), names);
        Assert.Equal(SqliteStatements.Instance.All().Count + 2, names.Length);
    }

    private sealed class NameCollector : TSqlFragmentVisitor
    {
        public List<string> Functions { get; } = new();

        public List<string> Variables { get; } = new();

        public override void Visit(FunctionCall node) => Functions.Add(node.FunctionName.Value.ToUpperInvariant());

        public override void Visit(VariableReference node) => Variables.Add(node.Name);
    }

    private static IReadOnlyList<string> Check(TSqlFragment parsed, IReadOnlyCollection<string> boundParameters) =>
        TSqlReferenceChecker.Check(parsed, Schema.Value, SqlServerStatements.TableValuedParameters, boundParameters);

    private static string Statement(string name) => SqlServerStatements.Instance.All().Single(s => s.Key == name).Value;

    private static IEnumerable<KeyValuePair<string, string>> MigrationTexts()
    {
        yield return new KeyValuePair<string, string>("bootstrap:schema_version", SqlServerStatements.Instance.CreateSchemaVersionTable);
        foreach (Migration migration in SqlServerMigrations.All)
        {
            for (int i = 0; i < migration.Statements.Count; i++)
            {
                yield return new KeyValuePair<string, string>($"v{migration.Version}:{i + 1}", migration.Statements[i]);
            }
        }
    }

    private static TSqlFragment ParseClean(string sql)
    {
        TSqlFragment fragment = TSqlText.Parse(sql, out IReadOnlyList<string> errors);
        Assert.True(errors.Count == 0, "T-SQL parse errors:\n" + string.Join("\n", errors) + "\nin:\n" + sql);
        return fragment;
    }

    private static TheoryData<string> ToTheoryData(IEnumerable<string> names)
    {
        var data = new TheoryData<string>();
        foreach (string name in names)
        {
            data.Add(name);
        }

        return data;
    }
}

using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Testing.Billing;
using Microsoft.Data.Sqlite;

namespace CpanelBilling.Benchmarks.Billing;

/// <summary>
/// A SQLite billing database in a temporary folder holding one server (with plan and customer, see
/// <see cref="BillingScenario"/>) and a given number of live accounts on it. The accounts are inserted set-based by two
/// SQL statements in one transaction: opening them one by one through the repository would commit once per account.
/// </summary>
internal sealed class SeededBilling : IAsyncDisposable
{
    // user_name is the first 11 characters of the domain: "bench000042" owns "bench000042.example.com".
    private const string InsertDomains = """
        WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @count)
        INSERT INTO domains (customer_id, name, created_utc)
        SELECT @customer_id, printf('bench%06d.example.com', i), @now FROM n
        """;

    private const string InsertAccounts = """
        INSERT INTO accounts (customer_id, server_id, domain_id, plan_id, user_name, status, wants_dedicated_ip, created_utc, changed_utc)
        SELECT d.customer_id, @server_id, d.id, @plan_id, substr(d.name, 1, 11), @status, 0, @now, @now
        FROM domains d WHERE d.customer_id = @customer_id AND d.name LIKE 'bench%' ORDER BY d.id
        """;

    private readonly TempSqliteDatabase _database;

    private SeededBilling(TempSqliteDatabase database, IBillingRepository repository, BillingScenario scenario)
    {
        _database = database;
        Repository = repository;
        Scenario = scenario;
    }

    public IBillingRepository Repository { get; }

    public BillingScenario Scenario { get; }

    public string FilePath => _database.FilePath;

    public long ServerId => Scenario.Server.Id;

    public static async Task<SeededBilling> CreateAsync(int accounts)
    {
        var database = new TempSqliteDatabase();
        IBillingRepository repository = await database.OpenRepositoryAsync();
        BillingScenario scenario = await BillingScenario.CreateAsync(repository);
        await InsertAccountsAsync(database.FilePath, scenario, accounts);
        return new SeededBilling(database, repository, scenario);
    }

    /// <summary>The ids of the server's accounts, in id order.</summary>
    public async Task<List<long>> AccountIdsAsync()
    {
        var ids = new List<long>();
        await foreach (Account account in Repository.ListAccountsAsync(new AccountQuery { ServerId = ServerId }))
        {
            ids.Add(account.Id);
        }

        return ids;
    }

    /// <summary>Runs one statement on the database file outside the repository (resetting state between iterations).</summary>
    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString());
        await connection.OpenAsync();
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static async Task InsertAccountsAsync(string filePath, BillingScenario scenario, int count)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = filePath, ForeignKeys = true }.ToString());
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        DateTime now = DateTime.UtcNow;
        int domains = await ExecuteInTransactionAsync(connection, transaction, InsertDomains, ("@count", count), ("@customer_id", scenario.Customer.Id), ("@now", now));
        int inserted = await ExecuteInTransactionAsync(connection, transaction, InsertAccounts,
            ("@customer_id", scenario.Customer.Id), ("@server_id", scenario.Server.Id), ("@plan_id", scenario.Plan.Id),
            ("@status", (int)AccountStatus.Active), ("@now", now));
        if (domains != count || inserted != count)
        {
            throw new InvalidOperationException($"Seeding inserted {domains} domains and {inserted} accounts instead of {count}.");
        }

        await transaction.CommitAsync();
    }

    private static async Task<int> ExecuteInTransactionAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach ((string name, object value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync();
    }
}

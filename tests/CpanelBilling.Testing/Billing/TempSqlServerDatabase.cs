using System;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using Microsoft.Data.SqlClient;

namespace CpanelBilling.Testing.Billing;

/// <summary>
/// A fresh SQL Server database on the server named by <see cref="EnvironmentVariable"/> (a connection string
/// whose login may create databases), dropped on dispose. Its default collation is case-sensitive, unlike most
/// servers' default, so the contract proves that names compare as the schema's own column collations say and not
/// as the database happens to be set up.
/// </summary>
public sealed class TempSqlServerDatabase : ITestBillingDatabase
{
    /// <summary>Holds the connection string of a SQL Server for the SQL Server runs of the billing tests.</summary>
    public const string EnvironmentVariable = "CPBILLING_TEST_SQLSERVER";

    private readonly string _serverConnectionString;
    private readonly string _name;

    private TempSqlServerDatabase(string serverConnectionString, string name, string connectionString)
    {
        _serverConnectionString = serverConnectionString;
        _name = name;
        Target = connectionString;
    }

    public BillingBackend Backend => BillingBackend.SqlServer;

    public string Target { get; }

    public static async Task<TempSqlServerDatabase> CreateAsync()
    {
        string server = Environment.GetEnvironmentVariable(EnvironmentVariable)
            ?? throw new InvalidOperationException($"{EnvironmentVariable} is not set.");
        string name = "cpbilling_test_" + Guid.NewGuid().ToString("N").Substring(0, 16);
        await ExecuteAsync(server, $"CREATE DATABASE [{name}] COLLATE Latin1_General_100_CS_AS").ConfigureAwait(false);
        string connectionString = new SqlConnectionStringBuilder(server) { InitialCatalog = name }.ConnectionString;
        return new TempSqlServerDatabase(server, name, connectionString);
    }

    public Task<IBillingRepository> OpenRepositoryAsync(BillingRepositoryOptions? options = null) =>
        BillingDatabase.OpenAsync(Target, options);

    public async ValueTask DisposeAsync()
    {
        SqlConnection.ClearAllPools();
        await ExecuteAsync(_serverConnectionString, $"ALTER DATABASE [{_name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_name}]")
            .ConfigureAwait(false);
    }

    // The database name is generated above (hex digits), never user input.
    private static async Task ExecuteAsync(string serverConnectionString, string sql)
    {
        var builder = new SqlConnectionStringBuilder(serverConnectionString) { InitialCatalog = "master" };
        using var connection = new SqlConnection(builder.ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}

using System;
using System.IO;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using Microsoft.Data.Sqlite;

namespace CpanelBilling.Testing.Billing;

/// <summary>A SQLite billing database in a fresh temporary folder, deleted on dispose.</summary>
public sealed class TempSqliteDatabase : ITestBillingDatabase
{
    private readonly string _folder;

    public TempSqliteDatabase()
    {
        _folder = Path.Combine(Path.GetTempPath(), "cpbilling-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        FilePath = Path.Combine(_folder, "billing.db");
    }

    public BillingBackend Backend => BillingBackend.Sqlite;

    public string FilePath { get; }

    public string Target => FilePath;

    public Task<IBillingRepository> OpenRepositoryAsync(BillingRepositoryOptions? options = null) =>
        BillingDatabase.OpenAsync(FilePath, options);

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open. The repository's pool key is its own connection string, so clear
        // every pool: idle connections close now, ones in use by other tests close when they are returned.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A connection still held by a test that failed mid-way; the temp folder is cleaned by the OS.
        }

        return default;
    }
}

using System;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Testing.Billing;

/// <summary>A billing database that exists for one test and is removed afterwards.</summary>
public interface ITestBillingDatabase : IAsyncDisposable
{
    BillingBackend Backend { get; }

    /// <summary>What <see cref="BillingDatabase.OpenAsync"/> takes to open this database (a path or connection string).</summary>
    string Target { get; }

    /// <summary>Opens (and on first use creates and migrates) the database. Call again for a second, independent user.</summary>
    Task<IBillingRepository> OpenRepositoryAsync(BillingRepositoryOptions? options = null);
}

using System.Threading.Tasks;
using CpanelBilling.Billing.Tests.Contract;
using CpanelBilling.Testing.Billing;

namespace CpanelBilling.Billing.Tests;

/// <summary>The repository contract on SQL Server, each test in a database of its own on the configured server.</summary>
[RequiresEnvironmentVariable(
    TempSqlServerDatabase.EnvironmentVariable,
    "set it to a SQL Server connection string whose login may create databases to run the billing contract on SQL Server.")]
public sealed class SqlServerBillingRepositoryTests : BillingRepositoryContract
{
    protected override async Task<ITestBillingDatabase> CreateDatabaseAsync() => await TempSqlServerDatabase.CreateAsync();
}

using System.Threading.Tasks;
using CpanelBilling.Billing.Tests.Contract;
using CpanelBilling.Testing.Billing;

namespace CpanelBilling.Billing.Tests;

/// <summary>The repository contract on SQLite, in a temporary file.</summary>
public sealed class SqliteBillingRepositoryTests : BillingRepositoryContract
{
    protected override Task<ITestBillingDatabase> CreateDatabaseAsync() => Task.FromResult<ITestBillingDatabase>(new TempSqliteDatabase());
}

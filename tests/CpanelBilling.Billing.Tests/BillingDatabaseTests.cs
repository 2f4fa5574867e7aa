using System;
using System.IO;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace CpanelBilling.Billing.Tests;

public sealed class BillingDatabaseTests
{
    [Theory]
    [InlineData("/var/lib/cpbilling/billing.db", BillingBackend.Sqlite)]
    [InlineData("billing.sqlite", BillingBackend.Sqlite)]
    [InlineData(@"C:\Billing\billing", BillingBackend.Sqlite)]
    [InlineData("Data Source=/tmp/billing.db", BillingBackend.Sqlite)]
    [InlineData("Data Source=billing.db;Mode=ReadWriteCreate", BillingBackend.Sqlite)]
    [InlineData("Data Source=:memory:", BillingBackend.Sqlite)]
    [InlineData("Filename=./data/billing", BillingBackend.Sqlite)]
    [InlineData("/srv/run=3/billing.db", BillingBackend.Sqlite)]
    [InlineData("Server=sql01;Database=Billing;Integrated Security=true", BillingBackend.SqlServer)]
    [InlineData("Data Source=tcp:sql01.example.net,1433;Initial Catalog=Billing;User ID=cp;Password=p;a=ss", BillingBackend.SqlServer)]
    [InlineData(@"Data Source=.\SQLEXPRESS;Initial Catalog=Billing;Trusted_Connection=True", BillingBackend.SqlServer)]
    [InlineData(@"Data Source=(localdb)\MSSQLLocalDB", BillingBackend.SqlServer)]
    [InlineData("Data Source=sql01.example.net", BillingBackend.SqlServer)]
    [InlineData("Address=sql01;Encrypt=true", BillingBackend.SqlServer)]
    public void A_path_or_connection_string_picks_the_backend(string target, BillingBackend backend)
    {
        Assert.Equal(backend, BillingDatabase.DetectBackend(target));
    }

    [Fact]
    public void A_malformed_connection_string_is_refused_without_repeating_it()
    {
        var error = Assert.Throws<BillingInvalidValueException>(() => BillingDatabase.DetectBackend("Server=sql01;Password='TopSecret"));

        Assert.Equal(FailureKind.InvalidArgument, error.Kind);
        Assert.DoesNotContain("TopSecret", error.Message);
        Assert.Throws<BillingInvalidValueException>(() => BillingDatabase.DetectBackend("Pooling=true;Max Pool Size=5"));
    }

    [Fact]
    public async Task A_connection_string_the_provider_refuses_is_an_invalid_value_that_does_not_repeat_it()
    {
        var error = await Assert.ThrowsAsync<BillingInvalidValueException>(
            () => BillingDatabase.OpenAsync("Server=sql01;Database=Billing;Password=TopSecret;Flux Capacitor=on"));

        Assert.Contains("flux capacitor", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("TopSecret", error.Message);
    }

    [Fact]
    public void Without_an_argument_the_environment_variable_and_then_the_user_data_folder_decide()
    {
        string? saved = Environment.GetEnvironmentVariable(BillingDatabase.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(BillingDatabase.EnvironmentVariable, null);
            string expected = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "CpanelBilling", "billing.db");
            Assert.Equal(expected, BillingDatabase.ResolveTarget(null));

            Environment.SetEnvironmentVariable(BillingDatabase.EnvironmentVariable, "Server=sql01;Database=Billing");
            Assert.Equal("Server=sql01;Database=Billing", BillingDatabase.ResolveTarget(" "));
            Assert.Equal("/explicit.db", BillingDatabase.ResolveTarget("/explicit.db"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(BillingDatabase.EnvironmentVariable, saved);
        }
    }

    [Fact]
    public async Task The_database_and_its_folder_are_created_and_migrated_on_first_use()
    {
        string folder = Path.Combine(Path.GetTempPath(), "cpbilling-first-use-" + Guid.NewGuid().ToString("N"));
        string path = Path.Combine(folder, "nested", "billing.db");
        try
        {
            IBillingRepository repository = await BillingDatabase.OpenAsync(path);

            Assert.True(File.Exists(path));
            Assert.Equal(BillingBackend.Sqlite, repository.Backend);
            Assert.Equal(BillingDatabase.SchemaVersion, await repository.GetSchemaVersionAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}

using System;
using System.IO;
using System.Management.Automation;
using CpanelBilling.Core.Billing;
using CpanelBilling.Module.Tests.Harness;
using Xunit;

namespace CpanelBilling.Module.Tests.Commands;

/// <summary>Tests that set the process-wide default database (CPBILLING_DB) run alone.</summary>
[CollectionDefinition(nameof(DefaultDatabaseCollection), DisableParallelization = true)]
public sealed class DefaultDatabaseCollection
{
}

/// <summary>
/// A first command without Connect-CpBilling opens the default database, which may create it or upgrade its schema.
/// Under -WhatIf it must do neither: -WhatIf changes nothing, billing included.
/// </summary>
[Collection(nameof(DefaultDatabaseCollection))]
public sealed class WhatIfFirstConnectTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "cpb-whatif-" + Guid.NewGuid().ToString("N"));
    private readonly string? previous = Environment.GetEnvironmentVariable(BillingDatabase.EnvironmentVariable);

    public WhatIfFirstConnectTests() => Directory.CreateDirectory(folder);

    [Fact]
    public void A_first_command_with_WhatIf_creates_no_billing_database_and_says_how_to_create_one()
    {
        string database = Path.Combine(folder, "billing.db");
        Environment.SetEnvironmentVariable(BillingDatabase.EnvironmentVariable, database);
        using PowerShellHarness ps = PowerShellHarness.ForModule();

        HarnessResult result = ps.Invoke("Sync-CpServer -Name web01 -WhatIf");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("CpNoBillingDatabase", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("Connect-CpBilling", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(result.WhatIf);
        Assert.Empty(Directory.GetFileSystemEntries(folder));

        // Without -WhatIf the first command creates it, and a -WhatIf after that reads it as usual.
        ps.Invoke("Get-CpServer").AssertSuccess();
        Assert.True(File.Exists(database));
        using PowerShellHarness fresh = PowerShellHarness.ForModule();
        HarnessResult dryRun = fresh.Invoke("Remove-CpServer -Name web01 -WhatIf");
        Assert.StartsWith("ServerNotFound", Assert.Single(dryRun.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(BillingDatabase.EnvironmentVariable, previous);
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned up by the system.
        }
    }
}

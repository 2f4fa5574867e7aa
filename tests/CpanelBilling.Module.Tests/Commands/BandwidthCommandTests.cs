using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations;
using CpanelBilling.Module.Tests.Harness;
using CpanelBilling.Testing.Billing;
using CpanelBilling.Testing.Operations;
using CpanelBilling.WhmSimulator;
using CpanelBilling.Types;
using Xunit;

namespace CpanelBilling.Module.Tests.Commands;

/// <summary>Get-CpBandwidth and Save-CpBandwidth through real pipelines on the real engine.</summary>
public sealed class BandwidthCommandTests : IClassFixture<OperationsWorldFixture>
{
    private static readonly BillingMonth May = new(2024, 5);
    private readonly OperationsWorldFixture simulator;

    public BandwidthCommandTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task Rows_from_Get_CpBandwidth_pipe_into_Save_CpBandwidth_and_WhatIf_records_nothing()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        Account bob = await AccountWithUsageAsync(world, "bob", 1_000_000);

        CpBandwidth measured = Assert.Single(world.PS.Invoke("Get-CpServer | Get-CpBandwidth -Year 2024 -Month 5").AssertSuccess().OutputOf<CpBandwidth>());
        HarnessResult whatIf = world.PS.Invoke("Get-CpBandwidth web01 -Year 2024 -Month 5 | Save-CpBandwidth -WhatIf").AssertSuccess();
        Assert.Equal(0, await world.World.Billing.GetRecordedBandwidthForAccountAsync(bob.Id, May));
        HarnessResult saved = world.PS.Invoke("Get-CpBandwidth web01 -Year 2024 -Month 5 | Save-CpBandwidth -PassThru").AssertSuccess();

        Assert.Equal(("bob", 1_000_000L, 0L, 1_000_000L, "ToRecord"), (measured.UserName, measured.ServerBytes!.Value, measured.RecordedBytes, measured.DifferenceBytes, measured.Status));
        Assert.Contains(whatIf.WhatIf, line => line.Contains("web01 (2024-05)"));
        CpBandwidth recorded = Assert.Single(saved.OutputOf<CpBandwidth>());
        Assert.Equal("Recorded", recorded.Status);
        Assert.Equal(1_000_000, await world.World.Billing.GetRecordedBandwidthForAccountAsync(bob.Id, May));
        Assert.Equal(3, simulator.Server.Requests.Count(r => r.Function == "showbw")); // one per Get-CpBandwidth; saving piped rows reads nothing
    }

    [Fact]
    public async Task Save_CpBandwidth_measures_and_records_itself_and_a_second_run_records_nothing()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        Account bob = await AccountWithUsageAsync(world, "bob", 2_000_000);

        world.PS.Invoke("Save-CpBandwidth -Server web01 -Year 2024 -Month 5").AssertSuccess();
        CpBandwidth again = Assert.Single(world.PS.Invoke("Get-CpServer | Save-CpBandwidth -Year 2024 -Month 5 -PassThru").AssertSuccess().OutputOf<CpBandwidth>());

        Assert.Equal("UpToDate", again.Status);
        Assert.Single(await world.World.Billing.ListBandwidthRecordsAsync(bob.Id, May));
        Assert.Equal(2_000_000, await world.World.Billing.GetRecordedBandwidthForAccountAsync(bob.Id, May));
    }

    [Fact]
    public async Task Accounts_piped_in_are_measured_with_one_showbw_per_server_and_each_row_comes_once()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        Account[] accounts = { await AccountWithUsageAsync(world, "anna", 1_000), await AccountWithUsageAsync(world, "bert", 2_000), await AccountWithUsageAsync(world, "carl", 3_000) };
        world.World.Simulator.Server.ClearRequests();

        CpBandwidth[] measured = world.PS.Invoke("Get-CpAccount | Get-CpBandwidth -Year 2024 -Month 5").AssertSuccess().OutputOf<CpBandwidth>().ToArray();
        int showbwToMeasure = simulator.Server.Requests.Count(r => r.Function == "showbw");
        CpBandwidth[] saved = world.PS.Invoke("Get-CpAccount | Save-CpBandwidth -Year 2024 -Month 5 -PassThru").AssertSuccess().OutputOf<CpBandwidth>().ToArray();

        Assert.Equal(new[] { "anna", "bert", "carl" }, measured.Select(r => r.UserName));
        Assert.Equal(1, showbwToMeasure);
        Assert.Equal(new[] { "anna", "bert", "carl" }, saved.Select(r => r.UserName));
        Assert.All(saved, r => Assert.Equal("Recorded", r.Status));
        Assert.Equal(2, simulator.Server.Requests.Count(r => r.Function == "showbw"));
        foreach (Account account in accounts)
        {
            Assert.Single(await world.World.Billing.ListBandwidthRecordsAsync(account.Id, May));
        }
    }

    [Fact]
    public async Task Progress_of_the_servers_read_is_drawn_from_the_pipeline_and_closed_at_the_end()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        await AccountWithUsageAsync(world, "bob", 1_000);

        HarnessResult result = world.PS.Invoke("Save-CpBandwidth web01 -Year 2024 -Month 5").AssertSuccess();

        Assert.Contains(result.Progress, p => p.Activity == "Bandwidth 2024-05" && p.StatusDescription == "web01 done (1 of 1 servers)" && p.PercentComplete == 100);
        Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
    }

    [Fact]
    public async Task Rows_of_two_months_piped_together_are_refused_and_nothing_is_recorded()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        Account bob = await AccountWithUsageAsync(world, "bob", 1_000);

        HarnessResult result = world.PS.Invoke("@(Get-CpBandwidth web01 -Year 2024 -Month 4) + @(Get-CpBandwidth web01 -Year 2024 -Month 5) | Save-CpBandwidth");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("InvalidBandwidthMonth", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Empty(await world.World.Billing.ListBandwidthRecordsAsync(bob.Id, May));
    }

    [Fact]
    public async Task A_month_that_does_not_exist_stops_the_command_before_any_request()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);

        HarnessResult outOfRange = world.PS.Invoke("Get-CpBandwidth -Month 13");
        HarnessResult yearAlone = world.PS.Invoke("Get-CpBandwidth -Year 2024; 'next statement'");

        Assert.StartsWith("ParameterArgumentValidationError", outOfRange.TerminatingError?.FullyQualifiedErrorId ?? outOfRange.Errors.Single().FullyQualifiedErrorId);
        ErrorRecord error = Assert.Single(yearAlone.Errors);
        Assert.StartsWith("InvalidBandwidthMonth", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(new[] { "next statement" }, yearAlone.OutputOf<string>());
        Assert.DoesNotContain(simulator.Server.Requests, r => r.Function == "showbw");
    }

    [Fact]
    public async Task An_unknown_server_is_an_error_and_the_others_are_measured()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        await AccountWithUsageAsync(world, "bob", 1_000);

        HarnessResult result = world.PS.Invoke("Get-CpBandwidth nosuch, web01 -Year 2024 -Month 5");

        Assert.Single(result.OutputOf<CpBandwidth>());
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("ServerNotFound", error.FullyQualifiedErrorId);
        Assert.Equal("nosuch", error.TargetObject);
    }

    [Fact]
    public async Task Rows_show_as_a_table_per_server_and_month_that_fits_a_console()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        await AccountWithUsageAsync(world, "bob", 1_000_000);

        HarnessResult shown = world.PS.Invoke("Get-CpBandwidth web01 -Year 2024 -Month 5 | Out-Host").AssertSuccess();

        Assert.Contains(shown.HostLines, line => line.Contains("web01 2024-05"));
        Assert.Contains(shown.HostLines, line => line.Contains("Difference") && line.Contains("Status"));
        Assert.Contains(shown.HostLines, line => line.Contains("bob") && line.Contains("1000000") && line.Contains("ToRecord"));
    }

    [Fact]
    public async Task Rows_read_from_another_billing_database_are_refused_and_record_nothing_on_the_accounts_their_ids_name_here()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        Account victim = await AccountWithUsageAsync(world, "victim", 1_000_000);
        Account alpha = await AccountWithUsageAsync(world, "alpha", 2_000_000);
        Account keep = await AccountWithUsageAsync(world, "keep", 3_000_000);

        // A staging copy of billing, on the same server, that opened alpha and victim the other way round.
        await using var staging = new TempSqliteDatabase();
        IReadOnlyDictionary<string, Account> there = await StagingCopyAsync(staging, "alpha", "victim", "keep");
        Assert.Equal((victim.Id, alpha.Id, keep.Id), (there["alpha"].Id, there["victim"].Id, there["keep"].Id));

        // Read in one database, then Connect-CpBilling to another (the production one) and pipe the rows on.
        HarnessResult result = world.PS.Invoke(
            "Connect-CpBilling -Database $args[0] -LogPath $args[2] -Server web01 -Credential $args[3]; $stale = Get-CpBandwidth web01 -Year 2024 -Month 5;" +
            " Connect-CpBilling -Database $args[1] -LogPath $args[2] -Server web01 -Credential $args[3];" +
            " $stale | Save-CpBandwidth -PassThru",
            staging.FilePath,
            world.World.DatabasePath,
            world.LogPath,
            new PSCredential(simulator.User, CommandWorld.Secure(simulator.Token)));

        Assert.Equal(new[] { "alpha", "victim" }, result.Errors.Select(e => Assert.IsType<CpBandwidth>(e.TargetObject).UserName).OrderBy(n => n, StringComparer.Ordinal));
        Assert.All(result.Errors, error =>
        {
            Assert.StartsWith(OperationErrorIds.BandwidthRowMismatch + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        });
        ErrorRecord alphaRow = result.Errors.Single(e => ((CpBandwidth)e.TargetObject).UserName == "alpha");
        Assert.Contains($"(account {victim.Id}) was not recorded: account {victim.Id} on web01 is 'victim'", alphaRow.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(await world.World.Billing.ListBandwidthRecordsAsync(victim.Id, May));
        Assert.Empty(await world.World.Billing.ListBandwidthRecordsAsync(alpha.Id, May));

        // The row whose id is its user's here too is recorded: the check refuses only what does not match.
        CpBandwidth recorded = Assert.Single(result.OutputOf<CpBandwidth>());
        Assert.Equal(("keep", "Recorded"), (recorded.UserName, recorded.Status));
        Assert.Equal(3_000_000, await world.World.Billing.GetRecordedBandwidthForAccountAsync(keep.Id, May));
    }

    [Fact]
    public async Task An_edited_row_records_nothing_on_the_account_its_id_names()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        Account bob = await AccountWithUsageAsync(world, "bob", 1_000_000);
        Account eve = await AccountWithUsageAsync(world, "eve", 9_000_000);

        HarnessResult result = world.PS.Invoke(
            "$row = Get-CpBandwidth web01 -Year 2024 -Month 5 | Where-Object UserName -eq 'eve'; $row.AccountId = $args[0]; $row | Save-CpBandwidth", bob.Id);

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith(OperationErrorIds.BandwidthRowMismatch + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("is 'bob'", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(await world.World.Billing.ListBandwidthRecordsAsync(bob.Id, May));
        Assert.Empty(await world.World.Billing.ListBandwidthRecordsAsync(eve.Id, May));
    }

    [Fact]
    public async Task A_server_counting_less_than_billing_holds_is_a_warning_naming_the_row_and_nothing_is_recorded()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        Account bob = await AccountWithUsageAsync(world, "bob", 2_000_000);
        world.PS.Invoke("Save-CpBandwidth web01 -Year 2024 -Month 5").AssertSuccess();
        world.World.SimState.ResetBandwidth("bob", 2024, 5); // the server's counter was reset
        world.World.SimState.AddBandwidth("bob", 2024, 5, 500_000);

        HarnessResult measured = world.PS.Invoke("Get-CpBandwidth web01 -Year 2024 -Month 5").AssertSuccess();
        HarnessResult saved = world.PS.Invoke("Save-CpBandwidth web01 -Year 2024 -Month 5").AssertSuccess();

        Assert.Equal("ServerBelowRecorded", Assert.Single(measured.OutputOf<CpBandwidth>()).Status);
        Assert.Empty(measured.Warnings); // a read shows the Status; only a recording warns
        Assert.Empty(saved.Output);
        string warning = Assert.Single(saved.Warnings);
        Assert.StartsWith("web01/bob 2024-05: the server counts 500000 bytes, less than the 2000000 bytes billing holds", warning, StringComparison.Ordinal);
        Assert.Contains("nothing was recorded", warning, StringComparison.Ordinal);

        // The help's runbook pattern: the warnings kept in a variable, none on the console.
        HarnessResult runbook = world.PS.Invoke(
            "Save-CpBandwidth web01 -Year 2024 -Month 5 -WarningVariable unsettled -WarningAction SilentlyContinue; $unsettled.Message").AssertSuccess();
        Assert.Empty(runbook.Warnings);
        Assert.Equal(new[] { warning }, runbook.OutputOf<string>());
        Assert.Single(await world.World.Billing.ListBandwidthRecordsAsync(bob.Id, May));
        Assert.Equal(2_000_000, await world.World.Billing.GetRecordedBandwidthForAccountAsync(bob.Id, May));
    }

    [Fact]
    public async Task Accounts_only_the_server_or_only_billing_knows_are_a_warning_each_when_saving()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        await AccountWithUsageAsync(world, "bob", 1_000);
        world.World.SimState.PutAccount(new SimulatedAccount { User = "stray", Domain = "stray.example.com", Plan = OperationsWorld.BasicPackage });
        world.World.SimState.AddBandwidth("stray", 2024, 5, 123_456);
        await world.World.AddActiveAccountAsync("ghost", "ghost.example.com", onServer: false);

        HarnessResult saved = world.PS.Invoke("Get-CpBandwidth web01 -Year 2024 -Month 5 | Save-CpBandwidth").AssertSuccess();

        Assert.Equal(2, saved.Warnings.Count);
        Assert.Contains(saved.Warnings, w => w.StartsWith("web01/ghost 2024-05: billing holds 0 bytes for an account the server did not list; nothing was recorded", StringComparison.Ordinal));
        Assert.Contains(saved.Warnings, w => w.StartsWith("web01/stray 2024-05: the server counts 123456 bytes for an account billing does not have on it; nothing was recorded", StringComparison.Ordinal));
    }

    private static async Task<Account> AccountWithUsageAsync(CommandWorld world, string user, long bytes)
    {
        Account account = await world.World.AddActiveAccountAsync(user, user + ".example.com");
        world.World.SimState.AddBandwidth(user, 2024, 5, bytes);
        return account;
    }

    /// <summary>Another billing database with web01 (this simulator) and the users opened Active in the order given.</summary>
    private async Task<IReadOnlyDictionary<string, Account>> StagingCopyAsync(TempSqliteDatabase database, params string[] users)
    {
        IBillingRepository billing = await database.OpenRepositoryAsync();
        BillingServer web01 = await billing.AddServerAsync("web01", new ServerSettings
        {
            HostName = simulator.BaseUri.Host,
            Port = simulator.BaseUri.Port,
            WhmUser = simulator.User,
            TokenSecretName = "staging-token",
            PinnedCertificateThumbprint = simulator.CertificateSha256,
        });
        await billing.SyncServerPackagesAsync(web01.Id, new[] { new Core.Whm.WhmPackage(OperationsWorld.BasicPackage, new Core.PackageSettings()) });
        BillingPlan plan = await billing.MapPlanToPackageAsync((await billing.AddPlanAsync("Basic", includesDedicatedIp: false)).Id, web01.Id, OperationsWorld.BasicPackage);
        Customer customer = await billing.AddCustomerAsync(new NewCustomer { Login = "carol" });
        var accounts = new Dictionary<string, Account>(StringComparer.Ordinal);
        foreach (string user in users)
        {
            accounts[user] = await billing.OpenAccountAsync(new AccountOpening
            {
                CustomerId = customer.Id,
                ServerId = web01.Id,
                PlanId = plan.Id,
                DomainName = user + ".example.com",
                UserName = user,
                Status = AccountStatus.Active,
            });
        }

        return accounts;
    }
}

using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Module.Tests.Harness;
using CpanelBilling.Testing.Operations;
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

    private static async Task<Account> AccountWithUsageAsync(CommandWorld world, string user, long bytes)
    {
        Account account = await world.World.AddActiveAccountAsync(user, user + ".example.com");
        world.World.SimState.AddBandwidth(user, 2024, 5, bytes);
        return account;
    }
}

using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using CpanelBilling.Module.Tests.Harness;
using CpanelBilling.Testing.Operations;
using CpanelBilling.Types;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Module.Tests.Commands;

/// <summary>Get-CpServerPackage and New-/Set-/Remove-CpPackage through real pipelines on the real engine.</summary>
public sealed class PackageCommandTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;

    public PackageCommandTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task New_CpPackage_sends_exactly_the_options_given_and_outputs_billings_copy()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);

        HarnessResult result = world.PS.Invoke(
            "New-CpPackage -Server web01 gold -Quota 2048 -BandwidthLimit unlimited -MaxFtp 10 -MaxDeferFailPercentage 80 -DedicatedIp -Cgi:$false -Shell -Language de").AssertSuccess();

        CpServerPackage package = Assert.Single(result.OutputOf<CpServerPackage>());
        Assert.Equal(("web01", "gold", "2048", "unlimited", "10"), (package.Server, package.Name, package.Quota, package.BandwidthLimit, package.MaxFtp));
        Assert.True(package.DedicatedIp);
        SimulatedPackage stored = world.World.SimState.FindPackage("gold")!;
        Assert.Equal(("2048", "unlimited", "10", "80", "y", "n", "y", "de"),
            (stored.Quota, stored.BwLimit, stored.MaxFtp, stored.MaxDeferFailPercentage, stored.Ip, stored.Cgi, stored.HasShell, stored.Lang));
        RecordedRequestAssert.Sent(simulator, "addpkg", "digestauth", expected: null); // a switch not given is not sent
    }

    [Fact]
    public async Task An_invalid_package_is_an_error_before_any_request_even_with_WhatIf_and_WhatIf_sends_nothing()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        int requestsBefore = simulator.Server.Requests.Count;

        // Limits are refused while binding (LimitParameterTests); the name and text settings by the package rules.
        HarnessResult invalid = world.PS.Invoke("New-CpPackage -Server web01 extensions -Theme 'bad theme' -Quota 10 -WhatIf");
        HarnessResult whatIf = world.PS.Invoke("New-CpPackage -Server web01 gold -Quota 10 -WhatIf").AssertSuccess();

        ErrorRecord error = Assert.Single(invalid.Errors);
        Assert.StartsWith("InvalidPackage", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("extensions", error.TargetObject);
        Assert.Contains("Theme:", error.Exception.Message);
        Assert.Empty(invalid.WhatIf);
        Assert.Contains(whatIf.WhatIf, line => line.Contains("web01:gold"));
        Assert.Equal(requestsBefore, simulator.Server.Requests.Count);
        Assert.Null(await world.World.Billing.FindServerPackageAsync(world.World.Server.Id, "gold"));
    }

    [Fact]
    public async Task Packages_pipe_by_server_and_name_into_Set_CpPackage()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);

        HarnessResult result = world.PS.Invoke("Get-CpServerPackage -Server web01 basic | Set-CpPackage -MaxSql 8 -PassThru").AssertSuccess();

        CpServerPackage package = Assert.Single(result.OutputOf<CpServerPackage>());
        Assert.Equal("8", package.MaxSql);
        Assert.Equal("1024", package.Quota);
        Assert.Equal("8", world.World.SimState.FindPackage(OperationsWorld.BasicPackage)!.MaxSql);
    }

    [Fact]
    public async Task Set_CpPackage_on_a_package_the_server_lacks_is_not_found_and_creates_nothing()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);

        HarnessResult result = world.PS.Invoke("Set-CpPackage -Server web01 golld -Quota 100");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("PackageNotFound", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Null(world.World.SimState.FindPackage("golld"));
    }

    [Fact]
    public async Task Remove_CpPackage_removes_from_the_server_marks_billing_and_refuses_a_package_in_use()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        await world.World.AddActiveAccountAsync("bob", "bob.example.com");

        HarnessResult inUse = world.PS.Invoke("Remove-CpPackage -Server web01 basic -Force");
        HarnessResult removed = world.PS.Invoke("Get-CpServerPackage -Server web01 pro | Remove-CpPackage -Force").AssertSuccess();

        ErrorRecord error = Assert.Single(inUse.Errors);
        Assert.StartsWith("PackageInUse", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains(removed.Warnings, w => w.Contains("Plan 'Pro'"));
        Assert.Null(world.World.SimState.FindPackage(OperationsWorld.ProPackage));
        CpServerPackage marked = Assert.Single(world.PS.Invoke("Get-CpServerPackage -Server web01 pro -IncludeRemoved").AssertSuccess().OutputOf<CpServerPackage>());
        Assert.True(marked.IsRemoved);
        Assert.Empty(world.PS.Invoke("Get-CpServerPackage -Server web01 pro").AssertSuccess().Output);
    }

    [Theory]
    [InlineData("Set-CpPackage -Server web01 -Name b")]
    [InlineData("New-CpAccount -Server web01 -Package b")]
    [InlineData("Set-CpAccountPackage -Server web01 -UserName shop -Package b")]
    [InlineData("New-CpPlan -Name Starter -Server web01 -Package b")]
    public async Task Package_names_complete_from_billing_for_the_server_given(string line)
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);

        CommandCompletion completion = CommandCompletion.CompleteInput(line, line.Length, null, PowerShell.Create(world.PS.Runspace));

        Assert.Equal(new[] { "basic" }, completion.CompletionMatches.Select(m => m.CompletionText));
    }

    private static class RecordedRequestAssert
    {
        public static void Sent(OperationsWorldFixture simulator, string function, string field, string? expected) =>
            Assert.Equal(expected, Assert.Single(simulator.Server.Requests, r => r.Function == function).FormValue(field));
    }
}

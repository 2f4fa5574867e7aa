using System;
using System.Management.Automation;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Module.Tests.Commands;
using CpanelBilling.Module.Tests.Harness;
using CpanelBilling.Testing.Operations;
using Xunit;

namespace CpanelBilling.Module.Tests.Hardening;

/// <summary>The defects the cmdlet fuzz found, each pinned by the smallest command line that showed it.</summary>
public sealed class CmdletInputDefectTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;

    public CmdletInputDefectTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task A_piped_object_with_a_blank_name_fails_alone_and_the_bulk_run_goes_on()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        Account bob = await world.World.AddActiveAccountAsync("bob", "bob.example.com");
        Account carol = await world.World.AddActiveAccountAsync("carol", "carol.example.com");

        // As Import-Csv gives them: a row with an empty-looking user name between two good ones.
        HarnessResult result = world.PS.Invoke(
            "@([pscustomobject]@{ Server='web01'; UserName='bob' }, [pscustomobject]@{ Server='web01'; UserName=' ' }, [pscustomobject]@{ Server=' '; UserName='x' }," +
            " [pscustomobject]@{ Server='web01'; UserName='carol' }) | Suspend-CpAccount -Reason 'unpaid'; 'next statement'");

        Assert.Null(result.TerminatingError);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, error => Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category));
        Assert.StartsWith("AccountInvalidUserName,", result.Errors[0].FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal("web01/ ", result.Errors[0].TargetObject);
        Assert.StartsWith("AccountInvalidRequest,", result.Errors[1].FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(AccountStatus.Suspended, (await world.World.Billing.GetAccountAsync(bob.Id)).Status);
        Assert.Equal(AccountStatus.Suspended, (await world.World.Billing.GetAccountAsync(carol.Id)).Status);
        Assert.Equal(new[] { "next statement" }, result.OutputOf<string>());
    }
}

using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Module.Tests.Harness;
using CpanelBilling.Testing.Operations;
using CpanelBilling.Types;
using Xunit;

namespace CpanelBilling.Module.Tests.Commands;

/// <summary>Get-CpAccount's name filters (filtered by billing, not by the cmdlet) and user-name Tab completion.</summary>
public sealed class AccountListingCommandTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;

    public AccountListingCommandTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task Get_CpAccount_takes_PowerShell_wildcards_sets_and_escapes_and_reports_each_missing_exact_name_once()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        foreach (string user in new[] { "anna", "bert", "cleo", "st*r" })
        {
            await world.World.AddActiveAccountAsync(user, user.Replace("*", "") + ".example.com", onServer: false);
        }

        Assert.Equal(new[] { "anna", "bert" }, Names(world.PS.Invoke("Get-CpAccount -UserName '[a-b]*'").AssertSuccess()));
        Assert.Equal(new[] { "st*r" }, Names(world.PS.Invoke("Get-CpAccount -UserName 'st`*r'").AssertSuccess()));
        Assert.Equal(new[] { "cleo" }, Names(world.PS.Invoke("Get-CpAccount -Domain 'C?EO.*'").AssertSuccess()));

        HarnessResult missing = world.PS.Invoke("Get-CpAccount -UserName Ghost, anna, ghost, 'x*'");
        Assert.Equal(new[] { "anna" }, Names(missing));
        ErrorRecord error = Assert.Single(missing.Errors);
        Assert.StartsWith("AccountNotFound", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("Ghost", error.TargetObject);

        HarnessResult malformed = world.PS.Invoke("Get-CpAccount -UserName '[ab'");
        Assert.Empty(malformed.Output);
        Assert.Equal(ErrorCategory.InvalidArgument, (malformed.TerminatingError ?? Assert.Single(malformed.Errors)).CategoryInfo.Category);
    }

    [Fact]
    public async Task Get_CpAccount_takes_a_list_longer_than_one_statement_and_reports_each_missing_name()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        foreach (string user in new[] { "zed", "anna", "bert" })
        {
            await world.World.AddActiveAccountAsync(user, user + ".example.com", onServer: false);
        }

        // 503 names: anna opens the first statement's 500, zed (the oldest account) and bert come in the second.
        string[] ghosts = Enumerable.Range(1, 500).Select(i => "ghost" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        string[] names = new[] { "anna" }.Concat(ghosts.Take(499)).Concat(new[] { "zed", "bert" }).Concat(ghosts.Skip(499)).ToArray();
        world.PS.SetVariable("names", names);

        HarnessResult result = world.PS.Invoke("Get-CpAccount -UserName $names");

        Assert.Null(result.TerminatingError);
        Assert.Equal(new[] { "zed", "anna", "bert" }, Names(result));
        Assert.All(result.Errors, e => Assert.StartsWith("AccountNotFound", e.FullyQualifiedErrorId, StringComparison.Ordinal));
        Assert.Equal(ghosts, result.Errors.Select(e => (string)e.TargetObject));
    }

    [Fact]
    public async Task An_unknown_server_in_one_piped_record_fails_that_record_and_the_others_are_listed()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        await world.World.AddActiveAccountAsync("anna", "anna.example.com", onServer: false);
        await world.World.AddActiveAccountAsync("bert", "bert.example.com", onServer: false);

        HarnessResult result = world.PS.Invoke(
            "@([pscustomobject]@{ Server='web01'; UserName='anna' }, [pscustomobject]@{ Server='web99'; UserName='x' }," +
            " [pscustomobject]@{ Server='web01'; UserName='bert' }) | Get-CpAccount");

        Assert.Null(result.TerminatingError);
        Assert.Equal(new[] { "anna", "bert" }, Names(result));
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("ServerNotFound", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("web99", error.TargetObject);
    }

    [Fact]
    public async Task User_names_complete_by_prefix_from_billing_at_most_a_hundred_and_none_for_an_unknown_server()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        for (int i = 0; i < 105; i++)
        {
            string user = "bulk" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
            await world.World.Billing.OpenAccountAsync(world.World.Opening(user, user + ".example.com"));
        }

        await world.World.Billing.OpenAccountAsync(world.World.Opening("other", "other.example.com"));

        string[] bulk = Complete(world, "Suspend-CpAccount -Server web01 -UserName bu");
        Assert.Equal(100, bulk.Length);
        Assert.Equal("bulk000", bulk[0]);
        Assert.Equal("bulk099", bulk[^1]);
        Assert.Equal(new[] { "bulk104" }, Complete(world, "Get-CpAccount -UserName BULK104"));
        Assert.Equal(new[] { "other" }, Complete(world, "Get-CpAccount -UserName 'oth"));
        Assert.Empty(Complete(world, "Suspend-CpAccount -Server web99 -UserName oth"));
    }

    private static string[] Names(HarnessResult result) => result.OutputOf<CpAccount>().Select(a => a.UserName).ToArray();

    private static string[] Complete(CommandWorld world, string line) =>
        CommandCompletion.CompleteInput(line, line.Length, null, PowerShell.Create(world.PS.Runspace)).CompletionMatches.Select(m => m.ListItemText).ToArray();
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Threading.Tasks;
using CpanelBilling.Commands;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Infrastructure;
using CpanelBilling.Module.Tests.Contract;
using CpanelBilling.Module.Tests.Harness;
using CpanelBilling.Testing.Operations;
using CpanelBilling.Types;
using Xunit;

namespace CpanelBilling.Module.Tests.Commands;

/// <summary>
/// Limit parameters (-Disk, -Quota, -MaxFtp ...) are CpLimit values that the core's rules check while PowerShell binds
/// them: a bad value fails at binding, before the cmdlet runs and before -WhatIf reports anything; Tab offers exactly
/// the words the rules take besides a number.
/// </summary>
public sealed class LimitParameterTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;

    public LimitParameterTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    /// <summary>Every CpLimit parameter of every cmdlet, with its command name.</summary>
    public static IEnumerable<object[]> LimitParameters() =>
        CmdletShape.AllIn(typeof(CpCmdlet).Assembly)
            .SelectMany(c => c.Parameters.Where(p => p.Type == typeof(CpLimit)).Select(p => new object[] { c.Name, p.Name }));

    [Fact]
    public void The_limit_parameters_are_the_account_and_package_limits()
    {
        var byCmdlet = LimitParameters().GroupBy(p => (string)p[0]).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(new Dictionary<string, int> { ["New-CpAccount"] = 5, ["New-CpPackage"] = 14, ["Set-CpAccountLimit"] = 5, ["Set-CpPackage"] = 14 }, byCmdlet);
    }

    [Theory]
    [MemberData(nameof(LimitParameters))]
    public void A_limit_parameter_takes_numbers_and_exactly_the_words_Tab_offers(string cmdlet, string parameter)
    {
        PropertyInfo property = Property(cmdlet, parameter);
        LimitTransformationAttribute transformation = Assert.Single(property.GetCustomAttributes<LimitTransformationAttribute>());
        string[] offered = Offered(property);

        Assert.Equal("7", Assert.IsType<CpLimit>(transformation.Transform(null!, 7)).Value);
        Assert.Equal("12", Assert.IsType<CpLimit>(transformation.Transform(null!, new PSObject(" 12 "))).Value);
        foreach (string word in new[] { "unlimited", "package" })
        {
            bool accepted = TryTransform(transformation, word) is null;
            Assert.True(accepted == offered.Contains(word), $"{cmdlet} -{parameter}: '{word}' is {(accepted ? "accepted" : "refused")}, but Tab {(offered.Contains(word) ? "offers" : "does not offer")} it.");
        }

        foreach (object bad in new object[] { "abc", "12.5", -1, "5\u0000", "" })
        {
            ArgumentTransformationMetadataException refused = Assert.IsType<ArgumentTransformationMetadataException>(TryTransform(transformation, bad));
            Assert.False(string.IsNullOrWhiteSpace(refused.Message));
        }
    }

    [Fact]
    public void Account_limits_offer_unlimited_and_package_and_package_limits_offer_unlimited()
    {
        Assert.Equal(new[] { "package", "unlimited" }, Offered(Property("Set-CpAccountLimit", "Disk")));
        Assert.Equal(new[] { "unlimited" }, Offered(Property("Set-CpPackage", "Quota")));
        Assert.Empty(Offered(Property("Set-CpPackage", "MaxTeamUsers")));
    }

    [Fact]
    public void Tab_completes_the_words_on_the_command_line()
    {
        using var ps = PowerShellHarness.ForModule();
        const string line = "Set-CpAccountLimit -Server web01 -UserName shop -Databases u";

        CommandCompletion completion = CommandCompletion.CompleteInput(line, line.Length, null, PowerShell.Create(ps.Runspace));

        Assert.Equal(new[] { "unlimited" }, completion.CompletionMatches.Select(m => m.CompletionText));
    }

    [Theory]
    [InlineData("New-CpAccount -Server web01 -Customer alice -Plan Basic -Domain new.example.com -Disk 12.5 -WhatIf", "Disk", "is not a disk limit", true)]
    [InlineData("Get-CpAccount | Set-CpAccountLimit -Databases 5000 -WhatIf", "Databases", "0 to 999", true)]
    [InlineData("Get-CpAccount | Set-CpAccountLimit -Databases 5000", "Databases", "0 to 999", true)]
    [InlineData("New-CpPackage -Server web01 gold -Quota 0 -WhatIf", "Quota", "refused by cPanel", true)]
    [InlineData("Set-CpPackage -Server web01 basic -MaxDeferFailPercentage 101 -WhatIf", "MaxDeferFailPercentage", "1–100", true)]
    [InlineData("Set-CpPackage -Server web01 basic -MaxTeamUsers unlimited", "MaxTeamUsers", "not a whole number", false)]
    public async Task A_bad_limit_fails_while_binding_before_anything_runs_even_with_WhatIf(string script, string parameter, string rule, bool coreRule)
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        await world.World.AddActiveAccountAsync("lim1", "lim1.example.com");
        await world.World.AddActiveAccountAsync("lim2", "lim2.example.com");
        world.World.Simulator.Server.ClearRequests();
        long[] versions = (await world.World.AccountsAsync()).Select(a => a.RowVersion).ToArray();

        HarnessResult result = world.PS.Invoke(script);

        // One error for the command, not one per piped account: it never ran.
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("ParameterArgumentTransformationError,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(parameter, Assert.IsAssignableFrom<ParameterBindingException>(error.Exception).ParameterName);
        Assert.Contains(rule, error.Exception.Message, StringComparison.Ordinal);
        if (coreRule)
        {
            // The core's own refusal travels with the binding error, for scripts that look for its id.
            Assert.Equal(FailureKind.InvalidArgument, Assert.IsAssignableFrom<CpanelBillingException>(CoreRefusal(error)).Kind);
        }

        Assert.Empty(result.WhatIf);
        Assert.Empty(world.World.Simulator.Server.Requests);
        Assert.Equal(versions, (await world.World.AccountsAsync()).Select(a => a.RowVersion).ToArray());
        Assert.Null(await world.World.Billing.FindServerPackageAsync(world.World.Server.Id, "gold"));
    }

    [Fact]
    public async Task Good_limits_reach_the_server_as_given()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);

        world.PS.Invoke("New-CpPackage -Server web01 gold -Quota 2048 -MaxFtp UNLIMITED -MaxTeamUsers 3").AssertSuccess();
        CpAccount account = Assert.Single(world.PS.Invoke(
            "New-CpAccount -Server web01 -Customer alice -Plan Basic -Domain lim.example.com -Disk 700 -Databases unlimited -EmailAccounts package").AssertSuccess().OutputOf<CpAccount>());

        WhmSimulator.SimulatedPackage gold = world.World.SimState.FindPackage("gold")!;
        Assert.Equal(("2048", "unlimited", "3"), (gold.Quota, gold.MaxFtp, gold.MaxTeamUsers));
        Assert.Equal(("700", "unlimited", null), (account.DiskLimit, account.DatabasesLimit, account.EmailAccountsLimit));
        Assert.Equal(AccountStatus.Active, (await world.World.Billing.FindAccountAsync(world.World.Server.Id, account.UserName))!.Status);
    }

    /// <summary>The core's refusal behind a binding error, when the rule that refused is the core's.</summary>
    internal static CpanelBillingException? CoreRefusal(ErrorRecord error)
    {
        for (Exception? e = error.Exception; e is not null; e = e.InnerException)
        {
            if (e is CpanelBillingException core)
            {
                return core;
            }
        }

        return null;
    }

    private static Exception? TryTransform(LimitTransformationAttribute transformation, object value)
    {
        try
        {
            transformation.Transform(null!, value);
            return null;
        }
        catch (ArgumentTransformationMetadataException refused)
        {
            return refused;
        }
    }

    private static PropertyInfo Property(string cmdlet, string parameter) =>
        CmdletShape.AllIn(typeof(CpCmdlet).Assembly).Single(c => c.Name == cmdlet).Type.GetProperty(parameter)!;

    private static string[] Offered(PropertyInfo property) =>
        property.GetCustomAttributes<ArgumentCompleterAttribute>()
            .Select(a => (IArgumentCompleter)Activator.CreateInstance(a.Type!)!)
            .SelectMany(c => c.CompleteArgument("cmd", property.Name, "", null!, new Hashtable()))
            .Select(r => r.CompletionText)
            .OrderBy(t => t, StringComparer.Ordinal)
            .ToArray();
}

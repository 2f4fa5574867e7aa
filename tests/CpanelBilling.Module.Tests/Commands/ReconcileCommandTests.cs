using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Module.Tests.Harness;
using CpanelBilling.Testing.Operations;
using CpanelBilling.Types;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Module.Tests.Commands;

/// <summary>Compare-CpAccount, Repair-CpAccount and Get-CpOperation through real pipelines on the real engine.</summary>
public sealed class ReconcileCommandTests : IClassFixture<OperationsWorldFixture>
{
    private const string Open = "New-CpAccount -Server web01 -Customer alice -Plan Basic";
    private readonly OperationsWorldFixture simulator;

    public ReconcileCommandTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task Compare_CpAccount_outputs_each_difference_with_both_values_reading_the_server_once()
    {
        await using CommandWorld world = await OpenedAsync("susy", "pete", "same");
        world.World.SimState.UpdateAccount("susy", a => a with { Suspended = true });
        world.World.SimState.UpdateAccount("pete", a => a with { Plan = OperationsWorld.ProPackage });
        world.World.SimState.PutAccount(new SimulatedAccount { User = "stray", Domain = "stray.example.net", Plan = OperationsWorld.BasicPackage });
        world.World.Simulator.Server.ClearRequests();

        HarnessResult result = world.PS.Invoke("Compare-CpAccount -Server web01").AssertSuccess();

        CpAccountDifference[] differences = result.OutputOf<CpAccountDifference>().OrderBy(d => d.UserName).ToArray();
        Assert.Equal(new[] { "pete Package", "stray NotInBilling", "susy Status" }, differences.Select(d => d.UserName + " " + d.Kind));
        Assert.Equal(("basic", "pro", "Billing"), (differences[0].BillingValue, differences[0].ServerValue, differences[0].RepairSide));
        Assert.Equal("ServerWhenAsked", differences[1].RepairSide);
        Assert.Equal(("Active", "Suspended"), (differences[2].BillingValue, differences[2].ServerValue));
        Assert.Equal(new[] { "listaccts" }, world.World.Simulator.Server.Requests.Select(r => r.Function));
        Assert.True(world.World.SimState.GetAccount("susy").Suspended);
    }

    [Fact]
    public async Task Compare_CpAccount_takes_accounts_by_property_name_and_reports_an_unknown_server_and_a_user_without_server()
    {
        await using CommandWorld world = await OpenedAsync("anna", "bert");
        world.World.SimState.UpdateAccount("anna", a => a with { Suspended = true });
        world.World.SimState.UpdateAccount("bert", a => a with { Suspended = true });

        HarnessResult piped = world.PS.Invoke("Get-CpAccount -UserName bert | Compare-CpAccount").AssertSuccess();
        Assert.Equal("bert", Assert.Single(piped.OutputOf<CpAccountDifference>()).UserName);
        world.World.Simulator.Server.ClearRequests();
        HarnessResult both = world.PS.Invoke("Get-CpAccount | Compare-CpAccount").AssertSuccess();
        Assert.Equal(new[] { "anna", "bert" }, both.OutputOf<CpAccountDifference>().Select(d => d.UserName).OrderBy(u => u));
        Assert.Equal(new[] { "listaccts" }, world.World.Simulator.Server.Requests.Select(r => r.Function)); // one read for both accounts
        world.World.Simulator.Server.ClearRequests();

        HarnessResult unknown = world.PS.Invoke("Compare-CpAccount -Server web99");
        ErrorRecord notFound = Assert.Single(unknown.Errors);
        Assert.StartsWith("ServerNotFound", notFound.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ObjectNotFound, notFound.CategoryInfo.Category);
        Assert.Equal("web99", notFound.TargetObject);

        HarnessResult noServer = world.PS.Invoke("Compare-CpAccount -UserName anna");
        ErrorRecord invalid = Assert.Single(noServer.Errors);
        Assert.StartsWith("CpUserNameWithoutServer", invalid.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, invalid.CategoryInfo.Category);

        // Refused input never widens to every server.
        HarnessResult blank = world.PS.Invoke("Repair-CpAccount -Server ' ' -Confirm:$false");
        ErrorRecord blankServer = Assert.Single(blank.Errors);
        Assert.StartsWith("InvalidServerSettings", blankServer.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, blankServer.CategoryInfo.Category);
        Assert.Empty(noServer.Output);
        Assert.Empty(blank.Output);
        Assert.Empty(world.World.Simulator.Server.Requests);
        Assert.True(world.World.SimState.GetAccount("anna").Suspended);
    }

    [Fact]
    public async Task Repair_CpAccount_WhatIf_shows_every_action_and_changes_nothing()
    {
        await using CommandWorld world = await OpenedAsync("susy", "pete");
        world.World.SimState.UpdateAccount("susy", a => a with { Suspended = true });
        world.World.SimState.UpdateAccount("pete", a => a with { Plan = OperationsWorld.ProPackage });
        world.World.Simulator.Server.ClearRequests();

        HarnessResult result = world.PS.Invoke("Repair-CpAccount -Server web01 -WhatIf").AssertSuccess();

        Assert.Empty(result.Output);
        Assert.Equal(2, result.WhatIf.Count);
        Assert.Contains(result.WhatIf, line => line.Contains("Unsuspend 'susy'", StringComparison.Ordinal) && line.Contains("web01/susy", StringComparison.Ordinal));
        Assert.Contains(result.WhatIf, line => line.Contains("to 'basic'", StringComparison.Ordinal) && line.Contains("web01/pete", StringComparison.Ordinal));
        Assert.All(world.World.Simulator.Server.Requests, r => Assert.Equal("listaccts", r.Function));
        Assert.True(world.World.SimState.GetAccount("susy").Suspended);
        Assert.Equal(OperationsWorld.ProPackage, world.World.SimState.GetAccount("pete").Plan);
        Assert.Equal(new[] { "createacct" }, (await world.World.JournalAsync()).Select(e => e.Function).Distinct());
    }

    [Fact]
    public async Task Repair_CpAccount_applies_the_actions_outputs_what_it_did_and_warns_of_what_it_leaves()
    {
        await using CommandWorld world = await OpenedAsync("susy", "gone");
        world.World.SimState.UpdateAccount("susy", a => a with { Suspended = true });
        world.World.SimState.RemoveAccount("gone");

        HarnessResult result = world.PS.Invoke("Compare-CpAccount | Repair-CpAccount -Verbose").AssertSuccess();

        CpRepairResult repaired = Assert.Single(result.OutputOf<CpRepairResult>());
        Assert.Equal(("susy", "Resume", "Done"), (repaired.UserName, repaired.Action, repaired.Status));
        Assert.Equal(new[] { "Status" }, repaired.Resolves);
        Assert.Single(repaired.ServerCalls, c => c.StartsWith("unsuspendacct", StringComparison.Ordinal));
        Assert.Equal(CpAccountStatus.Active, repaired.Account!.Status);
        Assert.False(world.World.SimState.GetAccount("susy").Suspended);
        Assert.Contains(result.Warnings, w => w.Contains("'gone'", StringComparison.Ordinal) && w.Contains("-MarkMissingDeleted", StringComparison.Ordinal));
        Assert.Contains(result.Verbose, line => line.Contains("unsuspendacct", StringComparison.Ordinal));
        Assert.Contains(result.Progress, p => p.Activity == "Repair-CpAccount" && p.StatusDescription == "web01/susy: Resume Done (1 of 1 actions)");
        Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);

        CpRepairResult deleted = Assert.Single(world.PS.Invoke("Repair-CpAccount -Server web01 -UserName gone -MarkMissingDeleted").AssertSuccess().OutputOf<CpRepairResult>());
        Assert.Equal(("MarkDeleted", CpAccountStatus.Deleted), (deleted.Action, deleted.Account!.Status));
        Assert.Empty(world.PS.Invoke("Compare-CpAccount -Server web01").AssertSuccess().Output);
    }

    [Fact]
    public async Task A_failing_repair_is_a_non_terminating_error_with_the_account_as_target_and_the_others_are_repaired()
    {
        await using CommandWorld world = await OpenedAsync("andy", "bert");
        world.World.SimState.UpdateAccount("andy", a => a with { Suspended = true });
        world.World.SimState.UpdateAccount("bert", a => a with { Suspended = true });
        world.World.Faults.Set("unsuspendacct", Fault.HttpStatus(503), 1);

        HarnessResult result = world.PS.Invoke("Repair-CpAccount -ThrottleLimit 1");

        Assert.Null(result.TerminatingError);
        ErrorRecord error = Assert.Single(result.Errors);
        // A 503 to a changing call is a lost answer: the server may still make the change, so it is Unknown, not refused.
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.StartsWith("ServerOutcomeUnknown", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        string failed = (string)error.TargetObject;
        string repaired = Assert.Single(result.OutputOf<CpRepairResult>()).UserName!;
        Assert.Equal(new[] { "web01/andy", "web01/bert" }, new[] { failed, "web01/" + repaired }.OrderBy(n => n));
        Assert.False(world.World.SimState.GetAccount(repaired).Suspended);
    }

    [Fact]
    public async Task Repair_CpAccount_imports_unknown_accounts_for_the_customer_given()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        world.World.SimState.PutAccount(new SimulatedAccount { User = "stray", Domain = "stray.example.net", Plan = OperationsWorld.BasicPackage });

        CpRepairResult imported = Assert.Single(world.PS.Invoke("Repair-CpAccount -ImportCustomer alice").AssertSuccess().OutputOf<CpRepairResult>());

        Assert.Equal(("Import", "alice", "Basic"), (imported.Action, imported.Account!.Customer, imported.Account.Plan));
        Assert.Equal(world.World.Customer.Id, (await world.World.Billing.FindAccountAsync(world.World.Server.Id, "stray"))!.CustomerId);
    }

    [Fact]
    public async Task Get_CpOperation_lists_the_journal_by_account_status_newest_and_id()
    {
        await using CommandWorld world = await OpenedAsync("anna", "bert");
        world.PS.Invoke("Suspend-CpAccount -Server web01 -UserName anna -Reason Overdue").AssertSuccess();
        world.World.Faults.Set("suspendacct", Fault.Failure("Sorry, not now."), 1);
        world.PS.Invoke("Suspend-CpAccount -Server web01 -UserName bert -Reason Overdue");

        CpOperation[] anna = world.PS.Invoke("Get-CpAccount anna | Get-CpOperation").AssertSuccess().OutputOf<CpOperation>().ToArray();
        Assert.Equal(new[] { "createacct", "suspendacct" }, anna.Select(o => o.Function));
        Assert.All(anna, o => Assert.Equal(("web01", "anna", CpOperationStatus.Succeeded), (o.Server, o.UserName, o.Status)));
        Assert.Equal("Overdue", anna[1].Parameters["reason"]);

        CpOperation failed = Assert.Single(world.PS.Invoke("Get-CpOperation -Status Failed").AssertSuccess().OutputOf<CpOperation>());
        Assert.Equal(("bert", "suspendacct"), (failed.UserName, failed.Function));
        Assert.Contains("not now", failed.Error, StringComparison.Ordinal);

        Assert.Equal(new[] { failed.Id }, world.PS.Invoke("Get-CpOperation -Newest 1").AssertSuccess().OutputOf<CpOperation>().Select(o => o.Id));
        Assert.Equal(anna[0].Id, Assert.Single(world.PS.Invoke($"Get-CpOperation -Id {anna[0].Id}").AssertSuccess().OutputOf<CpOperation>()).Id);

        HarnessResult missing = world.PS.Invoke("Get-CpOperation -Id 9999");
        Assert.Equal(ErrorCategory.ObjectNotFound, Assert.Single(missing.Errors).CategoryInfo.Category);
        HarnessResult noServer = world.PS.Invoke("Get-CpOperation -UserName anna");
        Assert.Equal(ErrorCategory.InvalidArgument, Assert.Single(noServer.Errors).CategoryInfo.Category);
    }

    private async Task<CommandWorld> OpenedAsync(params string[] users)
    {
        CommandWorld world = await CommandWorld.CreateAsync(simulator);
        foreach (string user in users)
        {
            world.PS.Invoke(Open + $" -Domain {user}.example.com -UserName {user}").AssertSuccess();
        }

        return world;
    }
}

using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Testing.Operations;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Operations.Tests.Accounts;

/// <summary>Deleting accounts: removeacct, then Deleted in billing with every IP freed; gone already is success.</summary>
public sealed class DeleteAccountTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;

    public DeleteAccountTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task Deleting_removes_the_account_from_the_server_and_frees_its_dedicated_ip_in_billing()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account opened = (await world.OpenAsync("gone.example.com", "gone", world.ProPlan)).Account;
        string dedicated = opened.DedicatedIp!;

        AccountChangeResult result = await world.Accounts().DeleteAsync(world.Ref("gone"));

        Assert.True(result.Changed);
        Assert.Equal(AccountStatus.Deleted, result.Account.Status);
        Assert.Null(world.SimState.FindAccount("gone"));
        Assert.Empty(await world.Billing.ListAccountIpsAsync(opened.Id));
        Assert.True((await world.BillingIpAsync(dedicated)).IsFree);
        Assert.Equal("removeacct", Assert.Single(result.Calls).Function);
        Assert.All(await world.JournalAsync("removeacct"), e => Assert.Equal(OperationStatus.Succeeded, e.Status));
    }

    [Fact]
    public async Task An_account_already_gone_from_the_server_is_deleted_in_billing_without_removeacct()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.OpenAsync("gone.example.com", "gone");
        world.SimState.RemoveAccount("gone");

        AccountChangeResult result = await world.Accounts().DeleteAsync(world.Ref("gone"));

        Assert.Equal(AccountStatus.Deleted, result.Account.Status);
        Assert.Empty(result.Calls);
        Assert.Contains(result.Warnings, w => w.Contains("not on"));
        Assert.Equal(0, world.Sent("removeacct"));
    }

    [Fact]
    public async Task Deleting_twice_finds_the_deleted_account_and_changes_nothing()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.OpenAsync("twice.example.com", "twice");
        await world.Accounts().DeleteAsync(world.Ref("twice"));

        AccountChangeResult again = await world.Accounts().DeleteAsync(world.Ref("twice"));

        Assert.False(again.Changed);
        Assert.Equal(AccountStatus.Deleted, again.Account.Status);
        Assert.Equal(1, world.Sent("removeacct"));
    }

    [Fact]
    public async Task A_late_answer_after_the_server_removed_the_account_is_adopted()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator, AccountWorld.GivingUpOn("removeacct"));
        await world.OpenAsync("late.example.com", "late");
        world.Faults.Set("removeacct", Fault.LateReply(AccountWorld.LongerThanTheTimeout), 1);

        AccountChangeResult result = await world.Accounts().DeleteAsync(world.Ref("late"));
        await world.Simulator.Server.WaitUntilIdleAsync();

        Assert.Equal(AccountStatus.Deleted, result.Account.Status);
        Assert.True(Assert.Single(result.Calls).Adopted);
        Assert.Equal(1, world.Sent("removeacct"));
    }

    [Fact]
    public async Task A_refused_removal_leaves_billing_as_it_was()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account opened = (await world.OpenAsync("kept.example.com", "kept", world.ProPlan)).Account;
        world.Faults.Set("removeacct", Fault.Failure("You do not have permission to remove that account (kept)!"), 1);

        var failure = await Assert.ThrowsAsync<Core.Whm.WhmCallFailedException>(() => world.Accounts().DeleteAsync(world.Ref("kept")));

        Assert.Equal(FailureKind.PermissionDenied, failure.Kind);
        Account after = await world.Billing.GetAccountAsync(opened.Id);
        Assert.Equal(AccountStatus.Active, after.Status);
        Assert.Equal(opened.DedicatedIp, after.DedicatedIp);
        Assert.Equal(OperationStatus.Failed, Assert.Single(await world.JournalAsync("removeacct")).Status);
    }

    [Fact]
    public async Task A_server_account_of_that_name_with_another_domain_is_not_removed()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.OpenAsync("mine.example.com", "mine");
        world.SimState.RemoveAccount("mine");
        world.SimState.PutAccount(new SimulatedAccount { User = "mine", Domain = "theirs.example.org" });

        var failure = await Assert.ThrowsAsync<AccountOperationException>(() => world.Accounts().DeleteAsync(world.Ref("mine")));

        AccountWorld.AssertFailure(failure, AccountErrorIds.BelongsToOther, FailureKind.Conflict);
        Assert.NotNull(world.SimState.FindAccount("mine"));
        Assert.Equal(0, world.Sent("removeacct"));
        Assert.Equal(AccountStatus.Active, (await world.Billing.FindAccountAsync(world.Server.Id, "mine"))!.Status);
    }
}

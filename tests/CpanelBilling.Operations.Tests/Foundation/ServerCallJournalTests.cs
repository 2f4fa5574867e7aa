using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Journal;
using CpanelBilling.Core.Whm;
using CpanelBilling.Testing.Operations;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Operations.Tests.Foundation;

/// <summary>
/// The journal's promise: the intent is written before a changing call, the call is sent once, and an outcome the
/// transport left open is settled by reading the server, never guessed.
/// </summary>
public sealed class ServerCallJournalTests : IClassFixture<OperationsWorldFixture>
{
    private const string User = "bob";
    private readonly OperationsWorldFixture simulator;

    public ServerCallJournalTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task A_successful_call_stays_pending_until_billing_is_updated_then_succeeds()
    {
        await using OperationsWorld world = await CreateWorldWithAccountAsync();

        ServerChangeOutcome<WhmCallResult> outcome = await RunSuspendAsync(world);

        Assert.False(outcome.Adopted);
        Assert.NotNull(outcome.Response);
        OperationJournalEntry entry = await world.Billing.GetOperationAsync(outcome.JournalEntryId);
        Assert.Equal(OperationStatus.Pending, entry.Status);
        Assert.Equal("suspendacct", entry.Function);
        Assert.Equal(User, entry.UserName);
        Assert.Equal("Overdue", entry.Parameters["reason"]);

        await world.Context.Journal.CompleteAsync(outcome.JournalEntryId);

        entry = await world.Billing.GetOperationAsync(outcome.JournalEntryId);
        Assert.Equal(OperationStatus.Succeeded, entry.Status);
        Assert.NotNull(entry.CompletedUtc);
    }

    [Fact]
    public async Task A_reply_lost_after_the_server_did_the_work_is_adopted_without_sending_again()
    {
        await using OperationsWorld world = await CreateWorldWithAccountAsync(ShortWriteTimeout());
        world.Faults.Set("suspendacct", Fault.LateReply(), 1);

        ServerChangeOutcome<WhmCallResult> outcome = await RunSuspendAsync(world);

        Assert.True(outcome.Adopted);
        Assert.IsType<WhmTimeoutException>(outcome.ResolvedFailure);
        Assert.True(world.SimState.GetAccount(User).Suspended);
        Assert.Equal(1, world.Simulator.Server.Requests.Count(r => r.Function == "suspendacct"));
        Assert.Equal(OperationStatus.Pending, (await world.Billing.GetOperationAsync(outcome.JournalEntryId)).Status);
    }

    [Theory]
    [InlineData("hang", typeof(WhmTimeoutException))]
    [InlineData("http500", typeof(WhmTransportException))]
    [InlineData("http502", typeof(WhmTransportException))]
    [InlineData("reset", typeof(WhmTransportException))]
    public async Task A_lost_answer_whose_change_the_server_does_not_show_yet_is_unknown_not_failed(string fault, Type callFailure)
    {
        await using OperationsWorld world = await CreateWorldWithAccountAsync(ShortWriteTimeout());
        world.Faults.Add("suspendacct*1=" + fault);

        var failure = await Assert.ThrowsAsync<ServerOutcomeUnknownException>(() => RunSuspendAsync(world));

        // Not "nothing changed, safe to try again": a server can finish a request its client gave up on.
        Assert.Equal(OperationErrorIds.OutcomeUnknown, failure.ErrorId);
        Assert.Equal(FailureKind.Ambiguous, failure.Kind);
        Assert.Null(failure.CheckFailure);
        Assert.IsType(callFailure, failure.InnerException);
        Assert.True(((WhmApiException)failure.InnerException!).MayHaveExecuted);
        Assert.Contains("may still be in progress", failure.Message);
        Assert.Contains("Repair-CpAccount", failure.Message);
        Assert.DoesNotContain("safe to try again", failure.Message);
        OperationJournalEntry entry = await SingleEntryAsync(world);
        Assert.Equal(OperationStatus.Unknown, entry.Status);
        Assert.Equal(entry.Id, failure.JournalEntryId);
        Assert.False(world.SimState.GetAccount(User).Suspended);
        Assert.Equal(1, world.Simulator.Server.Requests.Count(r => r.Function == "suspendacct"));
    }

    [Fact]
    public async Task An_open_outcome_whose_check_also_fails_is_journaled_unknown()
    {
        await using OperationsWorld world = await CreateWorldWithAccountAsync();
        world.Faults.Set("suspendacct", Fault.HttpStatus(502, afterWork: true), 1);
        world.Faults.Set("accountsummary", Fault.HttpStatus(500));

        var failure = await Assert.ThrowsAsync<ServerOutcomeUnknownException>(() => RunSuspendAsync(world));

        Assert.Equal(FailureKind.Ambiguous, failure.Kind);
        Assert.Contains("Repair-CpAccount", failure.Message);
        OperationJournalEntry entry = await SingleEntryAsync(world);
        Assert.Equal(OperationStatus.Unknown, entry.Status);
        Assert.Equal(entry.Id, failure.JournalEntryId);
    }

    [Fact]
    public async Task A_plain_refusal_is_journaled_failed_and_surfaces_unchanged()
    {
        await using OperationsWorld world = await CreateWorldWithAccountAsync();
        world.Faults.Set("suspendacct", Fault.Failure("Failed to suspend account."), 1);

        var failure = await Assert.ThrowsAsync<WhmCallFailedException>(() => RunSuspendAsync(world));

        Assert.Equal("Failed to suspend account.", failure.Reason);
        OperationJournalEntry entry = await SingleEntryAsync(world);
        Assert.Equal(OperationStatus.Failed, entry.Status);
        Assert.Contains("Failed to suspend account.", entry.Error);
    }

    [Fact]
    public async Task A_refusal_the_change_marks_worth_checking_is_failed_when_the_server_shows_the_change_not_made()
    {
        await using OperationsWorld world = await CreateWorldWithAccountAsync();
        world.Faults.Set("suspendacct", Fault.Failure("Failed to suspend account."), 1);
        ServerChange<WhmCallResult> change = SuspendChange();
        change.CheckServerWhen = f => f is WhmCallFailedException;

        // The server answered, so "not made" is known: the refusal itself surfaces.
        var failure = await Assert.ThrowsAsync<WhmCallFailedException>(() => world.Context.Journal.RunAsync(world.Client, world.Server, null, User, change, CancellationToken.None));

        Assert.Equal("Failed to suspend account.", failure.Reason);
        OperationJournalEntry entry = await SingleEntryAsync(world);
        Assert.Equal(OperationStatus.Failed, entry.Status);
        Assert.Contains("not made", entry.Error);
    }

    [Fact]
    public async Task A_refusal_the_change_marks_worth_checking_is_adopted_when_the_server_shows_the_change()
    {
        await using OperationsWorld world = await CreateWorldWithAccountAsync();
        world.SimState.UpdateAccount(User, a => a with { Suspended = true, SuspendReason = "Overdue" });
        world.Faults.Set("suspendacct", Fault.Failure("Failed to suspend account."), 1);
        ServerChange<WhmCallResult> change = SuspendChange();
        change.CheckServerWhen = f => f is WhmCallFailedException;

        ServerChangeOutcome<WhmCallResult> outcome = await world.Context.Journal.RunAsync(world.Client, world.Server, null, User, change, CancellationToken.None);

        Assert.True(outcome.Adopted);
        Assert.IsType<WhmCallFailedException>(outcome.ResolvedFailure);
    }

    private static ServerChange<WhmCallResult> SuspendChange() => new(
        "suspendacct",
        new Dictionary<string, string?> { ["user"] = User, ["reason"] = "Overdue" },
        (client, ct) => client.SuspendAccountAsync(User, "Overdue", cancellationToken: ct),
        async (client, ct) => (await client.GetAccountSummaryAsync(User, ct))?.IsSuspended == true);

    private static Task<ServerChangeOutcome<WhmCallResult>> RunSuspendAsync(OperationsWorld world) =>
        world.Context.Journal.RunAsync(world.Client, world.Server, null, User, SuspendChange(), CancellationToken.None);

    private static async Task<OperationJournalEntry> SingleEntryAsync(OperationsWorld world)
    {
        var entries = new List<OperationJournalEntry>();
        await foreach (OperationJournalEntry e in world.Billing.ListOperationsAsync(new OperationJournalQuery { ServerId = world.Server.Id }))
        {
            entries.Add(e);
        }

        return Assert.Single(entries);
    }

    /// <summary>
    /// A client that gives up on changing calls after 1.5 s: short, as the late and hang faults hold the request until
    /// it does, yet well above what a busy machine needs to deliver the request, so only the fault makes it time out.
    /// </summary>
    private static WhmClientOptions ShortWriteTimeout()
    {
        WhmClientOptions options = OperationsWorld.FastClientOptions();
        options.WriteTimeout = TimeSpan.FromMilliseconds(1500);
        return options;
    }

    private async Task<OperationsWorld> CreateWorldWithAccountAsync(WhmClientOptions? options = null)
    {
        OperationsWorld world = await OperationsWorld.CreateAsync(simulator, options);
        world.SimState.PutAccount(new SimulatedAccount { User = User, Domain = "bob.example.com", Plan = OperationsWorld.BasicPackage });
        return world;
    }
}

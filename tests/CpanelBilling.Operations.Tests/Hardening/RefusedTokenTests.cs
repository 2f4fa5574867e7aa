using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Operations.Reconcile;
using CpanelBilling.Core.Whm;
using CpanelBilling.Operations.Tests.Accounts;
using CpanelBilling.Operations.Tests.Reconcile;
using CpanelBilling.Testing.Operations;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Operations.Tests.Hardening;

/// <summary>
/// A token the server refused is not sent again. With cPHulk on (five refused logins lock the address out for every
/// runbook on the host), a bulk suspension or a repair with a revoked token costs one refused login, every account
/// gets the authentication error, and the right token still works afterwards.
/// </summary>
public sealed class RefusedTokenTests : IClassFixture<OperationsWorldFixture>
{
    private const string RevokedToken = "REVOKED0TOKEN1234567890ABCDEFGHI";
    private readonly OperationsWorldFixture simulator;

    public RefusedTokenTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task A_bulk_suspension_with_a_refused_token_sends_one_login_and_the_right_token_is_not_locked_out()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        string[] users = Enumerable.Range(1, 10).Select(i => "overdue" + i).ToArray();
        foreach (string user in users)
        {
            await world.AddActiveAccountAsync(user, user + ".example.com");
        }

        UseToken(world, RevokedToken);
        world.Simulator.Server.ClearRequests();

        // All ten at once, as Suspend-CpAccount runs a pipeline; the server's request limit (4) lets several in.
        AccountOperations accounts = world.Accounts();
        Task<AccountChangeResult>[] suspensions = users.Select(user => accounts.SuspendAsync(world.Ref(user), "Overdue")).ToArray();
        var failures = new List<WhmAuthenticationException>();
        foreach (Task<AccountChangeResult> suspension in suspensions)
        {
            failures.Add(await Assert.ThrowsAsync<WhmAuthenticationException>(() => suspension));
        }

        RecordedRequest sent = Assert.Single(world.Simulator.Server.Requests);
        Assert.Equal($"whm {simulator.User}:{RevokedToken}", sent.Header("Authorization"));
        Assert.All(failures, failure =>
        {
            Assert.Equal((FailureKind.AuthenticationFailed, "WhmAuthenticationFailed"), (failure.Kind, failure.ErrorId));
            Assert.DoesNotContain(RevokedToken, failure.Message);
        });
        WhmAuthenticationException refused = Assert.Single(failures, f => !f.RefusedEarlier);
        Assert.Equal(1, refused.Attempts);
        Assert.All(failures.Where(f => f.RefusedEarlier), notSent =>
        {
            Assert.Equal(0, notSent.Attempts);
            Assert.Equal(refused.HttpStatus, notSent.HttpStatus);
            Assert.Contains("Not sent", notSent.Message);
            Assert.Contains("earlier in this session", notSent.Message);
            Assert.Contains("Set-CpServer", notSent.Message);
        });
        Assert.All(users, user => Assert.False(world.SimState.GetAccount(user).Suspended));
        Assert.All(await world.AccountsAsync(), account => Assert.Equal(AccountStatus.Active, account.Status));

        UseToken(world, simulator.Token);
        AccountChangeResult suspended = await accounts.SuspendAsync(world.Ref(users[0]), "Overdue");

        Assert.Equal(AccountStatus.Suspended, suspended.Account.Status);
        Assert.True(world.SimState.GetAccount(users[0]).Suspended);
    }

    [Fact]
    public async Task A_refused_credential_stays_refused_until_a_credential_is_given_again()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        UseToken(world, RevokedToken);
        world.Simulator.Server.ClearRequests();

        Assert.False((await Assert.ThrowsAsync<WhmAuthenticationException>(() => world.Client.GetVersionAsync())).RefusedEarlier);
        Assert.True((await Assert.ThrowsAsync<WhmAuthenticationException>(() => world.Client.ListAccountsAsync())).RefusedEarlier);
        Assert.Single(world.Simulator.Server.Requests);

        // Giving a credential again is how an admin says "try it" (the token was fixed on the server, a lockout expired).
        UseToken(world, RevokedToken);
        Assert.False((await Assert.ThrowsAsync<WhmAuthenticationException>(() => world.Client.GetVersionAsync())).RefusedEarlier);
        Assert.Equal(2, world.Simulator.Server.Requests.Count);

        UseToken(world, simulator.Token);
        Assert.Equal(world.SimState.Version, await world.Client.GetVersionAsync());
    }

    [Fact]
    public async Task A_repair_with_a_refused_token_sends_one_login_and_fails_every_action_with_the_authentication_error()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        string[] users = { "ann", "ben", "cat", "dan", "eve", "fay" };
        foreach (string user in users)
        {
            await world.OpenedAsync(user);
            world.SimState.UpdateAccount(user, a => a with { Suspended = true });
        }

        RepairPlan plan = await world.Reconcile().PlanAsync(world.Scope());
        Assert.Equal(users.Length, plan.Actions.Count(a => a.Kind == RepairActionKind.Resume));
        UseToken(world, RevokedToken);
        world.Simulator.Server.ClearRequests();

        IReadOnlyList<RepairOutcome> outcomes = await world.Reconcile().ApplyAsync(plan.Actions);

        Assert.Single(world.Simulator.Server.Requests);
        Assert.All(outcomes, outcome =>
        {
            Assert.Equal(RepairStatus.Failed, outcome.Status);
            Assert.Equal(FailureKind.AuthenticationFailed, Assert.IsType<WhmAuthenticationException>(outcome.Error).Kind);
        });

        UseToken(world, simulator.Token);
        (await world.Reconcile().RepairAsync(world.Scope())).AllDone();
        Assert.All(users, user => Assert.False(world.SimState.GetAccount(user).Suspended));
    }

    /// <summary>Gives the world's server a new credential object with this token, as Set-CpServer -Credential does.</summary>
    private void UseToken(OperationsWorld world, string token) =>
        world.Credentials.Set(world.Server.Name, new WhmCredential(simulator.User, token));
}

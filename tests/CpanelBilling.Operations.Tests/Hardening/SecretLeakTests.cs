using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Operations.Bandwidth;
using CpanelBilling.Core.Operations.Servers;
using CpanelBilling.Core.Whm;
using CpanelBilling.Operations.Tests.Accounts;
using CpanelBilling.Testing.Operations;
using CpanelBilling.Testing.Secrets;
using CpanelBilling.WhmSimulator;
using Microsoft.Data.Sqlite;
using Xunit;
using AccountLimits = CpanelBilling.Core.Billing.AccountLimits;

namespace CpanelBilling.Operations.Tests.Hardening;

/// <summary>
/// A realistic day of operations (accounts opened with given and generated passwords, a plan change, a
/// suspension, limits, bandwidth, calls that fail in several ways, a wrong API token), then a search for every
/// password and token in everything a person, a log or a backup could read.
/// </summary>
public sealed class SecretLeakTests : IClassFixture<OperationsWorldFixture>
{
    private const string WrongToken = "ZX9WRONGTOKEN0HARDENING4TEST7QQ";
    private const string OtherWrongToken = "ZX9OTHERWRONGTOKEN0FORHOSTCHECK";

    private readonly OperationsWorldFixture simulator;

    public SecretLeakTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task No_password_or_token_appears_in_urls_logs_errors_results_the_journal_or_the_database()
    {
        // createacct gives up after a second here, so an answer sent late is an answer lost (and the account adopted).
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator, AccountWorld.GivingUpOn(WhmFunctions.CreateAccount));
        var accounts = new AccountOperations(world.Context);
        var readable = new List<object?>();
        var failures = new List<Exception?>();
        string given = "Hx7&pw=+%2Fq\"é'Z9!word";
        string adopted = "Ad0pted&Pass=word+%41";
        string refused = "Refused!Pass9=word&x";

        // Passwords given, generated and returned, generated and never shown.
        readable.Add(await accounts.OpenAsync(Request(world, "given.example.com", "given", given)));
        AccountChangeResult returned = await accounts.OpenAsync(new OpenAccountRequest
        {
            ServerName = "web01", CustomerLogin = "alice", PlanName = "Basic", Domain = "returned.example.com", UserName = "returned", ReturnPassword = true,
        });
        readable.Add(returned);
        string generatedAndReturned = AccountWorld.Reveal(returned.Password!);
        readable.Add(await accounts.OpenAsync(Request(world, "hidden.example.com", "hidden", null)));
        string generatedAndHidden = world.SimState.GetAccount("hidden").Password!;

        // Everyday changes.
        readable.Add(await accounts.ChangePlanAsync(world.Ref("given"), "Pro"));
        readable.Add(await accounts.SuspendAsync(world.Ref("returned"), "Unpaid invoice 42"));
        readable.Add(await accounts.ResumeAsync(world.Ref("returned")));
        readable.Add(await accounts.SetLimitsAsync(world.Ref("hidden"), new AccountLimitsChange { Set = new AccountLimits { EmailAccounts = CountLimit.Of(20) } }));
        world.SimState.AddBandwidth("given", 2024, 5, 5_000_000);
        readable.Add(await new BandwidthOperations(world.Context, () => FuzzTargets.Now).MeasureAndRecordAsync(new BandwidthRequest()));

        // createacct answers lost (late) or broken off (half the JSON, the password box included): the server made the
        // account, so it is adopted. An opening an earlier attempt left on the server gets the caller's password with
        // passwd. Then a createacct the server refuses, quoting the password.
        world.Faults.Set(WhmFunctions.CreateAccount, Fault.LateReply(AccountWorld.LongerThanTheTimeout), 1);
        readable.Add(await accounts.OpenAsync(Request(world, "late.example.com", "late", given)));
        world.Faults.Set(WhmFunctions.CreateAccount, Fault.MalformedJson(), 1);
        readable.Add(await accounts.OpenAsync(Request(world, "broken.example.com", "broken", given)));
        Account order = await world.OrderAsync("adopted", "adopted.example.com");
        world.SimState.PutAccount(new SimulatedAccount { User = "adopted", Domain = "adopted.example.com", Plan = OperationsWorld.BasicPackage });
        readable.Add(await accounts.OpenAsync(AccountReference.ById(order.Id), new ContinueOpeningOptions { Password = new WhmSecret(adopted) }));
        world.Faults.Set(WhmFunctions.CreateAccount, Fault.Failure($"The password \u201C{refused}\u201D is too weak to use."), 1);
        failures.Add(await Assert.ThrowsAsync<AccountOperationException>(() => accounts.OpenAsync(Request(world, "refused.example.com", "refused", refused))));

        // A worker with a wrong token, and a host checked with another wrong one.
        await using (SeparateWorker wrong = await SeparateWorker.StartAsync(world, "wrong-token-runbook", WrongToken))
        {
            failures.Add(await Assert.ThrowsAnyAsync<Exception>(() => new AccountOperations(wrong.Context).SuspendAsync(world.Ref("given"), "abuse")));
            ServerConnectionReport refusedCheck = await new ServerConnectionCheck(wrong.Context).CheckAsync("web01");
            Assert.Equal(ConnectionCheckStatus.AuthenticationRefused, refusedCheck.Status);
            readable.Add(refusedCheck);
            failures.Add(refusedCheck.Error);
            ServerConnectionReport hostCheck = await new ServerConnectionCheck(wrong.Context).CheckHostAsync(
                world.Simulator.BaseUri.Host, world.Simulator.BaseUri.Port, new WhmCredential(world.Simulator.User, OtherWrongToken), world.Simulator.CertificateSha256);
            readable.Add(hostCheck);
            failures.Add(hostCheck.Error);
        }

        // The search only means something if the secrets did travel where they belong.
        Assert.Contains(world.Requests(WhmFunctions.CreateAccount), r => r.FormValue("password") == given);
        Assert.Contains(world.Requests(WhmFunctions.ChangePassword), r => r.FormValue("password") == adopted);
        Assert.Contains(world.Simulator.Server.Requests, r => r.Header("Authorization") == $"whm {world.Simulator.User}:{WrongToken}");
        Assert.Contains(world.Simulator.Server.Requests, r => r.Header("Authorization") == $"whm {world.Simulator.User}:{OtherWrongToken}");
        Assert.All(failures, Assert.NotNull);

        SqliteConnection.ClearAllPools();
        SecretSearch search = new SecretSearch(
                new Secret("the API token", world.Simulator.Token, SecretKind.Token),
                new Secret("a wrong API token", WrongToken, SecretKind.Token),
                new Secret("another wrong API token", OtherWrongToken, SecretKind.Token),
                new Secret("a given password", given, SecretKind.Password),
                new Secret("a generated password shown once", generatedAndReturned, SecretKind.Password),
                new Secret("a generated password never shown", generatedAndHidden, SecretKind.Password),
                new Secret("a password given after adoption", adopted, SecretKind.Password),
                new Secret("a password the server quoted", refused, SecretKind.Password))
            .InRequests(world.Simulator.Server.Requests)
            .InFile(world.CallLogPath)
            .InFiles(Path.GetDirectoryName(world.DatabasePath)!, Path.GetFileName(world.DatabasePath));
        foreach (var entry in world.CallLog.Entries)
        {
            search.InText("call log entry " + entry.Function, entry.ToString());
        }

        foreach (OperationJournalEntry entry in await world.JournalAsync())
        {
            search.InText($"journal entry {entry.Id} ({entry.Function})", string.Join("; ", entry.Parameters.Select(p => p.Key + "=" + p.Value)) + " " + entry.Error);
        }

        foreach (Exception? failure in failures)
        {
            search.InException("error", failure);
        }

        foreach (object? result in readable)
        {
            search.InText("result " + result?.GetType().Name, Describe(result));
        }

        search.AssertNoneFound();
    }

    private static OpenAccountRequest Request(OperationsWorld world, string domain, string user, string? password) => new()
    {
        ServerName = world.Server.Name,
        CustomerLogin = world.Customer.Login,
        PlanName = world.BasicPlan.Name,
        Domain = domain,
        UserName = user,
        Password = password is null ? null : new WhmSecret(password),
    };

    /// <summary>What a result shows when printed or formatted: ToString and its warnings, calls and messages.</summary>
    private static string Describe(object? result) => result switch
    {
        AccountChangeResult change => string.Join("\n", new[] { change.ToString(), change.Account.ToString() ?? "" }.Concat(change.Warnings).Concat(change.Calls.Select(c => c.ToString()))),
        ServerConnectionReport report => string.Join("\n", new[] { report.ToString(), report.Message ?? "", report.PinHint ?? "" }.Concat(report.Warnings)),
        BandwidthResult bandwidth => string.Join("\n", bandwidth.Rows.Select(r => r.ToString()).Concat(bandwidth.Failures.Select(f => f.ToString()))),
        _ => result?.ToString() ?? "",
    };
}

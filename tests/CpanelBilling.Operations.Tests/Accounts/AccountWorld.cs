using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Whm;
using CpanelBilling.Testing.Operations;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Operations.Tests.Accounts;

/// <summary>What the account tests do again and again, on top of an <see cref="OperationsWorld"/>.</summary>
internal static class AccountWorld
{
    public static AccountOperations Accounts(this OperationsWorld world) => new(world.Context);

    /// <summary>How many requests for the function reached the simulator.</summary>
    public static int Sent(this OperationsWorld world, string function) =>
        world.Simulator.Server.Requests.Count(r => r.Function == function);

    public static IReadOnlyList<RecordedRequest> Requests(this OperationsWorld world, string function) =>
        world.Simulator.Server.Requests.Where(r => r.Function == function).ToList();

    public static OpenAccountRequest Request(this OperationsWorld world, string domain, string? userName = null, BillingPlan? plan = null) => new()
    {
        ServerName = world.Server.Name,
        CustomerLogin = world.Customer.Login,
        Domain = domain,
        PlanName = (plan ?? world.BasicPlan).Name,
        UserName = userName,
    };

    public static Task<AccountChangeResult> OpenAsync(this OperationsWorld world, string domain, string? userName = null, BillingPlan? plan = null) =>
        world.Accounts().OpenAsync(world.Request(domain, userName, plan));

    /// <summary>An account billing holds as New (as the billing front end records an order), not on the server.</summary>
    public static Task<Account> OrderAsync(this OperationsWorld world, string userName, string domain, BillingPlan? plan = null) =>
        world.Billing.OpenAccountAsync(world.Opening(userName, domain, plan));

    public static AccountReference Ref(this OperationsWorld world, string userName) => AccountReference.ByUserName(world.Server.Name, userName);

    public static async Task<List<OperationJournalEntry>> JournalAsync(this OperationsWorld world, string? function = null)
    {
        var entries = new List<OperationJournalEntry>();
        await foreach (OperationJournalEntry entry in world.Billing.ListOperationsAsync(new OperationJournalQuery { ServerId = world.Server.Id }))
        {
            if (function == null || entry.Function == function)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    public static async Task<ServerIp> BillingIpAsync(this OperationsWorld world, string address) =>
        (await world.Billing.ListServerIpsAsync(world.Server.Id, includeRemoved: true)).Single(ip => ip.Address == address);

    /// <summary>Billing's pool as if the server had no free dedicated address (only the main IP is left).</summary>
    public static Task EmptyBillingIpPoolAsync(this OperationsWorld world) =>
        world.Billing.SyncServerIpsAsync(world.Server.Id, new[] { new ServerIpDefinition { Address = SimulatorState.DefaultMainIp, IsMain = true, IsUsed = true } });

    /// <summary>Asserts that <paramref name="secret"/> is nowhere a person or a log could read it.</summary>
    public static async Task AssertNowhereReadableAsync(this OperationsWorld world, string secret, params Exception?[] failures)
    {
        Assert.All(world.Simulator.Server.Requests, r =>
        {
            Assert.DoesNotContain(secret, r.QueryString, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, r.Path, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(secret, File.ReadAllText(world.CallLogPath), StringComparison.Ordinal);
        Assert.All(world.CallLog.Entries, e => Assert.DoesNotContain(secret, e.ToString(), StringComparison.Ordinal));
        foreach (OperationJournalEntry entry in await world.JournalAsync())
        {
            Assert.DoesNotContain(secret, string.Join(";", entry.Parameters.Select(p => p.Key + "=" + p.Value)) + entry.Error, StringComparison.Ordinal);
        }

        foreach (Exception? failure in failures)
        {
            for (Exception? e = failure; e != null; e = e.InnerException)
            {
                Assert.DoesNotContain(secret, e.Message, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, e.ToString(), StringComparison.Ordinal);
            }
        }
    }

    public static string Reveal(SecureString secure) => new NetworkCredential(string.Empty, secure).Password;

    /// <summary>
    /// Client options that give up on the named functions after a second; every other call keeps the fixture's
    /// generous timeouts, so a busy machine cannot make an unrelated call time out.
    /// </summary>
    public static WhmClientOptions GivingUpOn(params string[] functions)
    {
        WhmClientOptions options = OperationsWorld.FastClientOptions();
        foreach (string function in functions)
        {
            options.FunctionTimeouts[function] = TimeSpan.FromSeconds(1);
        }

        return options;
    }

    /// <summary>
    /// A late answer or hang far beyond the timeout above. It costs no test time: the simulator stops waiting as
    /// soon as the client gives up.
    /// </summary>
    public static readonly TimeSpan LongerThanTheTimeout = TimeSpan.FromSeconds(20);

    public static void AssertFailure(CpanelBillingException failure, string errorId, FailureKind kind)
    {
        Assert.Equal(errorId, failure.ErrorId);
        Assert.Equal(kind, failure.Kind);
    }
}

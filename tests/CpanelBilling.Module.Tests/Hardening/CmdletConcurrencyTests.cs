using System;
using System.Globalization;
using System.Management.Automation;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Module.Tests.Commands;
using CpanelBilling.Module.Tests.Harness;
using CpanelBilling.Testing.Operations;
using Xunit;

namespace CpanelBilling.Module.Tests.Hardening;

/// <summary>
/// Two PowerShell sessions (two runspaces, each connected on its own to one billing database) start the same bulk
/// suspension and the same bandwidth collection at the same time, as two admins or two scheduled runbooks would.
/// </summary>
public sealed class CmdletConcurrencyTests : IClassFixture<OperationsWorldFixture>
{
    private const int AccountCount = 40;
    private const string Reason = "Unpaid invoice (bulk run)";
    // What each session runs: the bulk suspension, then the month's bandwidth.
    private const string Script = "Get-CpAccount -Server web01 -Status Active | Suspend-CpAccount -Reason $args[0]; Save-CpBandwidth -Server web01 -Month $args[1] -Year $args[2]";

    private readonly OperationsWorldFixture simulator;

    public CmdletConcurrencyTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task Two_sessions_suspending_the_same_accounts_and_collecting_the_same_bandwidth_at_once_do_each_once()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        using PowerShellHarness other = SecondSession(world);
        DateTime lastMonth = DateTime.UtcNow.AddMonths(-1);
        var accounts = new Account[AccountCount];
        for (int n = 0; n < AccountCount; n++)
        {
            string user = "bulk" + n.ToString("00", CultureInfo.InvariantCulture);
            accounts[n] = await world.World.AddActiveAccountAsync(user, user + ".example.com");
            world.World.SimState.AddBandwidth(user, lastMonth.Year, lastMonth.Month, (n + 1) * 1_000_003L);
        }

        world.World.Simulator.Server.ClearRequests();

        using HarnessRun first = world.PS.Start(Script, Reason, lastMonth.Month, lastMonth.Year);
        using HarnessRun second = other.Start(Script, Reason, lastMonth.Month, lastMonth.Year);
        first.Wait().AssertSuccess();
        second.Wait().AssertSuccess();

        var month = new BillingMonth(lastMonth.Year, lastMonth.Month);
        foreach (Account account in accounts)
        {
            Assert.Single(world.World.Simulator.Server.Requests, r => r.Function == "suspendacct" && r.FormValue("user") == account.UserName);
            Account now = await world.World.Billing.GetAccountAsync(account.Id);
            Assert.Equal(AccountStatus.Suspended, now.Status);
            Assert.Equal(Reason, now.SuspendReason);
            Assert.Null(await world.World.Billing.GetAccountLeaseAsync(account.Id));
            Assert.Equal(world.World.SimState.GetBandwidth(account.UserName, month.Year, month.Month), await world.World.Billing.GetRecordedBandwidthForAccountAsync(account.Id, month));
            Assert.Single(await world.World.Billing.ListBandwidthRecordsAsync(account.Id, month));
        }
    }

    /// <summary>A second session, as another admin's window: its own runspace and connection to the same database.</summary>
    private PowerShellHarness SecondSession(CommandWorld world)
    {
        var session = PowerShellHarness.ForModule();
        session.Invoke(
            "Connect-CpBilling -Database $args[0] -LogPath $args[1] -Server web01 -Credential $args[2]",
            world.World.DatabasePath,
            world.LogPath + ".second",
            new PSCredential(simulator.User, CommandWorld.Secure(simulator.Token))).AssertSuccess();
        return session;
    }
}

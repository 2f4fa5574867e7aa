using System;
using System.Globalization;
using System.Threading.Tasks;
using CpanelBilling.WhmSimulator;

namespace CpanelBilling.Benchmarks.Whm;

/// <summary>
/// A simulated WHM server with many accounts, each with a package's limits, a contact address, disk usage and
/// this month's bandwidth; every tenth account has an addon and a parked domain (which showbw lists per domain).
/// </summary>
internal static class LargeWhmServer
{
    public static Task<WhmSimulatorServer> StartAsync(int accounts)
    {
        SimulatorState state = SimulatorState.CreateDefault();
        var limits = new AccountLimits { Quota = "10240", BwLimit = "102400", MaxPop = "50", MaxSql = "10", MaxFtp = "5", MaxAddon = "5", MaxPark = "5" };
        DateTimeOffset now = DateTimeOffset.UtcNow;
        for (int i = 0; i < accounts; i++)
        {
            string user = "bench" + i.ToString("D5", CultureInfo.InvariantCulture);
            string domain = user + ".example.com";
            string[] otherDomains = i % 10 == 0 ? new[] { "addon-" + domain, "parked-" + domain } : Array.Empty<string>();
            state.PutAccount(new SimulatedAccount
            {
                User = user,
                Domain = domain,
                Plan = "business",
                Uid = 1001 + i,
                ContactEmail = "owner@" + domain,
                StartDate = now.AddDays(-i % 2000),
                Limits = limits,
                DiskUsedMb = i % 9000,
                InodesUsed = i * 7 % 100_000,
                OtherDomains = otherDomains,
                Suspended = i % 50 == 0,
                SuspendReason = i % 50 == 0 ? "Overdue invoice" : null,
            });
            state.AddBandwidth(user, now.Year, now.Month, 1_000_000L * (i % 5000) + i);
            foreach (string other in otherDomains)
            {
                state.AddBandwidth(user, now.Year, now.Month, 12_345L * i, other);
            }
        }

        return WhmSimulatorServer.StartAsync(new SimulatorOptions { State = state, LockoutAfter = 0 });
    }
}

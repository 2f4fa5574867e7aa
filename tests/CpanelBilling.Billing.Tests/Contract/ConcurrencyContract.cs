using System;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Testing.Billing;
using Xunit;

namespace CpanelBilling.Billing.Tests.Contract;

// Two independent repositories (two runbooks, each with its own connections) race on the same rows. Whatever the
// interleaving, exactly one wins and the other gets the typed error; the data shows one change, never two.
public abstract partial class BillingRepositoryContract
{
    private const int Rounds = 3;

    [BillingFact]
    public async Task Racing_updates_of_one_account_give_one_success_and_one_Conflict()
    {
        BillingScenario s = await ScenarioAsync();
        IBillingRepository second = await OpenSecondRepositoryAsync();
        for (int round = 0; round < Rounds; round++)
        {
            Account read = await s.OpenAccountAsync("race" + round);

            var (a, b) = await RaceAsync(
                () => Repository.SetAccountStatusAsync(read.Id, read.RowVersion, AccountStatus.Suspended, "writer A"),
                () => second.SetAccountStatusAsync(read.Id, read.RowVersion, AccountStatus.Suspended, "writer B"));

            Task<Account> winner = Assert.Single(new[] { a, b }, t => t.Status == TaskStatus.RanToCompletion);
            Task<Account> loser = Assert.Single(new[] { a, b }, t => t.IsFaulted);
            Assert.IsType<BillingConflictException>(loser.Exception!.InnerException);
            Account final = await Repository.GetAccountAsync(read.Id);
            Assert.Equal(winner.Result.SuspendReason, final.SuspendReason);
            Assert.Equal(winner.Result.RowVersion, final.RowVersion);
        }
    }

    [BillingFact]
    public async Task Racing_recordings_of_one_reading_count_it_once()
    {
        BillingScenario s = await ScenarioAsync();
        IBillingRepository second = await OpenSecondRepositoryAsync();
        Account[] accounts = new Account[20];
        for (int i = 0; i < accounts.Length; i++)
        {
            accounts[i] = await s.OpenAccountAsync("bw" + i);
        }

        for (int round = 1; round <= Rounds; round++)
        {
            BandwidthReading reading = new BandwidthReading
            {
                ServerId = s.Server.Id,
                Month = new BillingMonth(2024, 5),
                ReadUtc = Start.AddHours(round),
                Observations = accounts.Select(a => new BandwidthObservation(a.Id, 1000L * round + a.Id)).ToList(),
            };

            var (x, y) = await RaceAsync(() => Repository.RecordBandwidthAsync(reading), () => second.RecordBandwidthAsync(reading));

            Assert.Equal(accounts.Length, x.Result + y.Result);
            var recorded = await Repository.GetRecordedBandwidthAsync(s.Server.Id, new BillingMonth(2024, 5));
            Assert.All(accounts, a => Assert.Equal(1000L * round + a.Id, recorded[a.Id]));
        }
    }

    [BillingFact]
    public async Task Racing_for_the_last_free_ip_gives_it_to_one_and_NoFreeIp_to_the_other()
    {
        for (int round = 0; round < Rounds; round++)
        {
            BillingScenario s = await ScenarioAsync(freeDedicatedIps: 1);
            IBillingRepository second = await OpenSecondRepositoryAsync();

            var (a, b) = await RaceAsync(
                () => Repository.OpenAccountAsync(s.Opening("ipa", s.DedicatedIpPlan)),
                () => second.OpenAccountAsync(s.Opening("ipb", s.DedicatedIpPlan)));

            Task<Account> winner = Assert.Single(new[] { a, b }, t => t.Status == TaskStatus.RanToCompletion);
            Task<Account> loser = Assert.Single(new[] { a, b }, t => t.IsFaulted);
            Assert.IsType<NoFreeIpException>(loser.Exception!.InnerException);
            Assert.Equal("192.0.2.101", winner.Result.DedicatedIp);
            Assert.Equal(new[] { winner.Result.Id }, (await ListAsync(new AccountQuery { ServerId = s.Server.Id })).Select(x => x.Id));
        }
    }

    [BillingFact]
    public async Task Racing_for_a_lease_gives_it_to_one_and_Busy_to_the_other()
    {
        BillingScenario s = await ScenarioAsync();
        IBillingRepository second = await OpenSecondRepositoryAsync();
        for (int round = 0; round < Rounds; round++)
        {
            Account account = await s.OpenAccountAsync("lease" + round);

            var (a, b) = await RaceAsync(
                () => Repository.AcquireAccountLeaseAsync(account.Id, "runbook-A", TimeSpan.FromMinutes(5)),
                () => second.AcquireAccountLeaseAsync(account.Id, "runbook-B", TimeSpan.FromMinutes(5)));

            Task<AccountLease> winner = Assert.Single(new[] { a, b }, t => t.Status == TaskStatus.RanToCompletion);
            Task<AccountLease> loser = Assert.Single(new[] { a, b }, t => t.IsFaulted);
            var busy = Assert.IsType<AccountBusyException>(loser.Exception!.InnerException);
            Assert.Equal(winner.Result.Owner, busy.Holder);
            Assert.Equal(winner.Result.Owner, (await Repository.GetAccountLeaseAsync(account.Id))!.Owner);
        }
    }
}

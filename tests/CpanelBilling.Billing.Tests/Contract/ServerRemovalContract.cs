using System;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Testing.Billing;
using Xunit;

namespace CpanelBilling.Billing.Tests.Contract;

public abstract partial class BillingRepositoryContract
{
    [BillingFact]
    public async Task A_server_with_live_accounts_is_kept_unless_removal_is_forced()
    {
        BillingScenario scenario = await ScenarioAsync();
        await scenario.OpenAccountAsync("bob");

        var error = await Assert.ThrowsAsync<BillingConflictException>(() => Repository.RemoveServerAsync(scenario.Server.Id));

        Assert.Equal(BillingErrorIds.ServerHasLiveAccounts, error.ErrorId);
        Assert.Equal(FailureKind.Conflict, error.Kind);
        Assert.NotNull(await Repository.FindServerAsync(scenario.Server.Name));
        Assert.Single(await ListAsync(new AccountQuery { ServerId = scenario.Server.Id }));
    }

    [BillingFact]
    public async Task Removing_a_server_takes_everything_billing_keeps_for_it_and_nothing_else()
    {
        BillingScenario doomed = await ScenarioAsync();
        BillingScenario kept = await ScenarioAsync();
        var month = new BillingMonth(2024, 5);
        Account live = await doomed.OpenAccountAsync("bob", doomed.DedicatedIpPlan);
        Account gone = await doomed.OpenAccountAsync("carol");
        gone = await Repository.SetAccountStatusAsync(gone.Id, gone.RowVersion, AccountStatus.Deleted);
        await Repository.RecordBandwidthAsync(Reading(doomed.Server, month, new BandwidthObservation(live.Id, 100), new BandwidthObservation(gone.Id, 50)));
        await Repository.BeginOperationAsync(new OperationIntent { ServerId = doomed.Server.Id, AccountId = live.Id, Function = "suspendacct" });
        await Repository.AcquireAccountLeaseAsync(live.Id, "worker", TimeSpan.FromMinutes(1));
        Account keptAccount = await kept.OpenAccountAsync("dave", kept.DedicatedIpPlan);
        await Repository.RecordBandwidthAsync(Reading(kept.Server, month, new BandwidthObservation(keptAccount.Id, 70)));

        int removedAccounts = await Repository.RemoveServerAsync(doomed.Server.Id, evenWithLiveAccounts: true);

        Assert.Equal(2, removedAccounts);
        Assert.Null(await Repository.FindServerAsync(doomed.Server.Name));
        await Assert.ThrowsAsync<BillingNotFoundException>(() => Repository.GetAccountAsync(live.Id));
        await Assert.ThrowsAsync<BillingNotFoundException>(() => Repository.ListServerPackagesAsync(doomed.Server.Id));
        Assert.DoesNotContain((await Repository.GetPlanAsync(doomed.Plan.Id)).Packages, p => p.ServerId == doomed.Server.Id);
        Assert.NotNull(await Repository.FindCustomerAsync(doomed.Customer.Login));
        Assert.NotNull(await Repository.FindDomainAsync(live.DomainName));

        // The other server is untouched: its account, dedicated IP, packages and bandwidth.
        Account stillThere = await Repository.GetAccountAsync(keptAccount.Id);
        Assert.NotNull(stillThere.DedicatedIp);
        Assert.Equal(2, (await Repository.ListServerPackagesAsync(kept.Server.Id)).Count);
        Assert.Equal(70, await Repository.GetRecordedBandwidthForAccountAsync(keptAccount.Id, month));
    }

    [BillingFact]
    public async Task A_server_with_only_deleted_accounts_is_removed_without_force()
    {
        BillingScenario scenario = await ScenarioAsync();
        Account gone = await scenario.OpenAccountAsync("erin");
        await Repository.SetAccountStatusAsync(gone.Id, gone.RowVersion, AccountStatus.Deleted);

        Assert.Equal(1, await Repository.RemoveServerAsync(scenario.Server.Id));
        Assert.DoesNotContain(await Repository.ListServersAsync(), s => s.Id == scenario.Server.Id);
        await Assert.ThrowsAsync<BillingNotFoundException>(() => Repository.RemoveServerAsync(scenario.Server.Id));
    }

    private BandwidthReading Reading(BillingServer server, BillingMonth month, params BandwidthObservation[] observations) => new()
    {
        ServerId = server.Id,
        Month = month,
        ReadUtc = Clock.Now(),
        Observations = observations,
    };
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Testing.Billing;
using Xunit;

namespace CpanelBilling.Billing.Tests.Contract;

public abstract partial class BillingRepositoryContract
{
    private static readonly BillingMonth May = new BillingMonth(2024, 5);

    [BillingFact]
    public async Task Bandwidth_records_only_the_difference_to_what_the_month_already_has()
    {
        BillingScenario s = await ScenarioAsync();
        Account alice = await s.OpenAccountAsync("alice");
        Account bob = await s.OpenAccountAsync("bob");

        int first = await Repository.RecordBandwidthAsync(Reading(s, Start, (alice.Id, 1000), (bob.Id, 0)));
        Clock.Advance(TimeSpan.FromHours(1));
        int second = await Repository.RecordBandwidthAsync(Reading(s, Start.AddHours(1), (alice.Id, 1500), (bob.Id, 300)));

        Assert.Equal(1, first);
        Assert.Equal(2, second);
        Assert.Equal(1500, await Repository.GetRecordedBandwidthForAccountAsync(alice.Id, May));
        IReadOnlyDictionary<long, long> recorded = await Repository.GetRecordedBandwidthAsync(s.Server.Id, May);
        Assert.Equal(1500, recorded[alice.Id]);
        Assert.Equal(300, recorded[bob.Id]);
        IReadOnlyList<BandwidthRecord> rows = await Repository.ListBandwidthRecordsAsync(alice.Id, May);
        Assert.Equal(new long[] { 1000, 500 }, rows.Select(r => r.DeltaBytes));
        Assert.Equal(new long[] { 1000, 1500 }, rows.Select(r => r.ServerTotalBytes));
        Assert.Equal(Start.AddHours(1), rows[1].ReadUtc);
        Assert.Equal(s.Server.Id, rows[1].ServerId);
        Assert.Equal(May, rows[1].Month);
        Assert.Empty(await Repository.GetRecordedBandwidthAsync(s.Server.Id, new BillingMonth(2024, 6)));
    }

    [BillingFact]
    public async Task Recording_the_same_reading_again_counts_it_once()
    {
        BillingScenario s = await ScenarioAsync();
        Account alice = await s.OpenAccountAsync("alice");
        BandwidthReading reading = Reading(s, Start, (alice.Id, 4096));

        Assert.Equal(1, await Repository.RecordBandwidthAsync(reading));
        Assert.Equal(0, await Repository.RecordBandwidthAsync(reading));
        Assert.Equal(0, await Repository.RecordBandwidthAsync(Reading(s, Start, (alice.Id, 4000))));

        Assert.Equal(4096, await Repository.GetRecordedBandwidthForAccountAsync(alice.Id, May));
        Assert.Single(await Repository.ListBandwidthRecordsAsync(alice.Id, May));
    }

    [BillingFact]
    public async Task Observations_of_accounts_on_another_server_are_ignored()
    {
        BillingScenario s = await ScenarioAsync();
        BillingScenario other = await ScenarioAsync();
        Account alice = await s.OpenAccountAsync("alice");
        Account stranger = await other.OpenAccountAsync("stranger");

        int recorded = await Repository.RecordBandwidthAsync(Reading(s, Start, (alice.Id, 10), (stranger.Id, 20)));

        Assert.Equal(1, recorded);
        Assert.Equal(0, await Repository.GetRecordedBandwidthForAccountAsync(stranger.Id, May));
        var missing = await Assert.ThrowsAsync<BillingNotFoundException>(
            () => Repository.RecordBandwidthAsync(new BandwidthReading { ServerId = 999, Month = May, ReadUtc = Start }));
        Assert.Equal(BillingErrorIds.ServerNotFound, missing.ErrorId);
    }

    private static BandwidthReading Reading(BillingScenario s, DateTime readUtc, params (long AccountId, long Total)[] totals) =>
        new BandwidthReading
        {
            ServerId = s.Server.Id,
            Month = BillingMonth.Of(readUtc),
            ReadUtc = readUtc,
            Observations = totals.Select(t => new BandwidthObservation(t.AccountId, t.Total)).ToList(),
        };
}

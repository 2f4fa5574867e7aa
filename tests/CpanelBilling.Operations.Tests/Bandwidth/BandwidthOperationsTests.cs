using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Bandwidth;
using CpanelBilling.Core.Operations.Fanout;
using CpanelBilling.Core.Whm;
using CpanelBilling.Testing.Operations;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Operations.Tests.Bandwidth;

/// <summary>
/// Get-/Save-CpBandwidth's core: one showbw per server, differences against what billing recorded, recorded once
/// and only when positive, accounts matched by user name.
/// </summary>
public sealed class BandwidthOperationsTests : IClassFixture<OperationsWorldFixture>
{
    // "Now" is mid-June 2024, so the default month is May 2024.
    private static readonly DateTime Now = new(2024, 6, 15, 8, 0, 0, DateTimeKind.Utc);
    private static readonly BillingMonth May = new(2024, 5);

    private readonly OperationsWorldFixture simulator;

    public BandwidthOperationsTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task The_first_run_records_the_differences_and_a_second_records_nothing()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account bob = await AccountWithUsageAsync(world, "bob", 1_000_000);
        Account carol = await AccountWithUsageAsync(world, "carol", 2_500_000);
        BandwidthOperations bandwidth = Operations(world);

        BandwidthResult first = await bandwidth.MeasureAndRecordAsync(new BandwidthRequest());

        Assert.Equal(May, first.Month);
        Assert.Equal(2, first.RecordedAccounts);
        Assert.All(first.Rows, r => Assert.Equal(BandwidthRowStatus.Recorded, r.Status));
        Assert.Equal(1_000_000, await world.Billing.GetRecordedBandwidthForAccountAsync(bob.Id, May));
        Assert.Equal(2_500_000, await world.Billing.GetRecordedBandwidthForAccountAsync(carol.Id, May));

        BandwidthResult second = await bandwidth.MeasureAndRecordAsync(new BandwidthRequest());

        Assert.Equal(0, second.RecordedAccounts);
        Assert.All(second.Rows, r => Assert.Equal(BandwidthRowStatus.UpToDate, r.Status));
        Assert.All(second.Rows, r => Assert.Equal(0, r.DifferenceBytes));
        Assert.Single(await world.Billing.ListBandwidthRecordsAsync(bob.Id, May));

        world.SimState.AddBandwidth("bob", 2024, 5, 400_000);
        BandwidthResult third = await bandwidth.MeasureAndRecordAsync(new BandwidthRequest());

        Assert.Equal(1, third.RecordedAccounts);
        Assert.Equal(1_400_000, await world.Billing.GetRecordedBandwidthForAccountAsync(bob.Id, May));
        Assert.Equal(new long[] { 1_000_000, 400_000 }, (await world.Billing.ListBandwidthRecordsAsync(bob.Id, May)).Select(r => r.DeltaBytes));
    }

    [Fact]
    public async Task Measuring_reads_showbw_once_per_server_for_the_month_and_changes_nothing()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account bob = await AccountWithUsageAsync(world, "bob", 1_000_000);
        await world.Billing.RecordBandwidthAsync(Reading(world, new BandwidthObservation(bob.Id, 250_000)));

        BandwidthResult measured = await Operations(world).MeasureAsync(new BandwidthRequest { Month = 5 });

        BandwidthRow row = Assert.Single(measured.Rows);
        Assert.Equal("web01", row.ServerName);
        Assert.Equal("bob", row.UserName);
        Assert.Equal(bob.Id, row.AccountId);
        Assert.Equal("bob.example.com", row.Domain);
        Assert.Equal(1_000_000, row.ServerBytes);
        Assert.Equal(250_000, row.RecordedBytes);
        Assert.Equal(750_000, row.DifferenceBytes);
        Assert.Equal(BandwidthRowStatus.ToRecord, row.Status);
        Assert.Equal(Now, row.ReadUtc);
        Assert.Equal(0, measured.RecordedAccounts);
        Assert.Equal(250_000, await world.Billing.GetRecordedBandwidthForAccountAsync(bob.Id, May));
        var showbw = Assert.Single(world.Simulator.Server.Requests, r => r.Function == "showbw");
        Assert.Equal(("5", "2024"), (showbw.FormValue("month"), showbw.FormValue("year")));
    }

    [Fact]
    public async Task A_server_total_below_what_billing_holds_is_reported_and_never_recorded()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account bob = await AccountWithUsageAsync(world, "bob", 1_000_000);
        await world.Billing.RecordBandwidthAsync(Reading(world, new BandwidthObservation(bob.Id, 5_000_000)));

        BandwidthResult result = await Operations(world).MeasureAndRecordAsync(new BandwidthRequest());

        BandwidthRow row = Assert.Single(result.Rows);
        Assert.Equal(BandwidthRowStatus.ServerBelowRecorded, row.Status);
        Assert.Equal(-4_000_000, row.DifferenceBytes);
        Assert.Equal(0, result.RecordedAccounts);
        Assert.Equal(5_000_000, await world.Billing.GetRecordedBandwidthForAccountAsync(bob.Id, May));
        Assert.Single(await world.Billing.ListBandwidthRecordsAsync(bob.Id, May));
    }

    [Theory]
    [InlineData(null, 13, "Month")]
    [InlineData(null, 0, "Month")]
    [InlineData(2024, null, "Month")]
    [InlineData(2024, 7, "Month")]
    [InlineData(2025, 1, "Year")]
    [InlineData(1969, 12, "Year")]
    public async Task A_month_that_does_not_exist_or_has_not_begun_is_refused_before_any_request(int? year, int? month, string refused)
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await AccountWithUsageAsync(world, "bob", 1_000);

        var error = await Assert.ThrowsAsync<OperationArgumentException>(
            () => Operations(world).MeasureAndRecordAsync(new BandwidthRequest { Year = year, Month = month }));

        Assert.Equal(refused, error.ParameterName);
        Assert.Equal(OperationErrorIds.InvalidBandwidthMonth, error.ErrorId);
        Assert.DoesNotContain(world.Simulator.Server.Requests, r => r.Function == "showbw");
    }

    [Theory]
    [InlineData(1, null, 2024, 1)]
    [InlineData(12, null, 2023, 12)]
    [InlineData(6, 2023, 2023, 6)]
    [InlineData(null, null, 2023, 12)]
    public async Task A_month_alone_means_the_latest_such_month_and_none_means_the_previous_one(int? month, int? year, int expectedYear, int expectedMonth)
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        var bandwidth = new BandwidthOperations(world.Context, () => new DateTime(2024, 1, 10, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new BillingMonth(expectedYear, expectedMonth), bandwidth.ResolveMonth(year, month));
    }

    [Fact]
    public async Task Accounts_are_matched_by_user_name_when_two_accounts_share_a_domain_history()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        // "shopold" had the domain, used bandwidth in May and was removed; "shopnew" got the same domain since.
        Account old = await world.AddActiveAccountAsync("shopold", "shop.example.com");
        world.SimState.AddBandwidth("shopold", 2024, 5, 300_000);
        world.SimState.RemoveAccount("shopold");
        old = await world.Billing.SetAccountStatusAsync(old.Id, old.RowVersion, AccountStatus.Deleted);
        Account current = await world.AddActiveAccountAsync("shopnew", "shop.example.com");
        world.SimState.AddBandwidth("shopnew", 2024, 5, 700_000);

        BandwidthResult result = await Operations(world).MeasureAndRecordAsync(new BandwidthRequest());

        Assert.Equal(2, result.RecordedAccounts);
        Assert.Equal(300_000, await world.Billing.GetRecordedBandwidthForAccountAsync(old.Id, May));
        Assert.Equal(700_000, await world.Billing.GetRecordedBandwidthForAccountAsync(current.Id, May));
        BandwidthRow gone = Assert.Single(result.Rows, r => r.UserName == "shopold");
        Assert.True(gone.DeletedOnServer);
        Assert.Equal(old.Id, gone.AccountId);
    }

    [Fact]
    public async Task Server_accounts_unknown_to_billing_and_billing_accounts_missing_on_the_server_are_reported()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        world.SimState.PutAccount(new SimulatedAccount { User = "stray", Domain = "stray.example.com", Plan = OperationsWorld.BasicPackage });
        world.SimState.AddBandwidth("stray", 2024, 5, 123_456);
        Account ghost = await world.AddActiveAccountAsync("ghost", "ghost.example.com", onServer: false);
        await world.Billing.OpenAccountAsync(world.Opening("ordered", "ordered.example.com")); // New: not on the server yet

        BandwidthResult result = await Operations(world).MeasureAndRecordAsync(new BandwidthRequest());

        BandwidthRow stray = Assert.Single(result.Rows, r => r.UserName == "stray");
        Assert.Equal(BandwidthRowStatus.UnknownToBilling, stray.Status);
        Assert.Null(stray.AccountId);
        Assert.Equal(123_456, stray.ServerBytes);
        Assert.Equal("stray.example.com", stray.Domain);
        BandwidthRow missing = Assert.Single(result.Rows, r => r.UserName == "ghost");
        Assert.Equal(BandwidthRowStatus.MissingOnServer, missing.Status);
        Assert.Equal(ghost.Id, missing.AccountId);
        Assert.Null(missing.ServerBytes);
        Assert.DoesNotContain(result.Rows, r => r.UserName == "ordered");
        Assert.Equal(0, result.RecordedAccounts);
    }

    [Fact]
    public async Task Two_concurrent_recorders_count_every_difference_once()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        var accounts = new List<Account>();
        for (int n = 1; n <= 5; n++)
        {
            accounts.Add(await AccountWithUsageAsync(world, "user" + n, n * 1_000_000L));
        }

        BandwidthOperations bandwidth = Operations(world);
        BandwidthResult measured = await bandwidth.MeasureAsync(new BandwidthRequest());

        // The same reading submitted twice at once, and two whole runs at once.
        BandwidthResult[] sameRows = await Task.WhenAll(bandwidth.RecordAsync(measured.Rows), bandwidth.RecordAsync(measured.Rows));
        world.SimState.AddBandwidth("user1", 2024, 5, 10_000);
        BandwidthResult[] twoRuns = await Task.WhenAll(
            bandwidth.MeasureAndRecordAsync(new BandwidthRequest()), bandwidth.MeasureAndRecordAsync(new BandwidthRequest()));

        Assert.Equal(5, sameRows.Sum(r => r.RecordedAccounts));
        Assert.Equal(1, twoRuns.Sum(r => r.RecordedAccounts));
        for (int n = 1; n <= 5; n++)
        {
            long expected = n * 1_000_000L + (n == 1 ? 10_000 : 0);
            Assert.Equal(expected, await world.Billing.GetRecordedBandwidthForAccountAsync(accounts[n - 1].Id, May));
        }
    }

    [Fact]
    public async Task Rows_piped_back_from_a_measurement_are_recorded_as_they_were_read()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account bob = await AccountWithUsageAsync(world, "bob", 1_000_000);
        BandwidthOperations bandwidth = Operations(world);
        BandwidthRow measured = Assert.Single((await bandwidth.MeasureAsync(new BandwidthRequest())).Rows);
        world.SimState.AddBandwidth("bob", 2024, 5, 5_000); // usage after the reading is for the next run

        var piped = new BandwidthRow(measured.ServerName, measured.Month, measured.ReadUtc, measured.UserName, measured.AccountId, measured.ServerBytes);
        BandwidthResult result = await bandwidth.RecordAsync(new[] { piped });

        Assert.Equal(1, result.RecordedAccounts);
        Assert.Equal(BandwidthRowStatus.Recorded, Assert.Single(result.Rows).Status);
        BandwidthRecord record = Assert.Single(await world.Billing.ListBandwidthRecordsAsync(bob.Id, May));
        Assert.Equal(1_000_000, record.DeltaBytes);
        Assert.Equal(Now, record.ReadUtc);
        Assert.Single(world.Simulator.Server.Requests, r => r.Function == "showbw");
    }

    [Fact]
    public async Task Piped_rows_of_a_server_billing_does_not_know_are_reported_and_returned_as_given_and_the_others_recorded()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account bob = await AccountWithUsageAsync(world, "bob", 1_000_000);
        BandwidthRow measured = Assert.Single((await Operations(world).MeasureAsync(new BandwidthRequest())).Rows);
        var stray = new BandwidthRow("web77", May, Now, "eve", 42, 500);

        BandwidthResult result = await Operations(world).RecordAsync(new[] { stray, measured });

        ServerFailure failure = Assert.Single(result.Failures);
        Assert.Equal(("web77", FailureKind.NotFound), (failure.ServerName, failure.Error.Kind));
        Assert.Equal(new[] { "web01/bob", "web77/eve" }, result.Rows.Select(r => r.ServerName + "/" + r.UserName));
        Assert.Same(stray, result.Rows[1]);
        Assert.Equal(1, result.RecordedAccounts);
        Assert.Equal(1_000_000, await world.Billing.GetRecordedBandwidthForAccountAsync(bob.Id, May));
    }

    [Fact]
    public async Task A_row_whose_account_id_is_not_its_user_on_its_server_is_refused_and_the_others_are_recorded()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account bob = await AccountWithUsageAsync(world, "bob", 1_000_000);
        Account carol = await AccountWithUsageAsync(world, "carol", 2_500_000);
        BillingServer web02 = await world.Billing.AddServerAsync("web02", new ServerSettings { HostName = "web02.example.net", TokenSecretName = "t" });
        await world.Billing.SyncServerPackagesAsync(web02.Id, new[] { new WhmPackage(OperationsWorld.BasicPackage, new PackageSettings()) });
        await world.Billing.MapPlanToPackageAsync(world.BasicPlan.Id, web02.Id, OperationsWorld.BasicPackage);
        AccountOpening elsewhere = world.Opening("dave", "dave.example.net");
        elsewhere.ServerId = web02.Id;
        Account dave = await world.Billing.OpenAccountAsync(elsewhere);

        var othersId = new BandwidthRow("web01", May, Now, "bob", carol.Id, 9_000_000);     // edited, or read from another database
        var noSuchId = new BandwidthRow("web01", May, Now, "bob", 987_654, 9_000_000);
        var otherServersId = new BandwidthRow("web01", May, Now, "dave", dave.Id, 9_000_000); // the insert alone refuses this one
        var matching = new BandwidthRow("WEB01", May, Now, "CAROL", carol.Id, 2_500_000);  // names compare case-insensitively
        BandwidthResult result = await Operations(world).RecordAsync(new[] { othersId, noSuchId, otherServersId, matching });

        Assert.Equal(new[] { othersId, noSuchId, otherServersId }, result.RowFailures.Select(f => f.Row));
        Assert.All(result.RowFailures, f =>
        {
            Assert.IsType<BandwidthRowMismatchException>(f.Error);
            Assert.Equal((OperationErrorIds.BandwidthRowMismatch, FailureKind.NotFound), (f.Error.ErrorId, f.Error.Kind));
        });
        Assert.Contains($"account {carol.Id} on web01 is 'carol'", result.RowFailures[0].Error.Message, StringComparison.Ordinal);
        Assert.Contains("billing has no account 987654 on web01", result.RowFailures[1].Error.Message, StringComparison.Ordinal);
        Assert.Equal("web01/bob", result.RowFailures[0].Error.Target);
        BandwidthRow recorded = Assert.Single(result.Rows);
        Assert.Equal((carol.Id, BandwidthRowStatus.Recorded), (recorded.AccountId, recorded.Status));
        Assert.Equal(1, result.RecordedAccounts);
        Assert.Equal(2_500_000, await world.Billing.GetRecordedBandwidthForAccountAsync(carol.Id, May));
        Assert.Empty(await world.Billing.ListBandwidthRecordsAsync(bob.Id, May));
        Assert.Empty(await world.Billing.ListBandwidthRecordsAsync(dave.Id, May));
        Assert.Empty(result.Failures);
    }

    [Fact]
    public async Task Rows_of_several_months_are_recorded_one_month_at_a_time()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        var rows = new[]
        {
            new BandwidthRow("web01", May, Now, "bob", 1, 100),
            new BandwidthRow("web01", new BillingMonth(2024, 4), Now, "bob", 1, 100),
        };

        var error = await Assert.ThrowsAsync<OperationArgumentException>(() => Operations(world).RecordAsync(rows));

        Assert.Equal(OperationErrorIds.InvalidBandwidthMonth, error.ErrorId);
    }

    [Fact]
    public async Task A_server_that_cannot_be_read_is_reported_and_the_others_are_measured()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await AccountWithUsageAsync(world, "bob", 1_000_000);
        await world.Billing.AddServerAsync("web02", new ServerSettings { HostName = "127.0.0.1", Port = ClosedLoopbackPort(), TokenSecretName = "t" });
        world.Credentials.Set("web02", new WhmCredential(simulator.User, simulator.Token));
        var progress = new List<ServerProgress>();

        BandwidthResult result = await Operations(world).MeasureAndRecordAsync(new BandwidthRequest(), new Progress(progress));

        ServerFailure failure = Assert.Single(result.Failures);
        Assert.Equal("web02", failure.ServerName);
        Assert.IsType<WhmTransportException>(failure.Error);
        Assert.Equal(1, result.RecordedAccounts);
        Assert.Equal(new[] { 1, 2 }, progress.Select(p => p.ServersDone).OrderBy(n => n));
        Assert.All(progress, p => Assert.Equal(2, p.ServersTotal));
    }

    [Fact]
    public async Task Named_servers_are_measured_alone_and_unknown_names_are_failures()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await AccountWithUsageAsync(world, "bob", 1_000_000);

        BandwidthResult result = await Operations(world).MeasureAsync(new BandwidthRequest { Servers = new[] { "WEB01", "web77" } });

        Assert.Single(result.Rows);
        Assert.Equal("web77", Assert.Single(result.Failures).ServerName);
        Assert.Equal(FailureKind.NotFound, result.Failures[0].Error.Kind);
    }

    private static BandwidthOperations Operations(OperationsWorld world) => new(world.Context, () => Now);

    private static async Task<Account> AccountWithUsageAsync(OperationsWorld world, string user, long mayBytes)
    {
        Account account = await world.AddActiveAccountAsync(user, user + ".example.com");
        world.SimState.AddBandwidth(user, 2024, 5, mayBytes);
        world.SimState.AddBandwidth(user, 2024, 4, 77); // another month never leaks into May
        return account;
    }

    private static BandwidthReading Reading(OperationsWorld world, params BandwidthObservation[] observations) => new()
    {
        ServerId = world.Server.Id,
        Month = May,
        ReadUtc = Now.AddDays(-20),
        Observations = observations,
    };

    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    // Synchronous, unlike System.Progress<T>, which posts to the thread pool and could report after the call ends.
    private sealed class Progress : IProgress<ServerProgress>
    {
        private readonly List<ServerProgress> reports;

        public Progress(List<ServerProgress> reports) => this.reports = reports;

        public void Report(ServerProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}

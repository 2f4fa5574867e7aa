using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using CpanelBilling.Benchmarks.Billing;
using CpanelBilling.Core.Billing;
using Microsoft.Data.Sqlite;

namespace CpanelBilling.Benchmarks.Scale;

/// <summary>
/// Lists a server with 100,000 accounts (by default) two ways and prints throughput and memory for each: streaming
/// (<see cref="IBillingRepository.ListAccountsAsync"/> consumed row by row) and collecting every row into a list (what
/// <c>ToList()</c> does). The database is seeded once; each way then runs in a fresh child process of this program,
/// so its peak working set is its own and not the seeding's or the other way's. Each child first streams every row
/// once unmeasured (a cold process: JIT, SQLite's page cache), then measures its way.
/// </summary>
internal static class ListingScaleHarness
{
    public const string Command = "scale";
    public const string PhaseCommand = "scale-phase";

    private const int DefaultAccounts = 100_000;
    private const int SampleEveryRows = 1_000;

    public static async Task<int> RunAsync(string[] args)
    {
        int accounts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : DefaultAccounts;
        Console.WriteLine($"Seeding {accounts:N0} accounts on one server (SQLite, set-based) …");
        var seeding = Stopwatch.StartNew();
        await using SeededBilling billing = await SeededBilling.CreateAsync(accounts);
        Console.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:F1} s: {billing.FilePath}");

        // Idle pooled connections of this process would keep the file open for no reason while the children read it.
        SqliteConnection.ClearAllPools();
        Console.WriteLine();
        Console.WriteLine("| way | rows | time | rows/s | live managed at 50% / 100% of rows | peak managed heap (sampled, garbage included) | peak working set | allocated | GCs gen0/1/2 | cold first pass (streamed, unmeasured) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (ListingWay way in new[] { ListingWay.Stream, ListingWay.List })
        {
            int exitCode = await RunChildAsync(way, billing.FilePath, billing.ServerId, accounts);
            if (exitCode != 0)
            {
                Console.Error.WriteLine($"The {way} run failed (exit code {exitCode}).");
                return exitCode;
            }
        }

        return 0;
    }

    /// <summary>One way, in this (child) process: warm up, then list every account while measuring.</summary>
    public static async Task<int> RunPhaseAsync(string[] args)
    {
        ListingWay way = Enum.Parse<ListingWay>(args[0], ignoreCase: true);
        string filePath = args[1];
        var query = new AccountQuery { ServerId = long.Parse(args[2], CultureInfo.InvariantCulture) };
        int expectedRows = int.Parse(args[3], CultureInfo.InvariantCulture);

        IBillingRepository repository = await BillingDatabase.OpenAsync(filePath);
        TimeSpan coldPass = await WarmUpAsync(repository, query);

        var measurement = new ListingMeasurement();
        List<Account>? collected = way == ListingWay.List ? new List<Account>() : null;
        int rows = 0;
        measurement.Start();
        await foreach (Account account in repository.ListAccountsAsync(query))
        {
            collected?.Add(account);
            rows++;
            if (rows % SampleEveryRows == 0)
            {
                measurement.SampleHeap();
            }

            if (rows == expectedRows / 2)
            {
                measurement.TakeHalfWayLiveMemory();
            }
        }

        measurement.Stop();
        GC.KeepAlive(collected);
        if (rows != expectedRows)
        {
            Console.Error.WriteLine($"Listed {rows} accounts instead of {expectedRows}.");
            return 1;
        }

        string name = way == ListingWay.Stream ? "stream (await foreach)" : "collect into List (ToList)";
        Console.WriteLine(measurement.ToMarkdownRow(name, rows, coldPass));
        return 0;
    }

    // Code is jitted and optimized, the pool holds a connection and SQLite has read the pages before anything is
    // measured, the same way for both ways. Returns how long the cold pass took.
    private static async Task<TimeSpan> WarmUpAsync(IBillingRepository repository, AccountQuery query)
    {
        var stopwatch = Stopwatch.StartNew();
        await foreach (Account account in repository.ListAccountsAsync(query))
        {
            GC.KeepAlive(account);
        }

        return stopwatch.Elapsed;
    }

    private static async Task<int> RunChildAsync(ListingWay way, string filePath, long serverId, int accounts)
    {
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is unknown.");
        var start = new ProcessStartInfo(self) { UseShellExecute = false };
        if (string.Equals(Path.GetFileNameWithoutExtension(self), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            // Started as `dotnet CpanelBilling.Benchmarks.dll`: the child needs the assembly too.
            start.ArgumentList.Add(typeof(ListingScaleHarness).Assembly.Location);
        }

        foreach (string arg in new[] { PhaseCommand, way.ToString(), filePath, serverId.ToString(CultureInfo.InvariantCulture), accounts.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using Process child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the child process.");
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    private enum ListingWay
    {
        Stream,
        List,
    }
}

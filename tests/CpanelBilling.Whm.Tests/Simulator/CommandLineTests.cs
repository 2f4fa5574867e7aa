using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Testing.Simulator;
using Xunit;

namespace CpanelBilling.Whm.Tests.Simulator;

/// <summary>The simulator as a real process, started the way a developer or a CI script starts it.</summary>
public sealed partial class CommandLineTests
{
    private static readonly string SimulatorDll = Path.Combine(AppContext.BaseDirectory, "CpanelBilling.WhmSimulator.dll");

    [Fact]
    public async Task Serves_a_seeded_state_over_https_with_every_option_and_stops_on_ctrl_c()
    {
        var seed = Path.Combine(Path.GetTempPath(), $"cpb-seed-{Guid.NewGuid():N}.json");
        File.WriteAllText(seed, """
            {
              "version": "11.118.0.63",
              "ips": ["192.0.2.11"],
              "packages": [ { "name": "gold", "QUOTA": 1024, "BWLIMIT": "10240", "MAXADDON": "0" } ],
              "accounts": [ { "user": "seeded", "domain": "seeded.example.com", "plan": "gold" } ],
              "bandwidth": [ { "user": "seeded", "year": 2024, "month": 5, "bytes": 1048576 } ]
            }
            """);
        using var process = Start("--urls", "https://127.0.0.1:0", "--token", "CLITOKEN", "--hostname", "cli.example.net", "--quiet",
            "--fault", "listaccts*1=http502", "--state", seed, "--usage-mb", "2");
        try
        {
            string? thumbprint = null;
            Uri? url = null;
            while (url is null)
            {
                var line = await ReadLineAsync(process);
                if (CertificateLine().Match(line) is { Success: true } certificate)
                {
                    thumbprint = certificate.Groups[1].Value;
                }
                else if (ListeningLine().Match(line) is { Success: true } listening)
                {
                    url = new Uri(listening.Groups[1].Value + "/");
                }
            }

            Assert.NotNull(thumbprint);
            Assert.NotEqual(0, url.Port);
            using var client = new HttpClient(PinnedHttpHandler.Create(thumbprint)) { BaseAddress = url };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("whm", "root:CLITOKEN");

            Assert.Equal("11.118.0.63", (string)WhmHttp.Data(await WhmHttp.Api1Async(client, "version"))["version"]!);
            Assert.Equal("cli.example.net", (string)WhmHttp.Data(await WhmHttp.Api1Async(client, "gethostname"))["hostname"]!);
            using (var faulted = await WhmHttp.PostAsync(client, "listaccts", new[] { ("api.version", "1") }))
            {
                Assert.Equal(System.Net.HttpStatusCode.BadGateway, faulted.StatusCode);
            }

            var created = await WhmHttp.Api1Async(client, "createacct", ("username", "newbie"), ("domain", "newbie.example.com"), ("plan", "gold"));
            Assert.Equal(1, WhmHttp.Result(created));
            Assert.Equal(1, WhmHttp.Result(await WhmHttp.Api1Async(client, "suspendacct", ("user", "seeded"), ("reason", "Overdue"))));

            var accounts = WhmHttp.Data(await WhmHttp.Api1Async(client, "listaccts"))["acct"]!.AsArray();
            var seeded = accounts.Single(a => (string)a!["user"]! == "seeded")!;
            var newbie = accounts.Single(a => (string)a!["user"]! == "newbie")!;
            Assert.Equal(2, accounts.Count);
            Assert.Equal((1, "Overdue", "gold"), ((int)seeded["suspended"]!, (string)seeded["suspendreason"]!, (string)seeded["plan"]!));
            Assert.Equal(("gold", "1024M", "0"), ((string)newbie["plan"]!, (string)newbie["disklimit"]!, (string)newbie["maxaddons"]!));

            var may2024 = WhmHttp.Data(await WhmHttp.Api1Async(client, "showbw", ("month", "5"), ("year", "2024")));
            Assert.Equal(1_048_576, (long)may2024["acct"]!.AsArray().Single(a => (string)a!["user"]! == "seeded")!["totalbytes"]!);
            // --usage-mb: the new account has 2 MB in the month it was created (read from its start date, not guessed).
            var started = DateTimeOffset.FromUnixTimeSeconds((long)newbie["unix_startdate"]!);
            var firstMonth = WhmHttp.Data(await WhmHttp.Api1Async(client, "showbw", ("month", started.Month.ToString(CultureInfo.InvariantCulture)),
                ("year", started.Year.ToString(CultureInfo.InvariantCulture))));
            Assert.Equal(2 * 1_048_576, (long)firstMonth["acct"]!.AsArray().Single(a => (string)a!["user"]! == "newbie")!["totalbytes"]!);

            var packages = WhmHttp.Data(await WhmHttp.Api1Async(client, "listpkgs"))["pkg"]!.AsArray();
            Assert.Equal(new[] { "default", "gold" }, packages.Select(p => (string)p!["name"]!));
            Assert.Equal("10240", (string)packages[1]!["BWLIMIT"]!);

            if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            {
                // What Ctrl+C delivers.
                using (var interrupt = Process.Start("kill", new[] { "-INT", process.Id.ToString(CultureInfo.InvariantCulture) }))
                {
                    await interrupt.WaitForExitAsync();
                }

                Assert.True(process.WaitForExit(TimeSpan.FromSeconds(15)), "the simulator did not stop on SIGINT");
                Assert.Equal(0, process.ExitCode);
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            File.Delete(seed);
        }
    }

    [Fact]
    public async Task Help_lists_the_options_and_the_fault_syntax()
    {
        using var process = Start("--help");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        foreach (var option in new[] { "--urls", "--token", "--user", "--state", "--latency-ms", "--lockout-after", "--hostname", "--fault", "late:MS", "http" })
        {
            Assert.Contains(option, output);
        }
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--fault", "createacct=explode")]
    [InlineData("--latency-ms", "soon")]
    [InlineData("--urls", "https://0.0.0.0:2087")]
    [InlineData("--urls", "https://127.0.0.1:0;http://[::]:2086")]
    public async Task Bad_arguments_exit_with_2_and_say_why(params string[] arguments)
    {
        using var process = Start(arguments);
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.False(string.IsNullOrWhiteSpace(error));
        if (arguments[0] == "--urls")
        {
            Assert.Contains("only on loopback", error, StringComparison.Ordinal);
        }
    }

    private static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SimulatorDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    private static async Task<string> ReadLineAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        return line ?? throw new InvalidOperationException("The simulator exited: " + await process.StandardError.ReadToEndAsync());
    }

    [GeneratedRegex("^Certificate SHA256: ([0-9A-F]{64})$")]
    private static partial Regex CertificateLine();

    [GeneratedRegex("^Listening on (https://127\\.0\\.0\\.1:\\d+)$")]
    private static partial Regex ListeningLine();
}

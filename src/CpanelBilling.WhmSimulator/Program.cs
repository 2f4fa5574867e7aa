using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.WhmSimulator.CommandLine;

namespace CpanelBilling.WhmSimulator;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        CommandLineOptions parsed;
        try
        {
            parsed = CommandLineOptions.Parse(args);
        }
        catch (FormatException error)
        {
            await Console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            return 2;
        }

        if (parsed.ShowHelp)
        {
            Console.WriteLine(CommandLineOptions.Help);
            return 0;
        }

        var options = parsed.Simulator;
        if (!parsed.Quiet)
        {
            options.Log = line => Console.WriteLine(line);
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        WhmSimulatorServer server;
        try
        {
            server = await WhmSimulatorServer.StartAsync(options, stop.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is FormatException or InvalidDataException or IOException or ArgumentException)
        {
            await Console.Error.WriteLineAsync("Cannot start the simulator: " + error.Message).ConfigureAwait(false);
            return 1;
        }

        await using (server.ConfigureAwait(false))
        {
            if (server.CertificateSha256 is { } thumbprint)
            {
                Console.WriteLine("Certificate SHA256: " + thumbprint);
            }

            if (options.Token is null)
            {
                // A throwaway token for a local test server; printing it is what makes the server usable.
                Console.WriteLine("Token: " + server.Token);
            }

            foreach (var url in server.Urls)
            {
                Console.WriteLine("Listening on " + url.GetLeftPart(UriPartial.Authority));
            }

            Console.WriteLine($"WHM user {server.User}, hostname {server.State.Hostname}, {server.State.Accounts.Count} accounts, "
                              + $"{server.State.Packages.Count} packages, free IPs: {string.Join(", ", server.State.FreeIps.DefaultIfEmpty("none"))}. "
                              + "Press Ctrl+C to stop.");

            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopping.");
            }
        }

        return 0;
    }
}

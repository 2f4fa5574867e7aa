using System;
using System.Collections.Generic;
using System.Globalization;
using CpanelBilling.WhmSimulator.Hosting;

namespace CpanelBilling.WhmSimulator.CommandLine;

/// <summary>The simulator's command line, parsed into <see cref="SimulatorOptions"/>.</summary>
internal sealed class CommandLineOptions
{
    public const string DefaultUrl = "https://127.0.0.1:2087";

    public const string Help = """
        CpanelBilling WHM simulator: a stateful WHM API 1 server for tests and demos.

        Usage: dotnet run --project src/CpanelBilling.WhmSimulator -- [options]

        Options:
          --urls URL[;URL...]   Where to listen: https:// (self-signed certificate made at start) or http://,
                                a loopback address (127.0.0.1, [::1]) or localhost, port 0 for any free port.
                                Default: https://127.0.0.1:2087
          --token TOKEN         The API token clients send as "Authorization: whm USER:TOKEN".
                                Default: a random token, printed at start.
          --user USER           The WHM user of the token. Default: root
          --hostname NAME       The server hostname (gethostname). Default: server.example.com
          --state FILE.json     Seed packages, IPs, accounts and bandwidth from a JSON file (see README.md).
          --latency-ms N        Delay every reply by N milliseconds.
          --lockout-after N     After N failed logins from one address, refuse it like cPHulk (correct
                                credentials too) for --lockout-minutes. 0 disables. Default: 5
          --lockout-minutes N   How long a lockout lasts. Default: 15
          --string-result       Send metadata.result as the string "1"/"0", as some servers do.
          --usage-mb N          Test knob, not WHM behaviour: every account createacct makes starts with N MB
                                of bandwidth usage in the month it is created, so showbw has something to
                                report. Default: 0 (no usage, as on a real server)
          --fault RULE          Arm a fault; repeat for several. RULE is FUNCTION=FAULT (every call) or
                                FUNCTION*N=FAULT (the next N calls); FUNCTION * means any function.
                                FAULT is one of:
                                  latency:MS    wait MS, then handle the call normally
                                  late          do the work, then hold the answer until the client gives up
                                  late:MS       do the work, then answer only after MS (client may time out)
                                  hang          hold the call, work not done, until the client gives up
                                  hang:MS       wait MS without doing the work, then drop the connection
                                  httpNNN       answer HTTP NNN (500, 502, 503, 524 have realistic pages)
                                  httpNNN+work  do the work, then answer HTTP NNN (a proxy timing out)
                                  reset         drop the connection at once, work not done
                                  malformed     do the work, send only half of the JSON reply
                                  fail:REASON   answer result 0 with REASON, work not done
                                  stringresult  do the work, send metadata.result as a string
                                Examples: --fault createacct*1=late  --fault listaccts=http524
                                          --fault "suspendacct*2=fail:Failed to suspend account."
          --quiet               Do not print a line per request.
          --help                Show this help.

        Prints "Certificate SHA256: HEX" (HTTPS only) and "Listening on URL" for each address, then serves
        until Ctrl+C.
        """;

    public SimulatorOptions Simulator { get; } = new();

    public bool ShowHelp { get; private set; }

    public bool Quiet { get; private set; }

    /// <exception cref="FormatException">An option is unknown or its value is malformed.</exception>
    public static CommandLineOptions Parse(IReadOnlyList<string> args)
    {
        var parsed = new CommandLineOptions();
        var options = parsed.Simulator;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                if (i + 1 >= args.Count)
                {
                    throw new FormatException($"{name} needs a value.");
                }

                return args[++i];
            }

            switch (name)
            {
                case "--help" or "-h" or "-?":
                    parsed.ShowHelp = true;
                    break;
                case "--quiet":
                    parsed.Quiet = true;
                    break;
                case "--string-result":
                    options.ResultAsString = true;
                    break;
                case "--urls":
                    foreach (var url in Value().Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        ListenUrl.Parse(url);
                        options.Urls.Add(url);
                    }

                    break;
                case "--token":
                    options.Token = NonEmpty(name, Value());
                    break;
                case "--user":
                    options.User = NonEmpty(name, Value());
                    break;
                case "--hostname":
                    options.Hostname = NonEmpty(name, Value());
                    break;
                case "--state":
                    options.StateFile = NonEmpty(name, Value());
                    break;
                case "--latency-ms":
                    options.Latency = TimeSpan.FromMilliseconds(Number(name, Value()));
                    break;
                case "--lockout-after":
                    options.LockoutAfter = Number(name, Value());
                    break;
                case "--lockout-minutes":
                    options.LockoutDuration = TimeSpan.FromMinutes(Number(name, Value()));
                    break;
                case "--usage-mb":
                    var usage = Number(name, Value());
                    options.NewAccountUsageMb = usage <= SimulatorOptions.MaxNewAccountUsageMb
                        ? usage
                        : throw new FormatException($"{name} takes at most {SimulatorOptions.MaxNewAccountUsageMb} (1 PiB).");
                    break;
                case "--fault":
                    var rule = Value();
                    FaultPlan.ParseRule(rule);
                    options.Faults.Add(rule);
                    break;
                default:
                    throw new FormatException($"Unknown option '{args[i]}'. Use --help to list the options.");
            }
        }

        if (options.Urls.Count == 0)
        {
            options.Urls.Add(DefaultUrl);
        }

        return parsed;
    }

    private static (string Name, string? Value) Split(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 2
            ? (argument[..equals], argument[(equals + 1)..])
            : (argument, null);
    }

    private static string NonEmpty(string name, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException($"{name} needs a non-empty value.") : value;

    private static int Number(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"{name} needs a whole number of zero or more, not '{value}'.");
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Errors;
using CpanelBilling.Module.Tests.Commands;
using CpanelBilling.Module.Tests.Harness;
using CpanelBilling.Testing.Fuzzing;
using CpanelBilling.Testing.Operations;
using Xunit;
using Xunit.Abstractions;

namespace CpanelBilling.Module.Tests.Hardening;

/// <summary>
/// Random parameters and piped objects at the console, every case bound to fail. What a user must see: an error
/// record per failed item (typed: the module's error id and category, or PowerShell's own parameter validation),
/// never an exception escaping a cmdlet, never the script stopped, nothing sent to the server, billing unchanged.
/// Seeded like the operations fuzz (CPBILLING_FUZZ_SEED); far fewer cases, each runs a real pipeline.
/// </summary>
public sealed class CmdletInputFuzzTests : IClassFixture<OperationsWorldFixture>
{
    private const int Cases = 400;
    private const int MaxReportedFailures = 10;
    private static readonly FailureKind[] RefusalKinds = { FailureKind.InvalidArgument, FailureKind.NotFound, FailureKind.AlreadyExists };

    private readonly OperationsWorldFixture simulator;
    private readonly ITestOutputHelper output;

    public CmdletInputFuzzTests(OperationsWorldFixture simulator, ITestOutputHelper output)
    {
        this.simulator = simulator;
        this.output = output;
    }

    [Fact]
    public async Task Random_parameters_and_piped_objects_end_in_typed_errors_per_item_with_nothing_sent_or_stored()
    {
        int seed = FuzzSeed.Value;
        output.WriteLine($"{FuzzSeed.Describe(seed)}; {Cases} command lines");
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        await world.World.AddActiveAccountAsync(CmdletFuzzCases.KnownUser, CmdletFuzzCases.KnownUser + ".example.com");
        world.PS.SetVariable("fuzzCredential", new PSCredential("root", CommandWorld.Secure("FUZZTOKEN0123456789")));
        world.World.Simulator.Server.ClearRequests();
        string billing = await FingerprintAsync(world.World);
        var failures = new List<string>();

        for (int number = 0; number < Cases && failures.Count < MaxReportedFailures; number++)
        {
            CmdletCase fuzz = CmdletFuzzCases.Next(new InputGenerator(FuzzSeed.ForCase(seed, 2_000_000 + number)));
            for (int i = 0; i < fuzz.Values.Count; i++)
            {
                world.PS.SetVariable("v" + i.ToString(CultureInfo.InvariantCulture), fuzz.Values[i]);
            }

            HarnessResult result = world.PS.Invoke(fuzz.Script);
            var problems = new List<string>();
            if (result.TerminatingError is { } stopped)
            {
                problems.Add("stopped the script: " + HarnessResult.Describe(stopped));
            }

            if (result.Errors.Count == 0)
            {
                problems.Add("ended without an error");
            }

            problems.AddRange(result.Errors.Select(Untyped).OfType<string>());
            if (world.World.Simulator.Server.Requests.Count > 0)
            {
                problems.Add("sent " + string.Join(", ", world.World.Simulator.Server.Requests.Select(r => r.Function)));
                world.World.Simulator.Server.ClearRequests();
            }

            string now = await FingerprintAsync(world.World);
            if (now != billing)
            {
                problems.Add($"changed billing ({billing} -> {now})");
                billing = now;
            }

            if (problems.Count > 0)
            {
                failures.Add($"case {number.ToString(CultureInfo.InvariantCulture)}: {fuzz.Shown}: {string.Join("; ", problems)}");
            }
        }

        Assert.True(failures.Count == 0, $"{FuzzSeed.Describe(seed)}:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    /// <summary>Null for an error record a user can act on: the module's typed refusal, or PowerShell's own parameter validation.</summary>
    private static string? Untyped(ErrorRecord error) => error.Exception switch
    {
        CpanelBillingException typed when RefusalKinds.Contains(typed.Kind)
            && error.FullyQualifiedErrorId.StartsWith(typed.ErrorId + ",", StringComparison.Ordinal)
            && error.CategoryInfo.Category == ErrorRecordFactory.CategoryOf(typed.Kind) => null,
        CpanelBillingCmdletException when error.CategoryInfo.Category == ErrorCategory.InvalidArgument => null,
        ParameterBindingException => null,
        _ => "an untyped error: " + HarnessResult.Describe(error) + $" ({error.Exception?.GetType().FullName})",
    };

    /// <summary>What billing holds, in a line: any write shows up as a difference.</summary>
    private static async Task<string> FingerprintAsync(OperationsWorld world)
    {
        IBillingRepository billing = world.Billing;
        List<Account> accounts = await world.AccountsAsync();
        int journal = 0;
        await foreach (OperationJournalEntry _ in billing.ListOperationsAsync(new OperationJournalQuery()))
        {
            journal++;
        }

        IReadOnlyList<BillingServer> servers = await billing.ListServersAsync();
        int packages = 0;
        foreach (BillingServer server in servers)
        {
            packages += (await billing.ListServerPackagesAsync(server.Id, includeRemoved: true)).Count;
        }

        return string.Join(
            " ",
            $"servers={servers.Count} ({string.Join(",", servers.Select(s => s.Settings.HostName + ":" + s.Settings.Port.ToString(CultureInfo.InvariantCulture) + ":" + s.Settings.PinnedCertificateThumbprint))})",
            $"packages={packages}",
            $"plans={(await billing.ListPlansAsync()).Sum(p => 1 + p.Packages.Count)}",
            $"customers={(await billing.ListCustomersAsync()).Count}",
            $"accounts={string.Join(",", accounts.Select(a => a.Id.ToString(CultureInfo.InvariantCulture) + "v" + a.RowVersion.ToString(CultureInfo.InvariantCulture)))}",
            $"journal={journal}");
    }
}

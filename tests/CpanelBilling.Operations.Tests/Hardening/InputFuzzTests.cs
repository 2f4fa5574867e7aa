using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts.Validation;
using CpanelBilling.Testing.Operations;
using Xunit;
using Xunit.Abstractions;
using CpanelBilling.Testing.Fuzzing;

namespace CpanelBilling.Operations.Tests.Hardening;

/// <summary>
/// Random input at every operation's entry point. Invalid input, and names billing does not have, must end in a
/// typed error (InvalidArgument or NotFound) before any server call and without any billing write; the user name
/// and domain validators must agree with an independent reading of cPanel's rules. Seeded: see <see cref="FuzzSeed"/>.
/// </summary>
public sealed class InputFuzzTests : IClassFixture<OperationsWorldFixture>
{
    private const int MinimumCases = 10_000;
    private const int MaxReportedFailures = 10;

    private readonly OperationsWorldFixture simulator;
    private readonly ITestOutputHelper output;

    public InputFuzzTests(OperationsWorldFixture simulator, ITestOutputHelper output)
    {
        this.simulator = simulator;
        this.output = output;
    }

    [Fact]
    public async Task Random_input_at_every_entry_point_ends_in_a_typed_error_before_any_server_call_or_billing_write()
    {
        int seed = FuzzSeed.Value;
        int cases = FuzzSeed.Cases(MinimumCases);
        output.WriteLine($"{FuzzSeed.Describe(seed)}; {cases} cases");
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        (IBillingRepository billing, WriteWatchingBilling writes) = WriteWatchingBilling.Wrap(world.Billing);
        FuzzTargets targets = await FuzzTargets.CreateAsync(world, billing);
        world.Simulator.Server.ClearRequests();
        var tally = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();

        for (int number = 0; number < cases && failures.Count < MaxReportedFailures; number++)
        {
            var g = new InputGenerator(FuzzSeed.ForCase(seed, number));
            FuzzCase fuzz = g.Between(0, 11) switch
            {
                <= 3 => AccountFuzzCases.Next(g, targets),
                4 => CustomerAndListingFuzzCases.Next(g, targets),
                <= 6 => PackageFuzzCases.Next(g, targets),
                <= 8 => ServerFuzzCases.Next(g, targets),
                <= 10 => BandwidthFuzzCases.Next(g, targets),
                _ => ReconcileFuzzCases.Next(g, targets),
            };

            string? problem = await RunAsync(fuzz, world, writes);
            Count(tally, fuzz.EntryPoint + " → " + fuzz.Expect);
            if (problem is not null)
            {
                failures.Add($"case {number.ToString(CultureInfo.InvariantCulture)}: {fuzz.EntryPoint}({fuzz.Input}) should end in {fuzz.Expect} but {problem}");
            }
        }

        output.WriteLine(string.Join(Environment.NewLine, tally.Select(t => $"{t.Value,6} {t.Key}")));
        Assert.True(failures.Count == 0, $"{FuzzSeed.Describe(seed)}: {failures.Count} case(s) failed:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
        Assert.Empty(world.Simulator.Server.Requests);
    }

    [Fact]
    public void User_name_and_domain_validators_agree_with_an_independent_reading_of_cpanel_s_rules()
    {
        int seed = FuzzSeed.Value;
        int cases = FuzzSeed.Cases(MinimumCases);
        output.WriteLine($"{FuzzSeed.Describe(seed)}; {cases} user names and {cases} domains");
        var failures = new List<string>();
        int validNames = 0, validDomains = 0;
        for (int number = 0; number < cases && failures.Count < MaxReportedFailures; number++)
        {
            var g = new InputGenerator(FuzzSeed.ForCase(seed, -1 - number));
            string name = g.UserName();
            bool nameOracle = CpanelRulesOracle.IsValidUserName(name);
            string? nameProblem = CpanelUserName.Problem(AsciiLower(name.Trim()));
            validNames += nameOracle ? 1 : 0;
            if ((nameProblem is null) != nameOracle)
            {
                failures.Add($"case {number}: user name {FuzzText.Show(name)}: the oracle says {(nameOracle ? "valid" : "invalid")}, the validator {(nameProblem is null ? "valid" : "invalid: " + nameProblem)}");
            }

            string domain = g.Domain();
            bool domainOracle = CpanelRulesOracle.IsValidDomain(domain);
            string? domainProblem = CpanelDomainName.Problem(CpanelDomainName.Normalize(domain));
            validDomains += domainOracle ? 1 : 0;
            if ((domainProblem is null) != domainOracle)
            {
                failures.Add($"case {number}: domain {FuzzText.Show(domain)}: the oracle says {(domainOracle ? "valid" : "invalid")}, the validator {(domainProblem is null ? "valid" : "invalid: " + domainProblem)}");
            }
        }

        output.WriteLine($"valid user names {validNames}, valid domains {validDomains}");
        Assert.True(failures.Count == 0, $"{FuzzSeed.Describe(seed)}:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");

        // The generator must keep producing both kinds, or the comparison proves little.
        Assert.InRange(validNames, cases / 4, cases * 3 / 4);
        Assert.InRange(validDomains, cases / 4, cases * 3 / 4);
    }

    private static async Task<string?> RunAsync(FuzzCase fuzz, OperationsWorld world, WriteWatchingBilling writes)
    {
        object? result = null;
        Exception? thrown = null;
        try
        {
            result = await fuzz.Run();
        }
        catch (Exception e)
        {
            thrown = e;
        }

        var problems = new List<string>();
        if (fuzz.Expect.Judge(result, thrown) is { } wrong)
        {
            problems.Add(wrong);
        }

        IReadOnlyList<string> written = writes.Take();
        if (written.Count > 0)
        {
            problems.Add("wrote to billing (" + string.Join(", ", written) + ")");
        }

        int requests = world.Simulator.Server.Requests.Count;
        if (requests > 0)
        {
            problems.Add($"sent {requests} request(s) to the server ({string.Join(", ", world.Simulator.Server.Requests.Select(r => r.Function))})");
            world.Simulator.Server.ClearRequests();
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static void Count(IDictionary<string, int> tally, string key) => tally[key] = tally.TryGetValue(key, out int n) ? n + 1 : 1;

    private static string AsciiLower(string text)
    {
        var lowered = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            lowered.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
        }

        return lowered.ToString();
    }
}

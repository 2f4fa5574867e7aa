using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Operations.Accounts.Validation;
using CpanelBilling.Core.Operations.Bandwidth;
using CpanelBilling.Core.Operations.Packages;
using CpanelBilling.Core.Operations.Servers;
using CpanelBilling.Core.Whm;
using CpanelBilling.Testing.Operations;
using CpanelBilling.WhmSimulator;
using Xunit;
using Xunit.Abstractions;
using AccountLimits = CpanelBilling.Core.Billing.AccountLimits;
using SimLimits = CpanelBilling.WhmSimulator.AccountLimits;
using CpanelBilling.Testing.Fuzzing;

namespace CpanelBilling.Operations.Tests.Hardening;

/// <summary>
/// The other half of the fuzz: a seeded sample of generated input that the rules call valid goes all the way to
/// the simulated WHM server, which must accept it and end up holding exactly what was asked (user, domain,
/// password, contact address, limits, suspension reason, package settings), as billing does.
/// </summary>
public sealed class ValidInputSampleTests : IClassFixture<OperationsWorldFixture>
{
    private const int Accounts = 16;
    private const int Packages = 10;
    private const int Months = 8;
    private const int Servers = 10;

    private readonly OperationsWorldFixture simulator;
    private readonly ITestOutputHelper output;

    public ValidInputSampleTests(OperationsWorldFixture simulator, ITestOutputHelper output)
    {
        this.simulator = simulator;
        this.output = output;
    }

    [Fact]
    public async Task A_sample_of_valid_generated_input_really_passes_on_the_simulator()
    {
        int seed = FuzzSeed.Value;
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        var run = new SampleRun(world, seed);

        await run.AccountsAsync(Accounts);
        await run.PackagesAsync(Packages);
        await run.MonthsAsync(Months);
        await run.ServersAsync(Servers);

        output.WriteLine($"{FuzzSeed.Describe(seed)}; {run.Cases} valid cases sent through the operations, {world.Simulator.Server.Requests.Count} WHM requests");
        Assert.True(run.Failures.Count == 0, $"{FuzzSeed.Describe(seed)}:{Environment.NewLine}{string.Join(Environment.NewLine, run.Failures)}");
    }

    /// <summary>One run of the sample: draws valid values, calls the operation, compares server and billing with what was asked.</summary>
    private sealed class SampleRun
    {
        private readonly OperationsWorld world;
        private readonly int seed;
        private readonly AccountOperations accounts;
        private readonly HashSet<string> prefixes = new(StringComparer.Ordinal);
        private readonly HashSet<string> names = new(StringComparer.OrdinalIgnoreCase);
        private int draw = 1_000_000;

        public SampleRun(OperationsWorld world, int seed)
        {
            this.world = world;
            this.seed = seed;
            accounts = new AccountOperations(world.Context);
        }

        public List<string> Failures { get; } = new();

        public int Cases { get; private set; }

        private SimulatorState Sim => world.SimState;

        public async Task AccountsAsync(int count)
        {
            for (int opened = 0; opened < count;)
            {
                InputGenerator g = Next();
                string domain = g.Domain();
                string? user = g.Chance(0.3) ? null : g.UserName();
                string normalized = domain.Trim().TrimEnd('.').ToLowerInvariant();

                // Two labels with a short second-level one may be a public suffix (co.uk), which cPanel refuses from its own list.
                string[] labels = normalized.Split('.');
                bool mayBePublicSuffix = labels.Length == 2 && labels[0].Length < 4;
                if (!CpanelRulesOracle.IsValidDomain(domain) || mayBePublicSuffix || !names.Add(normalized)
                    || (user is not null && (!CpanelRulesOracle.IsValidUserName(user) || !prefixes.Add(CpanelUserName.UniquePrefix(user.Trim().ToLowerInvariant())))))
                {
                    continue;
                }

                opened++;
                AccountLimits limits = Valid(g, AccountFuzzCases.Limits).Limits ?? new AccountLimits();
                string? email = Valid(g, x => x.ContactEmail(), CpanelRulesOracle.IsValidContactEmail);
                string? password = g.Chance(0.5) ? StrongPassword(g) : null;
                var request = new OpenAccountRequest
                {
                    ServerName = world.Server.Name,
                    CustomerLogin = world.Customer.Login,
                    PlanName = world.BasicPlan.Name,
                    Domain = domain,
                    UserName = user,
                    Limits = limits,
                    ContactEmail = email,
                    Password = password is null ? null : new WhmSecret(password),
                };
                string shown = FuzzText.Show(("domain", domain), ("user", user), ("contactEmail", email));
                Account? account = await CheckAsync("open " + shown, async () =>
                {
                    AccountChangeResult result = await accounts.OpenAsync(request);
                    SimulatedAccount? onServer = Sim.FindAccount(result.Account.UserName);
                    string expectedEmail = string.IsNullOrWhiteSpace(email) ? world.Customer.Email! : email!.Trim();
                    return (result.Account, Problems(
                        (result.Account.Status == AccountStatus.Active, "billing has it " + result.Account.Status),
                        (user is null || result.Account.UserName == user.Trim().ToLowerInvariant(), "billing's user is " + result.Account.UserName),
                        (result.Account.DomainName == normalized, "billing's domain is " + result.Account.DomainName),
                        (onServer?.Domain == normalized, "the server's domain is " + onServer?.Domain),
                        (onServer?.ContactEmail == expectedEmail, "the server's contact address is " + FuzzText.Show(onServer?.ContactEmail)),
                        (password is null || onServer?.Password == password, "the server has another password"),
                        (onServer is not null && SameLimits(limits, onServer.Limits), "the server's limits differ: " + onServer?.Limits)));
                });
                if (account is not null)
                {
                    await SuspendResumeAndLimitAsync(account, g);
                }
            }
        }

        public async Task PackagesAsync(int count)
        {
            var packages = new PackageOperations(world.Context);
            for (int added = 0; added < count;)
            {
                InputGenerator g = Next();
                string name = PackageFuzzCases.Name(g);
                (PackageRequest request, bool valid, string shown) = PackageFuzzCases.Request(g, name);
                if (!valid || !names.Add(name))
                {
                    continue;
                }

                added++;
                await CheckAsync("add package " + shown, async () =>
                {
                    PackageChangeResult result = await packages.AddAsync(world.Server.Name, request);
                    return (result, Problems(
                        (result.Package?.Name == name, "billing's package is " + FuzzText.Show(result.Package?.Name)),
                        (Sim.FindPackage(name) is not null, "the server has no package " + FuzzText.Show(name))));
                });

                (PackageRequest edit, bool editValid, string editShown) = PackageFuzzCases.Request(g, name);
                if (editValid)
                {
                    await CheckAsync("edit package " + editShown, async () =>
                    {
                        PackageChangeResult result = await packages.EditAsync(world.Server.Name, edit);
                        return (result, Problems((result.Package?.Name == name, "billing's package is " + FuzzText.Show(result.Package?.Name))));
                    });
                }

                await CheckAsync("remove package " + FuzzText.Show(name), async () =>
                {
                    PackageChangeResult result = await packages.RemoveAsync(world.Server.Name, name);
                    return (result, Problems((Sim.FindPackage(name) is null, "the server still has the package")));
                });
            }
        }

        public async Task MonthsAsync(int count)
        {
            var bandwidth = new BandwidthOperations(world.Context, () => FuzzTargets.Now);
            for (int measured = 0; measured < count;)
            {
                InputGenerator g = Next();
                int? year = g.Chance(0.3) ? null : g.Between(1970, 2024);
                int? month = year is null && g.Chance(0.3) ? null : g.Between(1, 12);
                if (BandwidthFuzzCases.MonthMeant(year, month) is not { } meant)
                {
                    continue;
                }

                measured++;
                await CheckAsync("measure " + FuzzText.Show(("year", year), ("month", month)), async () =>
                {
                    BandwidthResult result = await bandwidth.MeasureAsync(new BandwidthRequest { Year = year, Month = month });
                    return (result, Problems((result.Month == meant, "measured " + result.Month), (result.Failures.Count == 0, "a server failed: " + string.Join("; ", result.Failures))));
                });
            }
        }

        public async Task ServersAsync(int count)
        {
            var servers = new ServerOperations(world.Context);
            for (int added = 0; added < count;)
            {
                InputGenerator g = Next();
                string name = "sample-" + added.ToString(CultureInfo.InvariantCulture) + "-" + g.From(InputGenerator.LowerLetters, 4);
                (ServerDefinition definition, bool valid, string shown) = ServerFuzzCases.Definition(g, name);
                if (!valid)
                {
                    continue;
                }

                added++;
                await CheckAsync("add server " + shown, async () =>
                {
                    BillingServer stored = await servers.AddAsync(definition);
                    BillingServer read = await servers.GetAsync(name);
                    ServerRemoval removed = await servers.RemoveAsync(name);
                    return (stored, Problems(
                        (stored.Name == name && read.Id == stored.Id, "stored as " + FuzzText.Show(stored.Name)),
                        (stored.Settings.HostName == definition.HostName.Trim(), "stored host " + FuzzText.Show(stored.Settings.HostName)),
                        (removed.RemovedAccounts == 0, "removed accounts with it")));
                });
            }
        }

        private async Task SuspendResumeAndLimitAsync(Account account, InputGenerator g)
        {
            AccountReference reference = AccountReference.ByUserName(world.Server.Name, account.UserName);
            string reason = Valid(g, x => x.Reason(), CpanelRulesOracle.IsValidSuspendReason)!;
            string? expectedReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
            await CheckAsync($"suspend {account.UserName} {FuzzText.Show(("reason", reason))}", async () =>
            {
                AccountChangeResult result = await accounts.SuspendAsync(reference, reason);
                SimulatedAccount onServer = Sim.GetAccount(account.UserName);
                return (result, Problems(
                    (result.Account.Status == AccountStatus.Suspended && result.Account.SuspendReason == expectedReason, "billing's reason is " + FuzzText.Show(result.Account.SuspendReason)),
                    (onServer.Suspended && onServer.SuspendReason == expectedReason, "the server's reason is " + FuzzText.Show(onServer.SuspendReason))));
            });
            await CheckAsync("resume " + account.UserName, async () =>
            {
                AccountChangeResult result = await accounts.ResumeAsync(reference);
                return (result, Problems((result.Account.Status == AccountStatus.Active && !Sim.GetAccount(account.UserName).Suspended, "still suspended")));
            });

            (AccountLimits? limits, bool valid, string shown) = AccountFuzzCases.Limits(g);
            bool anySet = limits is not null
                && new object?[] { limits.Bandwidth, limits.Disk, limits.EmailAccounts, limits.Databases, limits.AddonDomains }.Any(limit => limit is not null);
            if (valid && anySet)
            {
                await CheckAsync($"set limits of {account.UserName} to {shown}", async () =>
                {
                    AccountChangeResult result = await accounts.SetLimitsAsync(reference, new AccountLimitsChange { Set = limits! });
                    return (result, Problems((SameLimits(limits!, Sim.GetAccount(account.UserName).Limits), "the server's limits differ: " + Sim.GetAccount(account.UserName).Limits)));
                });
            }
        }

        private InputGenerator Next() => new(FuzzSeed.ForCase(seed, draw++));

        private static T Valid<T>(InputGenerator g, Func<InputGenerator, T> make, Func<T, bool> isValid)
        {
            T value;
            do
            {
                value = make(g);
            }
            while (!isValid(value));

            return value;
        }

        private static (AccountLimits? Limits, bool Valid, string Shown) Valid(InputGenerator g, Func<InputGenerator, (AccountLimits?, bool, string)> make) =>
            Valid(g, make, drawn => drawn.Item2);

        private static string StrongPassword(InputGenerator g) =>
            g.From("abcdefghijklmnopqrstuvwxyz", 4) + g.From("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 4) + g.From("0123456789", 4)
            + g.From("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", 4) + g.From("abcXYZ019&=+%", g.Between(0, 8));

        private static bool SameLimits(AccountLimits asked, SimLimits onServer) =>
            (asked.Bandwidth is not { } bandwidth || onServer.BwLimit == bandwidth.ToString())
            && (asked.Disk is not { } disk || onServer.Quota == disk.ToString())
            && (asked.EmailAccounts is not { } pop || onServer.MaxPop == pop.ToString())
            && (asked.Databases is not { } sql || onServer.MaxSql == sql.ToString())
            && (asked.AddonDomains is not { } addons || onServer.MaxAddon == addons.ToString());

        private static string? Problems(params (bool Holds, string Problem)[] checks)
        {
            string[] problems = checks.Where(c => !c.Holds).Select(c => c.Problem).ToArray();
            return problems.Length == 0 ? null : string.Join("; ", problems);
        }

        /// <summary>Runs one valid case; its result, or null after noting why it failed.</summary>
        private async Task<T?> CheckAsync<T>(string what, Func<Task<(T Result, string? Problem)>> run)
            where T : class
        {
            Cases++;
            try
            {
                (T result, string? problem) = await run();
                if (problem is null)
                {
                    return result;
                }

                Failures.Add($"{what}: {problem}");
            }
            catch (Exception e)
            {
                Failures.Add($"{what}: threw {Expectation.Describe(e)}");
            }

            return null;
        }
    }
}

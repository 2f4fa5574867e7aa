using System;
using System.Linq;
using System.Globalization;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Operations.Bandwidth;
using CpanelBilling.Core.Operations.Packages;
using CpanelBilling.Core.Operations.Servers;
using CpanelBilling.Testing.Operations;
using CpanelBilling.Testing.Fuzzing;

namespace CpanelBilling.Operations.Tests.Hardening;

/// <summary>
/// What fuzz cases call and the names they may use: the operations on one context, the names billing knows (server
/// web01, customer alice, plans Basic and Pro, the live account known1), and the names it does not know.
/// </summary>
internal sealed class FuzzTargets
{
    public const string KnownUser = "known1";

    /// <summary>"Now" for bandwidth months: mid-June 2024.</summary>
    public static readonly DateTime Now = new(2024, 6, 15, 8, 0, 0, DateTimeKind.Utc);

    private FuzzTargets(OperationsWorld world, OperationContext context, Account known)
    {
        World = world;
        Context = context;
        Known = known;
        Accounts = new AccountOperations(context);
        Packages = new PackageOperations(context);
        Servers = new ServerOperations(context);
        Check = new ServerConnectionCheck(context);
        Bandwidth = new BandwidthOperations(context, () => Now);
    }

    public OperationsWorld World { get; }

    public OperationContext Context { get; }

    public string ServerName => World.Server.Name;

    public string CustomerLogin => World.Customer.Login;

    public BillingPlan Plan => World.BasicPlan;

    /// <summary>An Active account on web01 (and on the simulator).</summary>
    public Account Known { get; }

    public AccountOperations Accounts { get; }

    public PackageOperations Packages { get; }

    public ServerOperations Servers { get; }

    public ServerConnectionCheck Check { get; }

    public BandwidthOperations Bandwidth { get; }

    public static async Task<FuzzTargets> CreateAsync(OperationsWorld world, IBillingRepository billing)
    {
        Account known = await world.AddActiveAccountAsync(KnownUser, KnownUser + ".example.com");
        var context = new OperationContext(billing, world.Context.Servers, world.Context.Actor);
        return new FuzzTargets(world, context, known);
    }

    /// <summary>A name billing has for nothing: a fixed prefix no generated known name has, plus noise.</summary>
    public static string Unknown(InputGenerator g, string what) =>
        "nosuch-" + what + "-" + g.Between(1, 99_999).ToString(CultureInfo.InvariantCulture) + (g.Chance(0.3) ? g.Noise(12) : "");

    /// <summary>A server name as a caller gives it: web01 in some spelling, unknown, blank or noise.</summary>
    public NameChoice ServerChoice(InputGenerator g) => Choice(g, ServerName, "server");

    public NameChoice CustomerChoice(InputGenerator g) => Choice(g, CustomerLogin, "customer");

    public NameChoice PlanChoice(InputGenerator g) => Choice(g, Plan.Name, "plan");

    /// <summary>
    /// How a caller names the plan: by name, by its package on web01 (basic), by both agreeing, or by neither
    /// (invalid). A plan that is known is always Basic, the plan of known1.
    /// </summary>
    public PlanChoice PlanOrPackage(InputGenerator g)
    {
        string package = World.BasicPlan.Packages.Single().PackageName;
        switch (g.Between(0, 5))
        {
            case 0 or 1:
                NameChoice plan = PlanChoice(g);
                return new PlanChoice(plan.State == NameState.Invalid ? g.Pick<string?>(null, plan.Value) : plan.Value, null, plan.State);
            case 2:
                return new PlanChoice(g.Pick<string?>(null, g.Blank()), g.Pick(package, " " + package + " "), NameState.Known);
            case 3:
                return new PlanChoice(null, Unknown(g, "package"), NameState.Unknown);
            case 4:
                return new PlanChoice(g.Pick(Plan.Name, Plan.Name.ToUpperInvariant()), package, NameState.Known);
            default:
                return new PlanChoice(g.Pick<string?>(null, g.Blank()), g.Pick<string?>(null, g.Blank()), NameState.Invalid);
        }
    }

    /// <summary>An account reference: known1 (by name or id), one billing does not have, or one that cannot name anything.</summary>
    public ReferenceChoice ReferenceChoice(InputGenerator g)
    {
        switch (g.Between(0, 9))
        {
            case 0:
                return new ReferenceChoice("id " + Known.Id.ToString(CultureInfo.InvariantCulture), () => AccountReference.ById(Known.Id), NameState.Known);
            case 1:
                long unknownId = g.Between(1_000_000L, long.MaxValue);
                return new ReferenceChoice("id " + unknownId.ToString(CultureInfo.InvariantCulture), () => AccountReference.ById(unknownId), NameState.Unknown);
            case 2:
                long badId = g.Pick(0L, -1L, long.MinValue);
                return new ReferenceChoice("id " + badId.ToString(CultureInfo.InvariantCulture), () => AccountReference.ById(badId), NameState.Invalid);
            default:
                NameChoice server = ServerChoice(g);
                string user = g.Chance(0.3) ? g.AsTyped(KnownUser) : g.Chance(0.2) ? g.Blank() : g.UserName();
                NameState state = string.IsNullOrWhiteSpace(server.Value) || string.IsNullOrWhiteSpace(user) ? NameState.Invalid
                    : server.State == NameState.Known && user.Trim().ToLowerInvariant() == KnownUser ? NameState.Known
                    : NameState.Unknown;
                return new ReferenceChoice(FuzzText.Show(("server", server.Value), ("user", user)), () => AccountReference.ByUserName(server.Value, user), state);
        }
    }

    private static NameChoice Choice(InputGenerator g, string known, string what) => g.Between(0, 5) switch
    {
        0 or 1 => new NameChoice(known, NameState.Known),
        2 => new NameChoice(g.Pick(" " + known + " ", known.ToUpperInvariant(), "\t" + known), NameState.Known),
        3 => new NameChoice(g.Blank(), NameState.Invalid),
        _ => new NameChoice(Unknown(g, what), NameState.Unknown),
    };
}

internal enum NameState
{
    Known,
    Unknown,

    /// <summary>Blank or otherwise unable to name anything: refused as invalid before any lookup.</summary>
    Invalid,
}

internal sealed record NameChoice(string Value, NameState State);

internal sealed record PlanChoice(string? PlanName, string? PackageName, NameState State)
{
    public override string ToString() => FuzzText.Show(("plan", PlanName), ("package", PackageName));
}

internal sealed record ReferenceChoice(string Shown, Func<AccountReference> Make, NameState State);

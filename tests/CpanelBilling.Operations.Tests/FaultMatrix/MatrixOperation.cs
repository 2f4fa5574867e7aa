using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Operations.Bandwidth;
using CpanelBilling.Operations.Tests.Accounts;
using CpanelBilling.Operations.Tests.Reconcile;
using CpanelBilling.Testing.Operations;
using CpanelBilling.WhmSimulator;
using BillingLimits = CpanelBilling.Core.Billing.AccountLimits;

namespace CpanelBilling.Operations.Tests.FaultMatrix;

/// <summary>
/// One changing operation of the matrix: how its account is set up (by the real operations, so billing and server
/// agree before the fault), how it is run, the server call the fault hits, and how to read from the simulator
/// whether that call's change is in effect.
/// </summary>
public sealed class MatrixOperation
{
    public const string User = "mia";
    public const string Domain = "mia.example.com";

    /// <summary>The month the bandwidth cells record (fixed, so a cell never straddles a month's end).</summary>
    public static readonly BillingMonth Month = new(2026, 1);

    private static readonly DateTime Now = new(2026, 2, 10, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// The month totals the bandwidth cells' server counts per user: when the arranged recording reads it, then
    /// when the run under test (and the recovery) do. Billing's record must tell exactly these readings, once each.
    /// </summary>
    public static IReadOnlyDictionary<string, long[]> BandwidthTotals { get; } = new Dictionary<string, long[]>(StringComparer.Ordinal)
    {
        [User] = new long[] { 5_000_000, 6_500_000 },
        ["noah"] = new long[] { 7_000_000, 9_500_000 },
    };

    private readonly Func<OperationsWorld, Task> arrange;
    private readonly Func<OperationContext, OperationsWorld, Task<string>> run;
    private readonly Func<SimulatorState, bool>? inEffect;

    private MatrixOperation(
        string name,
        string function,
        Func<OperationsWorld, Task> arrange,
        Func<OperationContext, OperationsWorld, Task<string>> run,
        Func<SimulatorState, bool>? inEffect,
        string? billingTrigger)
    {
        Name = name;
        Function = function;
        this.arrange = arrange;
        this.run = run;
        this.inEffect = inEffect;
        BillingTrigger = billingTrigger;
    }

    public static IReadOnlyList<MatrixOperation> All { get; } = new[]
    {
        new MatrixOperation(
            "open",
            "createacct",
            _ => Task.CompletedTask,
            (context, world) => Reported(new AccountOperations(context).OpenAsync(OpenRequest(world))),
            state => state.FindAccount(User) != null,
            "createacct"),
        new MatrixOperation(
            "delete",
            "removeacct",
            OpenedAsync,
            (context, world) => Reported(new AccountOperations(context).DeleteAsync(world.Ref(User))),
            state => state.FindAccount(User) == null,
            "removeacct"),
        new MatrixOperation(
            "suspend",
            "suspendacct",
            OpenedAsync,
            (context, world) => Reported(new AccountOperations(context).SuspendAsync(world.Ref(User), "Overdue invoice 42")),
            state => state.GetAccount(User).Suspended,
            "suspendacct"),
        new MatrixOperation(
            "resume",
            "unsuspendacct",
            async world =>
            {
                await OpenedAsync(world);
                await world.Accounts().SuspendAsync(world.Ref(User), "Overdue invoice 42");
            },
            (context, world) => Reported(new AccountOperations(context).ResumeAsync(world.Ref(User))),
            state => !state.GetAccount(User).Suspended,
            "unsuspendacct"),
        new MatrixOperation(
            "change-package",
            "changepackage",
            OpenedAsync,
            (context, world) => Reported(new AccountOperations(context).ChangePlanAsync(world.Ref(User), world.ProPlan.Name)),
            state => state.GetAccount(User).Plan == OperationsWorld.ProPackage,
            "changepackage"),
        new MatrixOperation(
            "set-limits",
            // The last of the three calls, so the first two are made and only billing's journal knows of them.
            "modifyacct",
            world => world.OpenAsync(Domain, User),
            (context, world) => Reported(new AccountOperations(context).SetLimitsAsync(world.Ref(User), new AccountLimitsChange
            {
                Set = new BillingLimits { Bandwidth = MegabyteLimit.Of(3000), Disk = MegabyteLimit.Of(700), Databases = CountLimit.Of(9) },
            })),
            state => state.GetAccount(User).Limits.MaxSql == "9",
            "modifyacct"),
        new MatrixOperation(
            "record-bandwidth",
            "showbw",
            async world =>
            {
                await OpenedAsync(world);
                await world.OpenedAsync("noah");
                foreach ((string user, long[] totals) in BandwidthTotals)
                {
                    world.SimState.AddBandwidth(user, Month.Year, Month.Month, totals[0]);
                }

                await RecordAsync(world.Context);

                // Usage goes on after the first recording: the run under test records the difference.
                foreach ((string user, long[] totals) in BandwidthTotals)
                {
                    world.SimState.AddBandwidth(user, Month.Year, Month.Month, totals[1] - totals[0]);
                }
            },
            async (context, _) => Reported(await RecordAsync(context)),
            inEffect: null,
            billingTrigger: null),
    };

    public string Name { get; }

    /// <summary>The WHM function the fault hits.</summary>
    public string Function { get; }

    /// <summary>The server call after whose intent billing's next write fails (null: bandwidth's only write).</summary>
    public string? BillingTrigger { get; }

    /// <summary>Journaled operations are repaired by Repair; recording bandwidth is recovered by recording again.</summary>
    public bool IsBandwidth => inEffect == null;

    public static MatrixOperation Named(string name) => All.Single(o => o.Name == name);

    public Task ArrangeAsync(OperationsWorld world) => arrange(world);

    /// <summary>Runs the operation; returns what it reported when it did not throw ("ok", "adopted", a server's failure).</summary>
    public Task<string> RunAsync(OperationContext context, OperationsWorld world) => run(context, world);

    /// <summary>Whether the server shows the faulted call's change (not meaningful for bandwidth).</summary>
    public bool InEffect(SimulatorState state) => inEffect!(state);

    /// <summary>The documented recovery of a bandwidth recording: record again (only differences are added).</summary>
    public static Task<BandwidthResult> RecordAsync(OperationContext context) =>
        new BandwidthOperations(context, () => Now).MeasureAndRecordAsync(new BandwidthRequest { Year = Month.Year, Month = Month.Month });

    public override string ToString() => Name;

    private static async Task<string> Reported(Task<AccountChangeResult> running) =>
        (await running).Calls.Any(c => c.Adopted) ? "ok (adopted)" : "ok";

    private static string Reported(BandwidthResult result) =>
        result.Failures.Count == 0 ? "ok" : "ok, the server's recording failed: " + string.Join(", ", result.Failures.Select(f => f.Error.ErrorId));

    private static OpenAccountRequest OpenRequest(OperationsWorld world)
    {
        OpenAccountRequest request = world.Request(Domain, User);
        request.Limits = new BillingLimits { Databases = CountLimit.Of(9) };
        return request;
    }

    private static Task OpenedAsync(OperationsWorld world) => world.Accounts().OpenAsync(OpenRequest(world));
}

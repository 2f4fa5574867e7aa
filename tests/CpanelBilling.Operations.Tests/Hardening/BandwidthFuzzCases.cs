using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Bandwidth;
using CpanelBilling.Testing.Fuzzing;

namespace CpanelBilling.Operations.Tests.Hardening;

/// <summary>
/// Cases for bandwidth: which month a year and month mean, measuring servers billing does not have, and recording
/// rows as a caller may pipe them back (any server, any month, accounts billing does not have, and ids that are
/// another user's account: known1's id under another name).
/// </summary>
internal static class BandwidthFuzzCases
{
    private static readonly int?[] Years = { null, null, 1969, 1970, 2000, 2023, 2024, 2025, 9999, 0, -1, int.MinValue, int.MaxValue };
    private static readonly int?[] Months = { null, null, 1, 5, 6, 7, 12, 0, 13, -1, int.MinValue, int.MaxValue };

    public static FuzzCase Next(InputGenerator g, FuzzTargets t) => g.Between(0, 2) switch
    {
        0 => ResolveMonth(g, t),
        1 => Measure(g, t),
        _ => Record(g, t),
    };

    /// <summary>
    /// The month a year and month mean "now" (mid-June 2024), or null when they mean none: a year needs a month, a
    /// month is 1–12, and the month must lie between January 1970 and the current month. A month alone is the
    /// latest such month that has begun; neither means the previous month.
    /// </summary>
    public static BillingMonth? MonthMeant(int? year, int? month)
    {
        DateTime now = FuzzTargets.Now;
        if (month is null)
        {
            return year is null ? new BillingMonth(2024, 5) : null;
        }

        if (month is < 1 or > 12)
        {
            return null;
        }

        int resolvedYear = year ?? (month <= now.Month ? now.Year : now.Year - 1);
        bool begun = resolvedYear < now.Year || (resolvedYear == now.Year && month <= now.Month);
        return resolvedYear >= 1970 && begun ? new BillingMonth(resolvedYear, month.Value) : null;
    }

    private static FuzzCase ResolveMonth(InputGenerator g, FuzzTargets t)
    {
        int? year = g.Pick(Years);
        int? month = g.Pick(Months);
        BillingMonth? meant = MonthMeant(year, month);
        Expectation expect = meant is { } m
            ? Expectation.Completes(result => result is BillingMonth resolved && resolved == m ? null : $"resolved {result}, not {m}")
            : Expectation.Refused(FailureKind.InvalidArgument, OperationErrorIds.InvalidBandwidthMonth);
        return new FuzzCase(
            "BandwidthOperations.ResolveMonth",
            FuzzText.Show(("year", year), ("month", month)),
            expect,
            () => Task.FromResult<object?>(t.Bandwidth.ResolveMonth(year, month)));
    }

    private static FuzzCase Measure(InputGenerator g, FuzzTargets t)
    {
        int? year = g.Pick(Years);
        int? month = g.Pick(Months);
        int parallel = g.Pick(4, 1, 64, int.MaxValue, 0, -5);

        // Never web01 (it would be read), never an empty list (that means every server).
        string[] servers = Enumerable.Range(0, g.Between(1, 3))
            .Select(_ => g.Chance(0.2) ? g.Blank() : g.Chance(0.3) ? g.Noise(20).Trim() + "x" : FuzzTargets.Unknown(g, "server"))
            .ToArray();
        var invalid = new List<string>();
        if (MonthMeant(year, month) is null)
        {
            invalid.Add(OperationErrorIds.InvalidBandwidthMonth);
        }

        if (parallel < 1)
        {
            invalid.Add(OperationErrorIds.InvalidBandwidthRequest);
        }

        int distinct = servers.Distinct(StringComparer.OrdinalIgnoreCase).Count();
        Expectation expect = invalid.Count > 0
            ? Expectation.Refused(FailureKind.InvalidArgument, invalid.ToArray())
            : Expectation.Completes(result => result is BandwidthResult measured
                && measured.Rows.Count == 0
                && measured.Failures.Count == distinct
                && measured.Failures.All(f => f.Error.Kind is FailureKind.NotFound or FailureKind.InvalidArgument)
                    ? null
                    : "did not report each unknown server as a failure");
        var request = new BandwidthRequest { Servers = servers, Year = year, Month = month, MaxParallelServers = parallel };
        return new FuzzCase(
            "BandwidthOperations.MeasureAsync",
            FuzzText.Show(("servers", string.Join("|", servers)), ("year", year), ("month", month), ("parallel", parallel)),
            expect,
            async () => await t.Bandwidth.MeasureAsync(request));
    }

    private static FuzzCase Record(InputGenerator g, FuzzTargets t)
    {
        var rows = new List<BandwidthRow>();
        for (int n = g.Between(0, 4); n > 0; n--)
        {
            string server = g.Chance(0.4) ? t.ServerName : g.Chance(0.5) ? FuzzTargets.Unknown(g, "server") : g.Noise(15).Trim() + "x";
            BillingMonth month = g.Chance(0.1) ? default : g.Chance(0.7) ? new BillingMonth(2024, 5) : new BillingMonth(g.Between(1970, 2200), g.Between(1, 12));

            // Account ids billing does not have, or known1's under another user name (a row read from another
            // database, or edited): recording them must write nothing, whatever the bytes.
            string user = g.UserName();
            long? accountId = g.Chance(0.3) ? null
                : g.Chance(0.3) ? t.Known.Id
                : g.Chance(0.1) ? g.Pick(0L, -1L, long.MinValue)
                : g.Between(1_000_000L, long.MaxValue);
            if (accountId == t.Known.Id && string.Equals(user.Trim(), FuzzTargets.KnownUser, StringComparison.OrdinalIgnoreCase))
            {
                user = "x" + user;
            }

            long? bytes = g.Chance(0.2) ? null : g.Pick(0L, 1L, g.Between(1L, long.MaxValue));
            DateTime read = g.Chance(0.5) ? FuzzTargets.Now : new DateTime(g.Between(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
            rows.Add(new BandwidthRow(server, month, read, user, accountId, bytes));
        }

        int months = rows.Select(r => r.Month).Distinct().Count();
        List<BandwidthRow> mismatched = rows.Where(r => OnKnownServer(r.ServerName, t) && r.AccountId is not null).ToList();
        Expectation expect = rows.Count == 0 ? Expectation.Refused(FailureKind.InvalidArgument, OperationErrorIds.InvalidBandwidthRequest)
            : months > 1 || rows[0].Month == default ? Expectation.Refused(FailureKind.InvalidArgument, OperationErrorIds.InvalidBandwidthMonth)
            : Expectation.Completes(result => result is BandwidthResult recorded
                && recorded.RecordedAccounts == 0
                && recorded.Failures.Count == rows.Select(r => r.ServerName).Distinct(StringComparer.OrdinalIgnoreCase).Count(s => !OnKnownServer(s, t))
                && recorded.RowFailures.Select(f => f.Row).SequenceEqual(mismatched)
                && recorded.RowFailures.All(f => f.Error is { ErrorId: OperationErrorIds.BandwidthRowMismatch, Kind: FailureKind.NotFound })
                && !recorded.Rows.Intersect(mismatched).Any()
                    ? null
                    : "recorded something, did not report each unknown server, or did not refuse exactly each row whose id is not its user's on web01");
        return new FuzzCase(
            "BandwidthOperations.RecordAsync",
            string.Join("; ", rows.Select(r => FuzzText.Show(("server", r.ServerName), ("month", r.Month.ToString()), ("user", r.UserName), ("account", r.AccountId), ("bytes", r.ServerBytes)))),
            expect,
            async () => await t.Bandwidth.RecordAsync(rows));
    }

    private static bool OnKnownServer(string name, FuzzTargets t) => string.Equals(name, t.ServerName, StringComparison.OrdinalIgnoreCase);
}

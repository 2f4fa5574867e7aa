using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Packages;
using CpanelBilling.Testing.Fuzzing;

namespace CpanelBilling.Operations.Tests.Hardening;

/// <summary>Cases for the package operations (list, add, edit, remove): every setting as text, as admins type it.</summary>
internal static class PackageFuzzCases
{
    public static FuzzCase Next(InputGenerator g, FuzzTargets t)
    {
        NameChoice server = t.ServerChoice(g);
        int which = g.Between(0, 3);
        if (which == 0)
        {
            Expectation listed = ServerExpectation(server) ?? Expectation.Completes(result =>
                result is IReadOnlyList<ServerPackage> packages && packages.Any(p => p.Name == Testing.Operations.OperationsWorld.BasicPackage) ? null : "did not list billing's packages");
            return new FuzzCase("PackageOperations.ListAsync", FuzzText.Show(("server", server.Value)), listed, async () => await t.Packages.ListAsync(server.Value));
        }

        if (which == 3)
        {
            string name = Name(g);
            bool nameValid = PackageRulesOracle.IsValidName(name);
            server = nameValid && server.State == NameState.Known ? new NameChoice(FuzzTargets.Unknown(g, "server"), NameState.Unknown) : server;
            Expectation removal = !nameValid ? Expectation.Refused(FailureKind.InvalidArgument, OperationErrorIds.InvalidPackage) : ServerExpectation(server)!;
            return new FuzzCase("PackageOperations.RemoveAsync", FuzzText.Show(("server", server.Value), ("name", name)), removal, async () => await t.Packages.RemoveAsync(server.Value, name));
        }

        (PackageRequest request, bool valid, string shown) = Request(g);
        server = valid && server.State == NameState.Known ? new NameChoice(FuzzTargets.Unknown(g, "server"), NameState.Unknown) : server;
        Expectation expect = !valid ? Expectation.Refused(FailureKind.InvalidArgument, OperationErrorIds.InvalidPackage) : ServerExpectation(server)!;
        return which == 1
            ? new FuzzCase("PackageOperations.AddAsync", FuzzText.Show(("server", server.Value)) + ", " + shown, expect, async () => await t.Packages.AddAsync(server.Value, request))
            : new FuzzCase("PackageOperations.EditAsync", FuzzText.Show(("server", server.Value)) + ", " + shown, expect, async () => await t.Packages.EditAsync(server.Value, request));
    }

    /// <summary>A package request whose every setting is drawn valid or invalid; valid only when all are.</summary>
    public static (PackageRequest Request, bool Valid, string Shown) Request(InputGenerator g, string? name = null)
    {
        var request = new PackageRequest
        {
            Name = name ?? Name(g),
            Quota = Megabytes(g),
            BandwidthLimit = Megabytes(g),
            MaxEmailAccountQuota = Megabytes(g),
            MaxFtp = Count(g),
            MaxSql = Count(g),
            MaxPop = Count(g),
            MaxLists = Count(g),
            MaxSubdomains = Count(g),
            MaxParked = Count(g),
            MaxAddons = Count(g),
            MaxPassengerApps = Count(g),
            MaxEmailPerHour = g.Chance(0.7) ? null : g.Pick("unlimited", "5000", "0", "2147483647", "2147483648", "-1", g.Noise(6)),
            MaxDeferFailPercentage = g.Chance(0.7) ? null : g.Pick("1", "100", "50", "0", "101", "unlimited", g.Noise(4)),
            MaxTeamUsers = g.Chance(0.7) ? null : g.Pick(0, 7, int.MaxValue, -1, int.MinValue),
            FeatureList = g.Chance(0.6) ? null : g.Pick("default", "Premium Features", "a/b", "x.cpaddons", ".", "a,b", "", " ", "ok\u0007", "\uDC00list", new string('f', 256), g.Noise(20)),
            Theme = g.Chance(0.6) ? null : g.Pick("jupiter", "paper_lantern", "x3.1-b", "jup iter", "..", "thème", "", new string('t', 65), g.Noise(12)),
            Language = g.Chance(0.6) ? null : g.Pick("en", "pt_br", "zh-Hans", "en_", "_en", "e n", "de,fr", "", g.Noise(8)),
            PackageExtensions = g.Chance(0.6) ? null : g.Pick("", "   ", "wp_toolkit", "ext1  ext-2", "a,b", "a\tb", "ümlaut", new string('e', 256), g.Noise(12)),
            DedicatedIp = g.Pick<bool?>(null, true, false),
            Cgi = g.Pick<bool?>(null, true, false),
            HasShell = g.Pick<bool?>(null, true, false),
            DigestAuth = g.Pick<bool?>(null, true, false),
            FrontPage = g.Pick<bool?>(null, true, false),
        };
        bool valid = PackageRulesOracle.IsValidName(request.Name)
            && new[] { request.Quota, request.BandwidthLimit, request.MaxEmailAccountQuota }.All(PackageRulesOracle.IsValidMegabytes)
            && new[] { request.MaxFtp, request.MaxSql, request.MaxPop, request.MaxLists, request.MaxSubdomains, request.MaxParked, request.MaxAddons, request.MaxPassengerApps }
                .All(text => PackageRulesOracle.IsValidCount(text, 0, 999))
            && PackageRulesOracle.IsValidCount(request.MaxEmailPerHour, 0, int.MaxValue)
            && PackageRulesOracle.IsValidCount(request.MaxDeferFailPercentage, 1, 100)
            && request.MaxTeamUsers is null or >= 0
            && PackageRulesOracle.IsValidFeatureList(request.FeatureList)
            && PackageRulesOracle.IsValidTheme(request.Theme)
            && PackageRulesOracle.IsValidLanguage(request.Language)
            && PackageRulesOracle.IsValidExtensions(request.PackageExtensions);
        string shown = FuzzText.Show(
            ("name", request.Name), ("quota", request.Quota), ("bwlimit", request.BandwidthLimit), ("emailQuota", request.MaxEmailAccountQuota),
            ("maxftp", request.MaxFtp), ("maxsql", request.MaxSql), ("maxpop", request.MaxPop), ("maxlst", request.MaxLists), ("maxsub", request.MaxSubdomains),
            ("maxpark", request.MaxParked), ("maxaddon", request.MaxAddons), ("maxpassenger", request.MaxPassengerApps), ("perHour", request.MaxEmailPerHour),
            ("deferFail", request.MaxDeferFailPercentage), ("teamUsers", request.MaxTeamUsers), ("featureList", request.FeatureList), ("theme", request.Theme),
            ("language", request.Language), ("extensions", request.PackageExtensions));
        return (request, valid, shown);
    }

    /// <summary>A package name: cPanel's kinds of valid name (spaces, dots, non-ASCII), near misses and noise.</summary>
    public static string Name(InputGenerator g) => g.Between(0, 3) switch
    {
        0 => g.Pick("gold", "Gold Plan", "plan_1.2-x", "ünïcode plan", "套餐 \U0001F680", "Ω") + "-" + g.From(InputGenerator.LowerLetters, 4),
        1 => g.Pick("extensions", "undefined", ".", "..", "x.cache", " lead", "trail ", "a,b", "a/b", "a\tb", "a\u0000b", "\uD800x", "plan\u2028", "bad$name", "", " ", new string('p', 256)),
        2 => g.Noise(30),
        _ => g.From(InputGenerator.LowerLetters + InputGenerator.Digits + "._- ", g.Between(1, 20)),
    };

    private static string? Megabytes(InputGenerator g) => g.Chance(0.6) ? null : g.Pick(
        "unlimited", " UNLIMITED ", g.Between(1, 1_000_000).ToString(CultureInfo.InvariantCulture), "1073741824", "0001",
        "0", "-1", "1,000", "1e3", "12.5", "abc", "", "\uFF11\uFF12", "\u0661\u0662", "100\u0000", "1073741825", long.MaxValue.ToString(CultureInfo.InvariantCulture), "99999999999999999999", g.Noise(8));

    private static string? Count(InputGenerator g) => g.Chance(0.7) ? null : g.Pick(
        "unlimited", "Unlimited", g.Between(0, 999).ToString(CultureInfo.InvariantCulture), "999", "0",
        "1000", "-1", "2147483648", "1 000", "+5", "7\u0000", g.Noise(5));

    /// <summary>The outcome of naming this server when everything else is valid: unknown or blank names are refused.</summary>
    private static Expectation? ServerExpectation(NameChoice server) => server.State switch
    {
        NameState.Invalid => Expectation.Refused(FailureKind.InvalidArgument, OperationErrorIds.InvalidServerSettings),
        NameState.Unknown => Expectation.Refused(FailureKind.NotFound, OperationErrorIds.ServerNotFound),
        _ => null,
    };
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CpanelBilling.WhmSimulator.Api;

namespace CpanelBilling.WhmSimulator.Functions;

/// <summary>
/// Turns addpkg/editpkg arguments into a package file, with Whostmgr::Packages::Mod's defaults and checks: argument
/// names are case-insensitive (except <c>_PACKAGE_EXTENSIONS</c>), commas are stripped, QUOTA/BWLIMIT/
/// MAX_EMAILACCT_QUOTA reject <c>0</c>, booleans become <c>y</c>/<c>n</c>.
/// </summary>
internal static partial class PackageSettings
{
    private enum Kind
    {
        PositiveLimit,
        Limit,
        Count,
        Flag,
        Text,
        Locale,
    }

    private static readonly (string Argument, string Key, Kind Kind, string Default)[] Settings =
    {
        ("quota", "QUOTA", Kind.PositiveLimit, AccountLimits.Unlimited),
        ("bwlimit", "BWLIMIT", Kind.PositiveLimit, AccountLimits.Unlimited),
        ("maxpop", "MAXPOP", Kind.Limit, AccountLimits.Unlimited),
        ("maxsql", "MAXSQL", Kind.Limit, AccountLimits.Unlimited),
        ("maxftp", "MAXFTP", Kind.Limit, AccountLimits.Unlimited),
        ("maxlst", "MAXLST", Kind.Limit, AccountLimits.Unlimited),
        ("maxsub", "MAXSUB", Kind.Limit, AccountLimits.Unlimited),
        ("maxpark", "MAXPARK", Kind.Limit, "0"),
        ("maxaddon", "MAXADDON", Kind.Limit, "0"),
        ("maxpassengerapps", "MAXPASSENGERAPPS", Kind.Limit, "4"),
        ("max_email_per_hour", "MAX_EMAIL_PER_HOUR", Kind.Limit, AccountLimits.Unlimited),
        ("max_defer_fail_percentage", "MAX_DEFER_FAIL_PERCENTAGE", Kind.Limit, AccountLimits.Unlimited),
        ("max_emailacct_quota", "MAX_EMAILACCT_QUOTA", Kind.PositiveLimit, AccountLimits.Unlimited),
        ("max_team_users", "MAX_TEAM_USERS", Kind.Count, "7"),
        ("featurelist", "FEATURELIST", Kind.Text, "default"),
        ("cpmod", "CPMOD", Kind.Text, "jupiter"),
        ("language", "LANG", Kind.Locale, "en"),
        ("ip", "IP", Kind.Flag, "n"),
        ("cgi", "CGI", Kind.Flag, "y"),
        ("hasshell", "HASSHELL", Kind.Flag, "n"),
        ("digestauth", "DIGESTAUTH", Kind.Flag, "n"),
        ("_PACKAGE_EXTENSIONS", "_PACKAGE_EXTENSIONS", Kind.Text, ""),
    };

    /// <summary>The package name argument: <c>pkgname</c> wins over <c>name</c>.</summary>
    public static string? Name(ApiArguments arguments)
    {
        var named = Normalized(arguments);
        return named.GetValueOrDefault("pkgname") is { Length: > 0 } pkgname ? pkgname : named.GetValueOrDefault("name");
    }

    public static string MissingNameMessage =>
        $"You must specify either the {CpanelText.Quote("pkgname")} or {CpanelText.Quote("name")} parameter.";

    /// <summary>
    /// Builds the package file. Arguments not given keep <paramref name="existing"/>'s values (editpkg) or get the
    /// defaults (addpkg). Returns the errors instead when any value is invalid.
    /// </summary>
    public static (SimulatedPackage? Package, IReadOnlyList<string> Errors) Build(string name, ApiArguments arguments, SimulatedPackage? existing)
    {
        var named = Normalized(arguments);
        var package = new SimulatedPackage { Name = name };
        var errors = new List<string>();
        foreach (var (argument, key, kind, fallback) in Settings)
        {
            var given = named.GetValueOrDefault(argument)?.Replace(",", "", StringComparison.Ordinal);
            if (string.IsNullOrEmpty(given))
            {
                package = PackageFile.Set(package, key, (existing is null ? null : PackageFile.Get(existing, key)) ?? fallback);
                continue;
            }

            var value = Validate(kind, given);
            if (value is null)
            {
                errors.Add($"Invalid value {CpanelText.Quote(given)} for the {CpanelText.Quote(argument)} setting.");
                continue;
            }

            package = PackageFile.Set(package, key, value);
        }

        return errors.Count > 0 ? (null, errors) : (package, errors);
    }

    private static string? Validate(Kind kind, string value) => kind switch
    {
        Kind.PositiveLimit => value == AccountLimits.Unlimited || (IsNumber(value) && value.TrimStart('0').Length > 0) ? value : null,
        Kind.Limit => value == AccountLimits.Unlimited || IsNumber(value) ? value : null,
        Kind.Count => IsNumber(value) ? value : null,
        Kind.Flag => value switch { "1" or "y" or "Y" => "y", "0" or "n" or "N" => "n", _ => null },
        // An unknown locale falls back to English rather than failing.
        Kind.Locale => LocaleName().IsMatch(value) ? value : "en",
        _ => value,
    };

    private static bool IsNumber(string value) => value.Length <= 12 && value.All(char.IsAsciiDigit);

    // Mod.pm lowercases every argument name except _PACKAGE_EXTENSIONS; the first value of a name wins.
    private static Dictionary<string, string> Normalized(ApiArguments arguments)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in arguments.Names)
        {
            var key = name == "_PACKAGE_EXTENSIONS" ? name : name.ToLowerInvariant();
            named.TryAdd(key, arguments.Get(name)!);
        }

        return named;
    }

    [GeneratedRegex("^[a-z]{2,3}(?:_[a-z0-9]{2,4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex LocaleName();
}

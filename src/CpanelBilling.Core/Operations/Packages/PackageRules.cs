using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts.Validation;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Packages;

/// <summary>
/// What cPanel accepts in a package, checked here so an invalid package never reaches a server: the name rules of
/// Cpanel::Validate::PackageName and Whostmgr::Packages::Info, sizes of 1 MB to 1 PiB (addpkg refuses 0 for quota,
/// bandwidth and e-mail account quota), counts of 0–999, the defer-fail percentage 1–100, and text without the
/// characters cPanel would silently strip (',' everywhere, '/' in names of files on the server).
/// </summary>
public static class PackageRules
{
    /// <summary>The largest count a package limit takes other than unlimited.</summary>
    public const int MaxCount = 999;

    private static readonly Regex ThemeName = new("^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant);
    private static readonly Regex LocaleName = new("^[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)*$", RegexOptions.CultureInvariant);
    private static readonly Regex ExtensionNames = new("^[A-Za-z0-9_-]+(?: +[A-Za-z0-9_-]+)*$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Checks every value and returns the package to send. All problems are reported at once, in one
    /// <see cref="OperationArgumentException"/>.
    /// </summary>
    public static WhmPackage Check(PackageRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var problems = new List<(string Setting, string Problem)>();
        string name = request.Name ?? "";
        if (NameProblem(name) is { } nameProblem)
        {
            problems.Add(("Name", nameProblem));
        }

        PackageSettings settings = Settings(request, problems);
        if (problems.Count > 0)
        {
            string shown = string.IsNullOrWhiteSpace(name) ? "The package" : $"Package '{name}'";
            throw new OperationArgumentException(
                OperationErrorIds.InvalidPackage,
                $"{shown} was not sent to the server: " + Describe(problems),
                string.IsNullOrWhiteSpace(name) ? null : name,
                problems[0].Setting);
        }

        return new WhmPackage(name, settings);
    }

    /// <summary>
    /// Checks the settings of <paramref name="request"/> and ignores its name: for a value checked on its own before
    /// the package is known, e.g. one limit while PowerShell binds a cmdlet parameter. Throws the
    /// <see cref="OperationArgumentException"/> <see cref="Check"/> would, naming only the settings.
    /// </summary>
    public static void CheckSettings(PackageRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var problems = new List<(string Setting, string Problem)>();
        Settings(request, problems);
        if (problems.Count > 0)
        {
            throw new OperationArgumentException(OperationErrorIds.InvalidPackage, Describe(problems), null, problems[0].Setting);
        }
    }

    private static PackageSettings Settings(PackageRequest request, List<(string Setting, string Problem)> problems) =>
        new()
        {
            Quota = Megabytes(problems, nameof(request.Quota), "quota", request.Quota),
            BandwidthLimit = Megabytes(problems, nameof(request.BandwidthLimit), "bwlimit", request.BandwidthLimit),
            MaxEmailAccountQuota = Megabytes(problems, nameof(request.MaxEmailAccountQuota), "max_emailacct_quota", request.MaxEmailAccountQuota),
            MaxFtp = Count(problems, nameof(request.MaxFtp), request.MaxFtp, 0, MaxCount),
            MaxSql = Count(problems, nameof(request.MaxSql), request.MaxSql, 0, MaxCount),
            MaxPop = Count(problems, nameof(request.MaxPop), request.MaxPop, 0, MaxCount),
            MaxLists = Count(problems, nameof(request.MaxLists), request.MaxLists, 0, MaxCount),
            MaxSubdomains = Count(problems, nameof(request.MaxSubdomains), request.MaxSubdomains, 0, MaxCount),
            MaxParked = Count(problems, nameof(request.MaxParked), request.MaxParked, 0, MaxCount),
            MaxAddons = Count(problems, nameof(request.MaxAddons), request.MaxAddons, 0, MaxCount),
            MaxPassengerApps = Count(problems, nameof(request.MaxPassengerApps), request.MaxPassengerApps, 0, MaxCount),
            // A rate, not a number of things: hosts commonly allow more than 999 messages an hour.
            MaxEmailPerHour = Count(problems, nameof(request.MaxEmailPerHour), request.MaxEmailPerHour, 0, int.MaxValue),
            MaxDeferFailPercentage = Count(problems, nameof(request.MaxDeferFailPercentage), request.MaxDeferFailPercentage, 1, 100),
            MaxTeamUsers = TeamUsers(problems, request.MaxTeamUsers),
            FeatureList = Text(problems, nameof(request.FeatureList), request.FeatureList, ColumnLimits.PackageText, FeatureListProblem),
            Theme = Text(problems, nameof(request.Theme), request.Theme, ColumnLimits.PackageShortText, ThemeProblem),
            Language = Text(problems, nameof(request.Language), request.Language, ColumnLimits.PackageShortText, LanguageProblem),
            PackageExtensions = Extensions(problems, request.PackageExtensions),
            DedicatedIp = request.DedicatedIp,
            Cgi = request.Cgi,
            HasShell = request.HasShell,
            DigestAuth = request.DigestAuth,
            FrontPage = request.FrontPage,
        };

    private static string Describe(List<(string Setting, string Problem)> problems) =>
        string.Join(" ", problems.Select(p => p.Setting + ": " + p.Problem));

    /// <summary>Checks a package name alone (for removal); returns it unchanged.</summary>
    public static string CheckName(string? name)
    {
        if (NameProblem(name ?? "") is { } problem)
        {
            throw new OperationArgumentException(OperationErrorIds.InvalidPackage, "Name: " + problem, name, "Name");
        }

        return name!;
    }

    /// <summary>
    /// The name a server stores for a package: as given for root; for a reseller always <c>reseller_name</c>
    /// (cPanel strips a <c>reseller_</c> prefix the name already has and adds it again).
    /// </summary>
    public static string StoredName(string whmUser, string name) =>
        string.Equals(whmUser, ServerSettings.DefaultWhmUser, StringComparison.Ordinal) || name.StartsWith(whmUser + "_", StringComparison.Ordinal)
            ? name
            : whmUser + "_" + name;

    private static string? NameProblem(string name)
    {
        if (name.Trim().Length == 0)
        {
            return "the name is empty; give the package a name.";
        }

        if (name.Trim().Length != name.Length)
        {
            return $"'{name}' starts or ends with a space; cPanel and billing would not agree on the name.";
        }

        if (name.Length > ColumnLimits.PackageName)
        {
            return $"the name is {name.Length} characters long; at most {ColumnLimits.PackageName} are allowed.";
        }

        if (name is "extensions" or "undefined" or "." or ".." || name.EndsWith(".cache", StringComparison.Ordinal))
        {
            return $"'{name}' is reserved by cPanel; choose another name.";
        }

        if (name.Any(c => !(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-' or ' ' || (c > 127 && !char.IsControl(c)))))
        {
            return $"'{name}' has characters cPanel refuses: a package name may hold a-z, A-Z, 0-9, '.', '_', '-', spaces and non-ASCII letters.";
        }

        if (!InputText.IsWellFormed(name))
        {
            return "the name holds half of a surrogate pair, which has no UTF-8 form: the server and billing would store another name.";
        }

        return null;
    }

    private static MegabyteLimit? Megabytes(List<(string, string)> problems, string setting, string cpanelName, string? text)
    {
        if (text is null)
        {
            return null;
        }

        string trimmed = text.Trim();
        if (IsUnlimited(trimmed))
        {
            return MegabyteLimit.Unlimited;
        }

        if (!AsciiDigits.Only(trimmed) || !long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out long megabytes))
        {
            problems.Add((setting, $"'{text}' is not a number of megabytes (at least 1) or 'unlimited'."));
            return null;
        }

        if (megabytes == 0)
        {
            problems.Add((setting, $"'{text}' is refused by cPanel for {cpanelName}: 0 is not a size here. Give at least 1 (megabytes) or 'unlimited'."));
            return null;
        }

        // The same ceiling as an account's own limits: the server refuses sizes of that many digits.
        if (megabytes > AccountInput.MaxMegabytes)
        {
            problems.Add((setting, $"'{text}' megabytes is more than {AccountInput.MaxMegabytes.ToString(CultureInfo.InvariantCulture)} (1 PiB); give 'unlimited' instead."));
            return null;
        }

        return MegabyteLimit.Of(megabytes);
    }

    private static CountLimit? Count(List<(string, string)> problems, string setting, string? text, int minimum, int maximum)
    {
        if (text is null)
        {
            return null;
        }

        string trimmed = text.Trim();
        if (IsUnlimited(trimmed))
        {
            return CountLimit.Unlimited;
        }

        string range = maximum == int.MaxValue ? $"{minimum} or more" : $"{minimum}–{maximum}";
        if (!AsciiDigits.Only(trimmed) || !int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < minimum || count > maximum)
        {
            problems.Add((setting, $"'{text}' is not allowed; give {range} or 'unlimited'."));
            return null;
        }

        return CountLimit.Of(count);
    }

    private static int? TeamUsers(List<(string, string)> problems, int? count)
    {
        if (count < 0)
        {
            problems.Add((nameof(PackageRequest.MaxTeamUsers), $"{count} is not allowed; give 0 or more."));
            return null;
        }

        return count;
    }

    private static string? Text(List<(string, string)> problems, string setting, string? text, int maxLength, Func<string, string?> rule)
    {
        if (text is null)
        {
            return null;
        }

        string trimmed = text.Trim();
        string? problem = trimmed.Length == 0 ? "it is empty; leave it out to keep cPanel's default."
            : trimmed.Length > maxLength ? $"'{trimmed}' is longer than {maxLength} characters."
            : trimmed.Any(char.IsControl) || trimmed.IndexOf(',') >= 0 ? $"'{trimmed}' holds a comma or a control character, which cPanel strips."
            : !InputText.IsWellFormed(trimmed) ? "it holds half of a surrogate pair, which has no UTF-8 form."
            : rule(trimmed);
        if (problem is not null)
        {
            problems.Add((setting, problem));
            return null;
        }

        return trimmed;
    }

    private static string? FeatureListProblem(string name) =>
        name.IndexOf('/') >= 0 || name.EndsWith(".cpaddons", StringComparison.Ordinal) || name is "." or ".."
            ? $"'{name}' is not a feature list name (no '/', not ending in '.cpaddons')."
            : null;

    private static string? ThemeProblem(string name) =>
        !ThemeName.IsMatch(name) || name is "." or ".."
            ? $"'{name}' is not a cPanel theme name (letters, digits, '.', '_', '-'), e.g. 'jupiter'."
            : null;

    // cPanel silently falls back to 'en' for a locale it does not know; at least the shape is checked here.
    private static string? LanguageProblem(string name) =>
        LocaleName.IsMatch(name) ? null : $"'{name}' is not a locale name such as 'en', 'de' or 'pt_br'.";

    private static string? Extensions(List<(string, string)> problems, string? text)
    {
        if (text is null)
        {
            return null;
        }

        string trimmed = text.Trim();
        if (trimmed.Length > 0 && (!ExtensionNames.IsMatch(trimmed) || trimmed.Length > ColumnLimits.PackageText))
        {
            problems.Add((nameof(PackageRequest.PackageExtensions), $"'{trimmed}' is not a list of extension names separated by spaces."));
            return null;
        }

        return trimmed;
    }

    private static bool IsUnlimited(string text) => string.Equals(text, "unlimited", StringComparison.OrdinalIgnoreCase);
}

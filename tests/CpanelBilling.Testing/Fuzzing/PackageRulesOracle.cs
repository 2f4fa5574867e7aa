using System;
using System.Linq;

namespace CpanelBilling.Testing.Fuzzing;

/// <summary>
/// The package rules (whm-api-facts §5, plus the module's documented limits: counts 0–999, sizes of at least 1 MB,
/// text without the commas cPanel strips), read independently of <c>PackageRules</c>.
/// </summary>
public static class PackageRulesOracle
{
    public static bool IsValidName(string? name)
    {
        if (name is null || name.Trim().Length == 0 || name.Trim().Length != name.Length || name.Length > 255)
        {
            return false;
        }

        if (name is "extensions" or "undefined" or "." or ".." || name.EndsWith(".cache", StringComparison.Ordinal))
        {
            return false;
        }

        return CpanelRulesOracle.IsWellFormed(name)
            && name.All(c => IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or ' ' || (c > 127 && !char.IsControl(c)));
    }

    /// <summary>Not given, <c>unlimited</c> in any case, or a whole number of megabytes from 1 to 1 PiB (2^30 MB), as for an account's own limits.</summary>
    public static bool IsValidMegabytes(string? text) =>
        text is null || IsUnlimited(text) || (TryDigits(text.Trim(), out decimal value) && value >= 1 && value <= 1L << 30);

    /// <summary>Not given, <c>unlimited</c> in any case, or a whole number from <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
    public static bool IsValidCount(string? text, int minimum, int maximum) =>
        text is null || IsUnlimited(text) || (TryDigits(text.Trim(), out decimal value) && value >= minimum && value <= maximum);

    public static bool IsValidFeatureList(string? text) => IsValidText(text, 255, name =>
        name.IndexOf('/') < 0 && !name.EndsWith(".cpaddons", StringComparison.Ordinal) && name is not ("." or ".."));

    public static bool IsValidTheme(string? text) => IsValidText(text, 64, name =>
        name.All(c => IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-') && name is not ("." or ".."));

    /// <summary>Groups of letters and digits joined by single '_' or '-' (en, pt_br, zh-Hans).</summary>
    public static bool IsValidLanguage(string? text) => IsValidText(text, 64, name =>
        name.Split('_', '-').All(part => part.Length > 0 && part.All(IsAsciiLetterOrDigit)));

    /// <summary>Not given, empty, or names of letters, digits, '_' and '-' separated by spaces.</summary>
    public static bool IsValidExtensions(string? text)
    {
        string? trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed)
            || (trimmed!.Length <= 255 && trimmed.Split(' ').Where(part => part.Length > 0).All(part => part.All(c => IsAsciiLetterOrDigit(c) || c is '_' or '-'))
                && trimmed.All(c => c == ' ' || IsAsciiLetterOrDigit(c) || c is '_' or '-'));
    }

    private static bool IsValidText(string? text, int maxLength, Func<string, bool> rule)
    {
        if (text is null)
        {
            return true;
        }

        string trimmed = text.Trim();
        return trimmed.Length > 0 && trimmed.Length <= maxLength && CpanelRulesOracle.IsWellFormed(trimmed)
            && !trimmed.Any(char.IsControl) && trimmed.IndexOf(',') < 0 && rule(trimmed);
    }

    private static bool IsUnlimited(string text) => string.Equals(text.Trim(), "unlimited", StringComparison.OrdinalIgnoreCase);

    // Only ASCII digits, no sign, no separators. Past 28 significant digits the value is beyond any limit anyway.
    private static bool TryDigits(string text, out decimal value)
    {
        value = 0;
        if (text.Length == 0 || !text.All(c => c is >= '0' and <= '9'))
        {
            return false;
        }

        string significant = text.TrimStart('0');
        value = significant.Length == 0 ? 0 : significant.Length > 28 ? decimal.MaxValue : decimal.Parse(significant, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
}

using System.Linq;
using CpanelBilling.WhmSimulator.Api;

namespace CpanelBilling.WhmSimulator.Validation;

/// <summary>cPanel's package name rules (Cpanel::Validate::PackageName).</summary>
internal static class PackageNameRules
{
    /// <summary>Returns cPanel's message for an unusable package name, or null when it is acceptable.</summary>
    public static string? Check(string name)
    {
        if (name is "extensions" or "undefined")
        {
            return $"{CpanelText.Quote(name)} is a reserved package name.";
        }

        var allowed = name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or ' ' || c > 127);
        if (!allowed || string.IsNullOrWhiteSpace(name))
        {
            return $"{CpanelText.Quote(name)} is invalid. A package name may only contain multi-byte UTF-8 characters, spaces, "
                   + "and the following: a-z, A-Z, 0-9, ., _, -";
        }

        return null;
    }
}

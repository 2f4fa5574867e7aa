using System;
using System.Collections.Generic;
using System.Linq;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Packages;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Reconcile;

/// <summary>
/// Reads a journal entry of a package change (addpkg, editpkg, killpkg) against the server's package list, by the
/// rules the package operations use for lost answers: added or edited when the package holds every value asked
/// for, removed when the server no longer lists it.
/// </summary>
internal static class PackageEntryCheck
{
    // addpkg/editpkg parameter names that are not the listpkgs key upper-cased.
    private static readonly Dictionary<string, string> KeyOfParameter = new(StringComparer.OrdinalIgnoreCase)
    {
        ["language"] = "LANG",
        ["ip"] = "IP",
    };

    public static bool IsPackageChange(OperationJournalEntry entry) =>
        entry.Function is WhmFunctions.AddPackage or WhmFunctions.EditPackage or WhmFunctions.DeletePackage;

    /// <summary>The package the entry is about.</summary>
    public static string? PackageName(OperationJournalEntry entry) =>
        JournaledChangeCheck.Parameter(entry, entry.Function == WhmFunctions.DeletePackage ? "pkgname" : "name");

    public static ChangeEffect Judge(OperationJournalEntry entry, IReadOnlyList<WhmPackage> listed)
    {
        string? name = PackageName(entry);
        if (name == null)
        {
            return ChangeEffect.Unreadable;
        }

        WhmPackage? package = listed.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
        if (entry.Function == WhmFunctions.DeletePackage)
        {
            return package == null ? ChangeEffect.Made : ChangeEffect.NotMade;
        }

        return package != null && PackageComparison.HoldsAsAsked(Asked(entry), package.Settings) ? ChangeEffect.Made : ChangeEffect.NotMade;
    }

    /// <summary>The settings the entry asked for, read back from its stored parameters.</summary>
    private static PackageSettings Asked(OperationJournalEntry entry)
    {
        var asked = new PackageSettings();
        foreach (KeyValuePair<string, string?> parameter in entry.Parameters)
        {
            string key = KeyOfParameter.TryGetValue(parameter.Key, out string? mapped) ? mapped : parameter.Key.ToUpperInvariant();
            if (parameter.Value != null && PackageSettingKey.ByName.TryGetValue(key, out PackageSettingKey? setting))
            {
                setting.TryRead(asked, parameter.Value);
            }
        }

        return asked;
    }
}

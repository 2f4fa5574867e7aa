using System.Collections.Generic;
using CpanelBilling.Core.Diagnostics;

namespace CpanelBilling.Loading;

/// <summary>
/// Support entry point, deliberately not a cmdlet: calls <see cref="DependencyCheck"/> from the cmdlet assembly, so
/// CpanelBilling.Core and everything it uses are resolved exactly as a cmdlet's call would resolve them.
/// Reached by reflection (the loader test does so from a real Import-Module).
/// </summary>
internal static class ModuleDiagnostics
{
    internal static IReadOnlyList<string> CheckDependencies(string sqliteFile) => DependencyCheck.Run(sqliteFile);
}

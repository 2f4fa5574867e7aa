using System.IO;
using System.Linq;
using System.Reflection;

namespace CpanelBilling.Module.Tests;

/// <summary>Where things are, as the build recorded them (see the AssemblyMetadata items in the project file).</summary>
internal static class RepoPaths
{
    public static string Root => Metadata("CpbRepoRoot");

    public static string ModuleVersion => Metadata("CpbModuleVersion");

    /// <summary>The module folder laid out by the LayoutModule target, exactly as build.ps1 ships it.</summary>
    public static string LayoutFolder => Path.Combine(Root, "out", "CpanelBilling", ModuleVersion);

    public static string LaidOutManifest => Path.Combine(LayoutFolder, "CpanelBilling.psd1");

    /// <summary>
    /// The Microsoft.Data.SqlClient builds the layout ships for PowerShell 7 on a platform family ("win" or "unix").
    /// Their lib folder is named for the framework the pinned SqlClient offers (netcoreapp3.1 for the default 2.1.4,
    /// net8.0 for 6.1.x), so tests find them here instead of naming one version's folder.
    /// </summary>
    public static string[] ShippedSqlClients(string platform) =>
        Directory.GetFiles(Path.Combine(LayoutFolder, "dependencies", "core", "runtimes", platform, "lib"), "Microsoft.Data.SqlClient.dll", SearchOption.AllDirectories);

    public static string SourceManifest => Path.Combine(Root, "CpanelBilling.psd1");

    public static string PwshHost => Metadata("CpbPwshHost");

    public static string Docs => Path.Combine(Root, "docs", "en-US");

    public static string InRepo(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

    private static string Metadata(string key) =>
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

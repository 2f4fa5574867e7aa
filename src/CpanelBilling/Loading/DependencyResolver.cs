using System;
using System.IO;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CpanelBilling.Loading;

/// <summary>
/// Chooses and registers the resolver for the running PowerShell edition.
/// Layout shipped by build.ps1 (and the LayoutModule MSBuild target):
/// <code>
///   CpanelBilling.dll, CpanelBilling.psd1, CpanelBilling.format.ps1xml, en-US/
///   dependencies/core/     PowerShell 7.4+ (.NET 8+): CpanelBilling.Core and every third-party assembly,
///                          runtimes/&lt;rid&gt;/lib|native/ for platform builds (SqlClient win/unix, e_sqlite3, SNI)
///   dependencies/desktop/  Windows PowerShell 5.1 (.NET Framework 4.7.2+): the .NET Framework builds
/// </code>
/// PowerShell 7 loads our dependencies into an AssemblyLoadContext of their own, so a different
/// Microsoft.Data.SqlClient loaded by SqlServer or dbatools (before or after us) never meets ours. Windows PowerShell
/// has one load context; there an AppDomain.AssemblyResolve handler answers only with files from our folder and
/// only when our file satisfies the requested version.
/// </summary>
internal static class DependencyResolver
{
    internal const string DependenciesFolderName = "dependencies";

    private static readonly object Gate = new();
    private static IDisposable? registration;

    /// <summary>Idempotent: PowerShell may call OnImport more than once for one module.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (registration is not null)
            {
                return;
            }

            var moduleFolder = Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location)!;
            var dependencies = Path.Combine(moduleFolder, DependenciesFolderName);
            if (!Directory.Exists(dependencies))
            {
                // Not a laid-out module (a build or test output folder): the host's own dependency graph
                // (deps.json) already provides every assembly next to this one, so there is nothing to resolve.
                return;
            }

            registration = IsNetFramework
                ? RegisterDesktop(Path.Combine(dependencies, "desktop"))
                : RegisterCore(Path.Combine(dependencies, "core"));
        }
    }

    public static void Unregister()
    {
        lock (Gate)
        {
            registration?.Dispose();
            registration = null;
        }
    }

    internal static bool IsNetFramework =>
        RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

    // Separate, non-inlined methods: the JIT then never loads AssemblyLoadContext types on .NET Framework,
    // where they do not exist.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IDisposable RegisterCore(string folder)
    {
        RequireFolder(folder, "PowerShell 7");
        if (Environment.Version.Major < 8)
        {
            throw new PSInvalidOperationException(
                $"CpanelBilling needs PowerShell 7.4 or later (.NET 8 or later); this session runs .NET {Environment.Version}. Install a current PowerShell 7.");
        }

        return CoreRegistration.Register(folder);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IDisposable RegisterDesktop(string folder)
    {
        RequireFolder(folder, "Windows PowerShell 5.1");
        return DesktopRegistration.Register(folder);
    }

    private static void RequireFolder(string folder, string edition)
    {
        if (!Directory.Exists(folder))
        {
            throw new PSInvalidOperationException(
                $"This copy of CpanelBilling has no dependencies for {edition} (missing '{folder}'). Reinstall the module, or build it with './build.ps1 -Task Build' on a machine with full NuGet access.");
        }
    }
}

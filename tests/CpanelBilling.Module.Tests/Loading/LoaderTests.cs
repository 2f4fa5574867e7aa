using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using Xunit;

namespace CpanelBilling.Module.Tests.Loading;

/// <summary>
/// Imports the laid-out module (out/CpanelBilling/&lt;version&gt;, what build.ps1 ships) with a real Import-Module in a
/// separate process whose host knows nothing of our assemblies, then makes the module's own code open an SQLite
/// file and create a SqlConnection. Also beside a different Microsoft.Data.SqlClient loaded before or after us, as
/// SqlServer and dbatools do.
/// </summary>
public sealed class LoaderTests : IDisposable
{
    // Ours: the SqlClient the layout ships for this platform (its version follows the build's SqlClientVersion pin).
    private static string OurSqlClient => Assert.Single(RepoPaths.ShippedSqlClients(RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win" : "unix"));
    private static string OurSqlClientVersion => AssemblyName.GetAssemblyName(OurSqlClient).Version!.ToString();

    // Imports the module, optionally loads a conflicting assembly before or after, runs the dependency check
    // through the module's own (internal) entry point, and lists where the interesting assemblies were loaded.
    private const string Probe = """
        param([string]$ModulePath, [string]$Db, [string]$Fake = '', [string]$FakeWhen = 'never', [string]$Reimport = 'no')
        $ErrorActionPreference = 'Stop'
        if ($FakeWhen -eq 'before') { $null = [System.Reflection.Assembly]::LoadFrom($Fake) }
        Import-Module -Name $ModulePath
        if ($Reimport -eq 'yes') { Remove-Module CpanelBilling; Import-Module -Name $ModulePath }
        $module = Get-Module CpanelBilling
        "module=$($module.Version)"
        [string[]]$exported = @($module.ExportedCmdlets.Keys)
        [array]::Sort($exported)
        "exported=$($exported -join ',')"
        $diagnostics = $module.ImplementingAssembly.GetType('CpanelBilling.Loading.ModuleDiagnostics', $true)
        $check = $diagnostics.GetMethod('CheckDependencies', [System.Reflection.BindingFlags]'NonPublic,Static')
        $check.Invoke($null, @($Db))
        if ($FakeWhen -eq 'after') {
            $null = [System.Reflection.Assembly]::LoadFrom($Fake)
            $check.Invoke($null, @($Db + '.again')) | Where-Object { $_ -like 'sqlclient.assembly=*' } | ForEach-Object { "again.$_" }
        }
        foreach ($assembly in [AppDomain]::CurrentDomain.GetAssemblies()) {
            $name = $assembly.GetName()
            if ($name.Name -in 'CpanelBilling', 'CpanelBilling.Core', 'Microsoft.Data.SqlClient', 'Microsoft.Data.Sqlite', 'SQLitePCLRaw.core') {
                $context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).GetType().Name
                "loaded=$($name.Name)|$($name.Version)|$context"
            }
        }
        """;

    private readonly string temp = Directory.CreateTempSubdirectory("cpb-loader-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void The_laid_out_module_imports_and_its_dependencies_work_in_their_own_load_context()
    {
        var result = RunProbe();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(RepoPaths.ModuleVersion, result.Value("module"));
        Assert.StartsWith("3.", result.Value("sqlite.version"));
        Assert.StartsWith(Path.Combine(RepoPaths.LayoutFolder, "dependencies", "core"), result.Value("sqlite.assembly").Split('|')[2]);
        Assert.Equal(Path.Combine(RepoPaths.LayoutFolder, "dependencies", "core", "CpanelBilling.Core.dll"), result.Value("core.assembly").Split('|')[2]);
        AssertOurSqlClient(result.Value("sqlclient.assembly"));

        Assert.Contains($"loaded=CpanelBilling|{AssemblyVersion}|DefaultAssemblyLoadContext", result.Output);
        Assert.Contains($"loaded=CpanelBilling.Core|{AssemblyVersion}|CoreDependencyLoadContext", result.Output);
        Assert.Contains($"loaded=Microsoft.Data.SqlClient|{OurSqlClientVersion}|CoreDependencyLoadContext", result.Output);
        Assert.Contains(result.Output, l => l.StartsWith("loaded=Microsoft.Data.Sqlite|", StringComparison.Ordinal) && l.EndsWith("|CoreDependencyLoadContext", StringComparison.Ordinal));
        Assert.Contains(result.Output, l => l.StartsWith("loaded=SQLitePCLRaw.core|", StringComparison.Ordinal) && l.EndsWith("|CoreDependencyLoadContext", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(temp, "billing.db")));
    }

    [Theory]
    [InlineData("1.0.0.0")]
    [InlineData("99.0.0.0")]
    public void Another_SqlClient_loaded_first_by_another_module_does_not_replace_ours(string otherVersion)
    {
        var result = RunProbe(FakeSqlClient(otherVersion), "before");

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertOurSqlClient(result.Value("sqlclient.assembly"));
        Assert.Contains($"loaded=Microsoft.Data.SqlClient|{otherVersion}|DefaultAssemblyLoadContext", result.Output);
        Assert.Contains($"loaded=Microsoft.Data.SqlClient|{OurSqlClientVersion}|CoreDependencyLoadContext", result.Output);
    }

    [Fact]
    public void Another_SqlClient_loaded_after_the_module_loads_and_ours_keeps_working()
    {
        var result = RunProbe(FakeSqlClient("99.0.0.0"), "after");

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertOurSqlClient(result.Value("again.sqlclient.assembly"));
        Assert.Contains("loaded=Microsoft.Data.SqlClient|99.0.0.0|DefaultAssemblyLoadContext", result.Output);
    }

    [Fact]
    public void Removing_and_importing_the_module_again_works()
    {
        var result = RunProbe(reimport: true);

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertOurSqlClient(result.Value("sqlclient.assembly"));
        Assert.Single(result.Output, l => l.StartsWith("loaded=CpanelBilling.Core|", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_its_dependencies_folder_the_module_cannot_reach_its_dependencies()
    {
        // Proves the child host has no other way to find our assemblies, so the passing tests above are the resolver's work.
        var copy = Path.Combine(temp, "CpanelBilling");
        CopyDirectory(RepoPaths.LayoutFolder, copy);
        Directory.Delete(Path.Combine(copy, "dependencies"), recursive: true);

        var result = RunProbe(modulePath: Path.Combine(copy, "CpanelBilling.psd1"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("CpanelBilling.Core", result.Errors);
    }

    [Fact]
    public void What_the_cmdlet_assembly_references_itself_loads_and_Get_CpAccount_works()
    {
        // The cmdlet assembly lives in the default context; Core's API puts IAsyncEnumerable<T> (Microsoft.Bcl.AsyncInterfaces
        // on netstandard2.0) into cmdlet code, and pwsh has no such assembly at that version (7.4 ships 5.0.0.0).
        var result = ChildPowerShell.Run(
            """
            param([string]$ModulePath, [string]$Db)
            $ErrorActionPreference = 'Stop'
            $module = Import-Module -Name $ModulePath -PassThru
            foreach ($reference in $module.ImplementingAssembly.GetReferencedAssemblies()) {
                $loaded = [System.Reflection.Assembly]::Load($reference)
                "reference=$($reference.Name)|$([System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($loaded).GetType().Name)"
            }
            Connect-CpBilling -Database $Db -LogPath "$Db.log"
            "accounts=$(@(Get-CpAccount).Count)"
            """,
            ("ModulePath", RepoPaths.LaidOutManifest),
            ("Db", Path.Combine(temp, "billing.db")));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("reference=CpanelBilling.Core|CoreDependencyLoadContext", result.Output);
        Assert.Equal("0", result.Value("accounts"));
    }

    [Fact]
    public void Test_ModuleManifest_accepts_the_laid_out_manifest()
    {
        var result = ChildPowerShell.Run(
            "param([string]$ModulePath) $m = Test-ModuleManifest -Path $ModulePath -ErrorAction Stop; \"name=$($m.Name)\"; \"version=$($m.Version)\"",
            ("ModulePath", RepoPaths.LaidOutManifest));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("CpanelBilling", result.Value("name"));
        Assert.Equal(RepoPaths.ModuleVersion, result.Value("version"));
    }

    private static string AssemblyVersion => RepoPaths.ModuleVersion + ".0";

    private ChildPowerShell.Result RunProbe(string fake = "", string fakeWhen = "never", bool reimport = false, string? modulePath = null) =>
        ChildPowerShell.Run(Probe,
            ("ModulePath", modulePath ?? RepoPaths.LaidOutManifest),
            ("Db", Path.Combine(temp, "billing.db")),
            ("Fake", fake),
            ("FakeWhen", fakeWhen),
            ("Reimport", reimport ? "yes" : "no"));

    private static void AssertOurSqlClient(string description)
    {
        var parts = description.Split('|');
        Assert.Equal("Microsoft.Data.SqlClient", parts[0]);
        Assert.Equal(OurSqlClientVersion, parts[1]);
        Assert.Equal(OurSqlClient, parts[2]);
    }

    private string FakeSqlClient(string version)
    {
        var folder = Directory.CreateDirectory(Path.Combine(temp, "other-module-" + version)).FullName;
        var path = Path.Combine(folder, "Microsoft.Data.SqlClient.dll");
        FakeAssembly.Write(path, "Microsoft.Data.SqlClient", Version.Parse(version), "Microsoft.Data.SqlClient.SqlConnection");
        return path;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Xunit;

namespace CpanelBilling.Module.Tests.Layout;

/// <summary>The folder LayoutModule produced (the one build.ps1 ships): what is at the top, what is in dependencies/.</summary>
public sealed class LayoutTests
{
    private static readonly string Root = RepoPaths.LayoutFolder;
    private static readonly string Core = Path.Combine(Root, "dependencies", "core");

    [Fact]
    public void The_module_folder_holds_only_what_PowerShell_loads_directly()
    {
        var top = Directory.GetFileSystemEntries(Root).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "CpanelBilling.dll", "CpanelBilling.format.ps1xml", "CpanelBilling.psd1", "dependencies", "en-US" }, top);
    }

    [Theory]
    [InlineData("CpanelBilling.Core.dll")]
    [InlineData("Microsoft.Data.Sqlite.dll")]
    [InlineData("SQLitePCLRaw.core.dll")]
    [InlineData("SQLitePCLRaw.provider.e_sqlite3.dll")]
    [InlineData("SQLitePCLRaw.batteries_v2.dll")]
    [InlineData("Microsoft.Identity.Client.dll")]
    [InlineData("runtimes/win-x64/native/Microsoft.Data.SqlClient.SNI.dll")]
    [InlineData("runtimes/win-x64/native/e_sqlite3.dll")]
    [InlineData("runtimes/linux-x64/native/libe_sqlite3.so")]
    [InlineData("runtimes/osx-arm64/native/libe_sqlite3.dylib")]
    public void PowerShell_7_dependencies_include_each_platforms_build(string relativePath)
    {
        Assert.True(File.Exists(Path.Combine(Core, relativePath)), $"missing dependencies/core/{relativePath}");
    }

    [Theory]
    [InlineData("win")]
    [InlineData("unix")]
    public void PowerShell_7_dependencies_include_one_SqlClient_build_for_each_platform_family(string platform)
    {
        Assert.Single(RepoPaths.ShippedSqlClients(platform));
    }

    [Fact]
    public void Only_supported_platforms_are_shipped_and_never_PowerShell_itself()
    {
        var runtimes = Directory.GetDirectories(Path.Combine(Core, "runtimes")).Select(Path.GetFileName).ToArray();
        Assert.DoesNotContain(runtimes, r => r!.StartsWith("android", StringComparison.Ordinal) || r.StartsWith("ios", StringComparison.Ordinal) || r == "browser-wasm");
        var files = Directory.GetFiles(Root, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToArray();
        Assert.DoesNotContain("System.Management.Automation.dll", files);
        Assert.DoesNotContain("CpanelBilling.ModuleDependencies.dll", files);
        Assert.DoesNotContain(files, f => f!.EndsWith(".deps.json", StringComparison.Ordinal));
    }

    [Fact]
    public void The_about_topic_is_in_en_US()
    {
        var about = File.ReadAllText(Path.Combine(Root, "en-US", "about_CpanelBilling.help.txt"));
        Assert.Contains("about_CpanelBilling", about);
        Assert.Contains("Import-Module CpanelBilling", about);
    }

    [Fact]
    public void The_format_file_is_accepted_by_PowerShell()
    {
        Assert.Empty(FormatFile.Errors(Path.Combine(Root, "CpanelBilling.format.ps1xml")));
    }

    [Fact]
    public void The_format_file_check_rejects_a_broken_view()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"cpb-broken-{Guid.NewGuid():N}.format.ps1xml");
        File.WriteAllText(broken, "<Configuration><ViewDefinitions><View><Name>x</Name></View></ViewDefinitions></Configuration>");
        try
        {
            Assert.NotEmpty(FormatFile.Errors(broken));
        }
        finally
        {
            File.Delete(broken);
        }
    }
}

/// <summary>Loads a format file with PowerShell's own format loader (what Import-Module uses for FormatsToProcess).</summary>
internal static class FormatFile
{
    public static string[] Errors(string path)
    {
        try
        {
            _ = new FormatTable(new[] { path });
            return Array.Empty<string>();
        }
        catch (FormatTableLoadException e)
        {
            return e.Errors.ToArray();
        }
    }
}

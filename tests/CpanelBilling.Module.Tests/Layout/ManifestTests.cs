using System;
using System.IO;
using System.Linq;
using CpanelBilling.Commands;
using CpanelBilling.Module.Tests.Contract;
using Xunit;

namespace CpanelBilling.Module.Tests.Layout;

/// <summary>CpanelBilling.psd1, read as data with PowerShell's parser, against the assembly and the laid-out folder.</summary>
public sealed class ManifestTests
{
    private readonly ModuleManifest manifest = ModuleManifest.Load(RepoPaths.SourceManifest);

    [Fact]
    public void Exports_exactly_the_cmdlet_classes_of_the_assembly_and_nothing_else()
    {
        var cmdlets = CmdletShape.AllIn(typeof(CpCmdlet).Assembly).Select(c => c.Name).OrderBy(n => n).ToArray();
        Assert.Equal(cmdlets, manifest.List("CmdletsToExport").OrderBy(n => n).ToArray());
        Assert.IsType<object[]>(manifest.Data["CmdletsToExport"]);
        foreach (var key in new[] { "FunctionsToExport", "VariablesToExport", "AliasesToExport" })
        {
            Assert.True(manifest.Data[key] is object[] { Length: 0 }, $"{key} must be @() (explicitly nothing)");
        }

        Assert.DoesNotContain(manifest.List("CmdletsToExport"), n => n.IndexOfAny(new[] { '*', '?', '[' }) >= 0);
    }

    [Fact]
    public void Declares_both_editions_PowerShell_5_1_the_root_module_and_the_format_file()
    {
        Assert.Equal(new[] { "Core", "Desktop" }, manifest.List("CompatiblePSEditions").OrderBy(e => e).ToArray());
        Assert.Equal("5.1", manifest.String("PowerShellVersion"));
        Assert.Equal("CpanelBilling.dll", manifest.String("RootModule"));
        Assert.Equal(new[] { "CpanelBilling.format.ps1xml" }, manifest.List("FormatsToProcess"));
        Assert.True(Guid.TryParse(manifest.String("GUID"), out _));
    }

    [Fact]
    public void The_version_has_one_source_that_the_assemblies_carry()
    {
        var version = Version.Parse(manifest.String("ModuleVersion")!);
        Assert.Equal(RepoPaths.ModuleVersion, version.ToString());
        var assembly = typeof(CpCmdlet).Assembly.GetName().Version!;
        Assert.Equal(version, new Version(assembly.Major, assembly.Minor, assembly.Build));
    }

    [Fact]
    public void Gallery_metadata_is_complete()
    {
        var psData = manifest.PSData;
        var tags = ((object[])psData["Tags"]!).Cast<string>().ToArray();
        foreach (var tag in new[] { "cPanel", "WHM", "Billing", "PSEdition_Desktop", "PSEdition_Core", "Windows", "Linux" })
        {
            Assert.Contains(tag, tags);
        }

        Assert.True(Uri.TryCreate(psData["ProjectUri"] as string, UriKind.Absolute, out _), "ProjectUri");
        Assert.True(Uri.TryCreate(psData["LicenseUri"] as string, UriKind.Absolute, out _), "LicenseUri");
        Assert.False(string.IsNullOrWhiteSpace(psData["ReleaseNotes"] as string), "ReleaseNotes");
        Assert.All(tags, t => Assert.DoesNotContain(' ', t));
    }

    [Fact]
    public void The_laid_out_manifest_is_the_source_manifest_and_every_file_it_names_is_there()
    {
        Assert.Equal(File.ReadAllText(RepoPaths.SourceManifest), File.ReadAllText(RepoPaths.LaidOutManifest));
        var named = manifest.List("FormatsToProcess").Append(manifest.String("RootModule")!);
        foreach (var file in named)
        {
            Assert.True(File.Exists(Path.Combine(RepoPaths.LayoutFolder, file)), $"{file} is named by the manifest but missing from {RepoPaths.LayoutFolder}");
        }
    }
}

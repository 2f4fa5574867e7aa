using System;
using System.IO;
using System.Reflection;
using CpanelBilling.Loading;
using Xunit;

namespace CpanelBilling.Module.Tests.Loading;

/// <summary>The resolver's decisions, case by case (the Windows PowerShell path is testable here only this way).</summary>
public sealed class ResolverUnitTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("cpb-probe-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Managed_assemblies_prefer_the_most_specific_platform_build_then_the_plain_one()
    {
        Touch("Lib.dll");
        Touch("runtimes/unix/lib/netcoreapp3.1/Lib.dll");
        Touch("runtimes/win/lib/netcoreapp3.1/Lib.dll");
        Touch("Plain.dll");

        var linux = new RuntimeAssetProbe(root, new[] { "linux-x64", "linux", "unix" });
        var windows = new RuntimeAssetProbe(root, new[] { "win-x64", "win" });
        var other = new RuntimeAssetProbe(root, new[] { "freebsd-x64" });

        Assert.Equal(Path.Combine(root, "runtimes/unix/lib/netcoreapp3.1/Lib.dll"), linux.FindManagedAssembly("Lib"));
        Assert.Equal(Path.Combine(root, "runtimes/win/lib/netcoreapp3.1/Lib.dll"), windows.FindManagedAssembly("Lib"));
        Assert.Equal(Path.Combine(root, "Lib.dll"), other.FindManagedAssembly("Lib"));
        Assert.Equal(Path.Combine(root, "Plain.dll"), linux.FindManagedAssembly("Plain"));
        Assert.Null(linux.FindManagedAssembly("Missing"));
    }

    [Theory]
    [InlineData("e_sqlite3", "runtimes/linux-x64/native/libe_sqlite3.so")]
    [InlineData("libe_sqlite3.so", "runtimes/linux-x64/native/libe_sqlite3.so")]
    [InlineData("Microsoft.Data.SqlClient.SNI.dll", null)]
    public void Native_libraries_are_found_by_the_name_DllImport_uses(string requested, string? expected)
    {
        Touch("runtimes/linux-x64/native/libe_sqlite3.so");
        Touch("runtimes/win-x64/native/Microsoft.Data.SqlClient.SNI.dll");

        var probe = new RuntimeAssetProbe(root, new[] { "linux-x64", "linux", "unix" });

        Assert.Equal(expected is null ? null : Path.Combine(root, expected), probe.FindNativeLibrary(requested));
    }

    [Fact]
    public void The_current_platform_chain_starts_with_its_exact_runtime_and_ends_general()
    {
        var chain = RuntimeAssetProbe.CurrentRuntimeIdentifiers();
        Assert.Contains(System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(), chain[0]);
        Assert.Contains(chain[^1], new[] { "win", "unix" });
    }

    [Fact]
    public void The_host_wins_for_assemblies_it_has_at_the_requested_version_or_higher()
    {
        var platform = new PlatformAssemblies(new[] { typeof(object).Assembly.Location, typeof(Uri).Assembly.Location });
        var coreLib = typeof(object).Assembly.GetName();

        Assert.True(platform.Satisfies(new AssemblyName(coreLib.Name!) { Version = new Version(4, 0, 0, 0) }));
        Assert.True(platform.Satisfies(new AssemblyName(coreLib.Name!)));
        Assert.False(platform.Satisfies(new AssemblyName(coreLib.Name!) { Version = new Version(999, 0) }));
        Assert.False(platform.Satisfies(new AssemblyName("Microsoft.Data.SqlClient") { Version = new Version(2, 0) }));
    }

    [Fact]
    public void Windows_PowerShell_resolver_answers_only_with_a_file_that_satisfies_the_request()
    {
        // A real strong-named assembly of ours stands in: the shipped Microsoft.Data.SqlClient (2.0.20168.4 with the
        // default pin, 6.0.0.0 with 6.1.x), token 23ec7fc2d6eaa4a5.
        var source = Assert.Single(RepoPaths.ShippedSqlClients("unix"));
        File.Copy(source, Path.Combine(root, "Microsoft.Data.SqlClient.dll"));
        var probe = new RuntimeAssetProbe(root, new[] { "win-x64", "win" });
        var ours = Path.Combine(root, "Microsoft.Data.SqlClient.dll");
        Version version = AssemblyName.GetAssemblyName(source).Version!;
        Assert.Equal("23ec7fc2d6eaa4a5", Convert.ToHexStringLower(AssemblyName.GetAssemblyName(source).GetPublicKeyToken()!));

        Assert.Equal(ours, DesktopRegistration.ResolvePath(probe, new AssemblyName($"Microsoft.Data.SqlClient, Version={version}, Culture=neutral, PublicKeyToken=23ec7fc2d6eaa4a5")));
        Assert.Equal(ours, DesktopRegistration.ResolvePath(probe, new AssemblyName("Microsoft.Data.SqlClient, Version=1.0.0.0, Culture=neutral, PublicKeyToken=23ec7fc2d6eaa4a5")));
        Assert.Null(DesktopRegistration.ResolvePath(probe, new AssemblyName($"Microsoft.Data.SqlClient, Version={version.Major + 1}.0.0.0, Culture=neutral, PublicKeyToken=23ec7fc2d6eaa4a5")));
        Assert.Null(DesktopRegistration.ResolvePath(probe, new AssemblyName($"Microsoft.Data.SqlClient, Version={version}, Culture=neutral, PublicKeyToken=b77a5c561934e089")));
        Assert.Null(DesktopRegistration.ResolvePath(probe, new AssemblyName("Newtonsoft.Json, Version=13.0.0.0")));
    }

    private void Touch(string relative)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Empty);
    }
}

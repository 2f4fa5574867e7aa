using System;
using System.Reflection;
using System.Runtime.Loader;

namespace CpanelBilling.Loading;

/// <summary>
/// PowerShell 7 only. Holds CpanelBilling.Core and everything it needs. Because Core itself lives here, .NET asks
/// this context first for each of Core's references, so our Microsoft.Data.SqlClient, SQLite and JSON builds are
/// used whatever other modules loaded into the default context. Assemblies the .NET runtime or PowerShell itself
/// provides at the same or a higher version are left to the default context, so framework types stay shared.
/// </summary>
/// <remarks>
/// The cmdlet assembly targets netstandard2.0, which has no AssemblyLoadContext; it compiles against the
/// System.Runtime.Loader reference package and uses this type only when running on .NET (see DependencyResolver).
/// Internal, so Windows PowerShell never loads it while it lists the module's exported types.
/// </remarks>
internal sealed class CoreDependencyLoadContext : AssemblyLoadContext
{
    private readonly RuntimeAssetProbe probe;
    private readonly PlatformAssemblies platform;

    public CoreDependencyLoadContext(RuntimeAssetProbe probe, PlatformAssemblies platform)
    {
        this.probe = probe;
        this.platform = platform;
    }

    public string Folder => probe.Root;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is null || platform.Satisfies(assemblyName))
        {
            return null;
        }

        var path = probe.FindManagedAssembly(assemblyName.Name);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = probe.FindNativeLibrary(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}

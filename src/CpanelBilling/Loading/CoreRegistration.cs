using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace CpanelBilling.Loading;

/// <summary>
/// PowerShell 7: answers the default context's Resolving event for our own assemblies only, handing out the copy in
/// our load context. Ours are those the cmdlet assembly (loaded by PowerShell into the default context) references
/// itself and ships in our folder: CpanelBilling.Core, and Microsoft.Bcl.AsyncInterfaces, whose IAsyncEnumerable
/// Core's netstandard2.0 API puts into cmdlet code (pwsh 7.4 ships only version 5.0.0.0 of it, an SDK host none).
/// Everything Core references then resolves inside our context. Other requests, e.g. someone else's
/// Microsoft.Data.SqlClient, are not ours to answer.
/// </summary>
internal static class CoreRegistration
{
    // One context per process: an assembly that was resolved once stays bound to it, even across Remove-Module
    // and Import-Module, so a second context would only load a second, unusable copy.
    private static CoreDependencyLoadContext? context;
    private static ISet<string>? ownAssemblies;

    public static IDisposable Register(string folder)
    {
        var probe = RuntimeAssetProbe.ForCurrentPlatform(folder);
        context ??= new CoreDependencyLoadContext(probe, PlatformAssemblies.FromCurrentHost());
        ownAssemblies ??= OwnAssemblies(typeof(CoreRegistration).Assembly, probe);
        AssemblyLoadContext.Default.Resolving += OnResolving;
        return new Subscription();
    }

    /// <summary>The assemblies <paramref name="cmdletAssembly"/> references that our folder has.</summary>
    internal static ISet<string> OwnAssemblies(Assembly cmdletAssembly, RuntimeAssetProbe probe) =>
        new HashSet<string>(
            cmdletAssembly.GetReferencedAssemblies().Select(r => r.Name).OfType<string>().Where(n => probe.FindManagedAssembly(n) is not null),
            StringComparer.OrdinalIgnoreCase);

    private static Assembly? OnResolving(AssemblyLoadContext defaultContext, AssemblyName name)
    {
        var ours = context;
        var names = ownAssemblies;
        return ours is not null && names is not null && name.Name is not null && names.Contains(name.Name)
            ? ours.LoadFromAssemblyName(name)
            : null;
    }

    private sealed class Subscription : IDisposable
    {
        public void Dispose() => AssemblyLoadContext.Default.Resolving -= OnResolving;
    }
}

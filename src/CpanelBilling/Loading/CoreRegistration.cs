using System;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.Loader;

namespace CpanelBilling.Loading;

/// <summary>
/// PowerShell 7: answers the default context's Resolving event for our own assemblies only (CpanelBilling.Core),
/// handing out the copy in our load context. Everything Core references then resolves inside that context.
/// Other requests, e.g. someone else's Microsoft.Data.SqlClient, are not ours to answer.
/// </summary>
internal static class CoreRegistration
{
    // One context per process: an assembly that was resolved once stays bound to it, even across Remove-Module
    // and Import-Module, so a second context would only load a second, unusable copy.
    private static CoreDependencyLoadContext? context;

    internal static readonly ISet<string> OwnAssemblies = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "CpanelBilling.Core",
    };

    public static IDisposable Register(string folder)
    {
        context ??= new CoreDependencyLoadContext(RuntimeAssetProbe.ForCurrentPlatform(folder), PlatformAssemblies.FromCurrentHost());
        AssemblyLoadContext.Default.Resolving += OnResolving;
        return new Subscription();
    }

    private static Assembly? OnResolving(AssemblyLoadContext defaultContext, AssemblyName name)
    {
        var ours = context;
        return ours is not null && name.Name is not null && OwnAssemblies.Contains(name.Name)
            ? ours.LoadFromAssemblyName(name)
            : null;
    }

    private sealed class Subscription : IDisposable
    {
        public void Dispose() => AssemblyLoadContext.Default.Resolving -= OnResolving;
    }
}

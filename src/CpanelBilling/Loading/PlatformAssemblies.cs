using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace CpanelBilling.Loading;

/// <summary>
/// The assemblies the running .NET host provides itself (its "trusted platform assemblies": the framework plus, in
/// pwsh, PowerShell's own dependencies). When one of them satisfies a request we let it win, so e.g. a
/// netstandard System.Memory or an older System.Text.Json never shadows the runtime's own.
/// </summary>
internal sealed class PlatformAssemblies
{
    private readonly Dictionary<string, string> pathsBySimpleName;
    private readonly Dictionary<string, Version?> versions = new(StringComparer.OrdinalIgnoreCase);

    public PlatformAssemblies(IEnumerable<string> assemblyPaths)
    {
        pathsBySimpleName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in assemblyPaths)
        {
            pathsBySimpleName[Path.GetFileNameWithoutExtension(path)] = path;
        }
    }

    public static PlatformAssemblies FromCurrentHost()
    {
        var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
        return new PlatformAssemblies(list.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>True when the host has this assembly at the requested version or higher.</summary>
    public bool Satisfies(AssemblyName requested)
    {
        if (requested.Name is null || !pathsBySimpleName.TryGetValue(requested.Name, out var path))
        {
            return false;
        }

        Version? available;
        lock (versions)
        {
            if (!versions.TryGetValue(requested.Name, out available))
            {
                available = ReadVersion(path);
                versions[requested.Name] = available;
            }
        }

        return available is not null && (requested.Version is null || available >= requested.Version);
    }

    private static Version? ReadVersion(string path)
    {
        try
        {
            return AssemblyName.GetAssemblyName(path).Version;
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

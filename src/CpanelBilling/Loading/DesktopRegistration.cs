using System;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace CpanelBilling.Loading;

/// <summary>
/// Windows PowerShell 5.1 (.NET Framework): one AppDomain, no load contexts. AssemblyResolve fires only when the
/// normal probe (GAC, powershell.exe's folder) fails; we then answer with a file from our folder if, and only if,
/// it has the requested name, public key token and at least the requested version, loaded with LoadFrom (never
/// LoadFile, which would give a second identity to an assembly already loaded). A request for a newer version
/// (another module's SqlClient) is left to that module's own resolver.
/// Native libraries (e_sqlite3, SqlClient's SNI) are preloaded by full path, because .NET Framework's DllImport
/// looks only beside powershell.exe and on PATH; once loaded, Windows hands the same module to DllImport by name.
/// </summary>
internal static class DesktopRegistration
{
    private static RuntimeAssetProbe? probe;
    private static bool nativesLoaded;

    public static IDisposable Register(string folder)
    {
        probe = RuntimeAssetProbe.ForCurrentPlatform(folder);
        AppDomain.CurrentDomain.AssemblyResolve += OnAssemblyResolve;
        PreloadNativeLibraries(probe);
        return new Subscription();
    }

    private static Assembly? OnAssemblyResolve(object? sender, ResolveEventArgs args)
    {
        var path = probe is null ? null : ResolvePath(probe, new AssemblyName(args.Name));
        return path is null ? null : Assembly.LoadFrom(path);
    }

    /// <summary>The file of ours that may stand in for <paramref name="requested"/>, or null.</summary>
    internal static string? ResolvePath(RuntimeAssetProbe assets, AssemblyName requested)
    {
        var path = requested.Name is null ? null : assets.FindManagedAssembly(requested.Name);
        if (path is null)
        {
            return null;
        }

        var available = AssemblyName.GetAssemblyName(path);
        var versionOk = requested.Version is null || (available.Version is not null && available.Version >= requested.Version);
        var requestedToken = requested.GetPublicKeyToken();
        var tokenOk = requestedToken is null || requestedToken.Length == 0
            || (available.GetPublicKeyToken() ?? Array.Empty<byte>()).SequenceEqual(requestedToken);
        return versionOk && tokenOk ? path : null;
    }

    private static void PreloadNativeLibraries(RuntimeAssetProbe assets)
    {
        if (nativesLoaded)
        {
            return;
        }

        foreach (var library in assets.NativeLibrariesForExactRuntime().Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
        {
            if (LoadLibraryExW(library, IntPtr.Zero, LoadWithAlteredSearchPath) == IntPtr.Zero)
            {
                throw new Win32Exception(Marshal.GetLastWin32Error(), $"CpanelBilling could not load its native library '{library}'.");
            }
        }

        nativesLoaded = true;
    }

    private const uint LoadWithAlteredSearchPath = 0x00000008;

    [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    private static extern IntPtr LoadLibraryExW(string fileName, IntPtr reserved, uint flags);

    private sealed class Subscription : IDisposable
    {
        public void Dispose() => AppDomain.CurrentDomain.AssemblyResolve -= OnAssemblyResolve;
    }
}

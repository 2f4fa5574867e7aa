using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace CpanelBilling.Loading;

/// <summary>
/// Finds an assembly or native library in one dependencies folder, preferring the build for the running
/// platform: <c>runtimes/&lt;rid&gt;/lib/&lt;tfm&gt;/</c> and <c>runtimes/&lt;rid&gt;/native/</c> for each RID from the most
/// specific (linux-x64) to the most general (unix), as NuGet lays them out, then the folder itself.
/// </summary>
internal sealed class RuntimeAssetProbe
{
    private readonly string root;
    private readonly IReadOnlyList<string> runtimeIdentifiers;
    private readonly ConcurrentDictionary<string, string?> managed = new(StringComparer.OrdinalIgnoreCase);

    public RuntimeAssetProbe(string root, IReadOnlyList<string> runtimeIdentifiers)
    {
        this.root = root;
        this.runtimeIdentifiers = runtimeIdentifiers;
    }

    public string Root => root;

    public static RuntimeAssetProbe ForCurrentPlatform(string root) => new(root, CurrentRuntimeIdentifiers());

    /// <summary>The path of <paramref name="simpleName"/>.dll for this platform, or null when we do not ship it.</summary>
    public string? FindManagedAssembly(string simpleName) => managed.GetOrAdd(simpleName, FindManagedUncached);

    /// <summary>The path of a native library as a DllImport names it ("e_sqlite3", "Microsoft.Data.SqlClient.SNI.dll").</summary>
    public string? FindNativeLibrary(string libraryName)
    {
        foreach (var rid in runtimeIdentifiers)
        {
            var folder = Path.Combine(root, "runtimes", rid, "native");
            foreach (var candidate in NativeFileNames(libraryName))
            {
                var path = Path.Combine(folder, candidate);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }

    /// <summary>Every native library shipped for this platform's most specific RID (used to preload on .NET Framework).</summary>
    public IEnumerable<string> NativeLibrariesForExactRuntime()
    {
        var folder = Path.Combine(root, "runtimes", runtimeIdentifiers[0], "native");
        return Directory.Exists(folder) ? Directory.GetFiles(folder) : Enumerable.Empty<string>();
    }

    private string? FindManagedUncached(string simpleName)
    {
        var fileName = simpleName + ".dll";
        foreach (var rid in runtimeIdentifiers)
        {
            var lib = Path.Combine(root, "runtimes", rid, "lib");
            if (Directory.Exists(lib))
            {
                var match = Directory.GetFiles(lib, fileName, SearchOption.AllDirectories).FirstOrDefault();
                if (match is not null)
                {
                    return match;
                }
            }
        }

        var plain = Path.Combine(root, fileName);
        return File.Exists(plain) ? plain : null;
    }

    private static IEnumerable<string> NativeFileNames(string name)
    {
        yield return name;
        var hasExtension = name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".so", StringComparison.Ordinal) || name.EndsWith(".dylib", StringComparison.Ordinal);
        if (hasExtension)
        {
            yield break;
        }

        yield return name + ".dll";
        yield return "lib" + name + ".so";
        yield return name + ".so";
        yield return "lib" + name + ".dylib";
        yield return name + ".dylib";
    }

    /// <summary>The RID fallback chain of this process, most specific first (a subset of .NET's RID graph).</summary>
    internal static IReadOnlyList<string> CurrentRuntimeIdentifiers()
    {
        var arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return new[] { "win-" + arch, "win" };
        }

        if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
        {
            return new[] { "osx-" + arch, "osx", "unix" };
        }

        return IsMusl()
            ? new[] { "linux-musl-" + arch, "linux-musl", "linux-" + arch, "linux", "unix" }
            : new[] { "linux-" + arch, "linux", "unix" };
    }

    // Alpine and other musl distributions ship the musl dynamic loader instead of glibc's.
    private static bool IsMusl() =>
        Directory.Exists("/lib") && Directory.GetFiles("/lib", "ld-musl-*.so.1").Length > 0;
}

using System;
using System.Collections;
using System.Linq;
using System.Management.Automation.Language;

namespace CpanelBilling.Module.Tests.Layout;

/// <summary>A module manifest read as data, with PowerShell's own parser (nothing in it is executed).</summary>
public sealed class ModuleManifest
{
    private ModuleManifest(Hashtable data) => Data = data;

    public Hashtable Data { get; }

    public static ModuleManifest Load(string path)
    {
        var ast = Parser.ParseFile(path, out _, out var errors);
        if (errors.Length > 0)
        {
            throw new InvalidOperationException($"{path} does not parse: " + string.Join("; ", errors.Select(e => e.Message)));
        }

        var table = (HashtableAst)ast.Find(a => a is HashtableAst, searchNestedScriptBlocks: false)!;
        return new ModuleManifest((Hashtable)table.SafeGetValue());
    }

    public string? String(string key) => Data[key] as string;

    /// <summary>A list entry (PowerShell gives an array for @('a','b') and a string for a single 'a').</summary>
    public string[] List(string key) => Data[key] switch
    {
        null => Array.Empty<string>(),
        string single => new[] { single },
        object[] many => many.Cast<string>().ToArray(),
        var other => throw new InvalidOperationException($"{key} is a {other.GetType().Name}, not a list"),
    };

    public Hashtable PSData => (Hashtable)((Hashtable)Data["PrivateData"]!)["PSData"]!;
}

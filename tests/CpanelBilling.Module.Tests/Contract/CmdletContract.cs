using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Internal;
using System.Reflection;

namespace CpanelBilling.Module.Tests.Contract;

/// <summary>
/// The rules every CpanelBilling cmdlet keeps (dbatools-style contract). Each rule returns the violations it finds,
/// worded so the failing test says what to fix. The rules and their choices:
/// <list type="bullet">
/// <item>Verbs are PowerShell's approved verbs (SMA's Verbs* classes): users find commands by verb.</item>
/// <item>Nouns start with "Cp" and a capital letter, so our commands never collide with another module's.</item>
/// <item>Every verb not in <see cref="ReadOnlyVerbs"/> changes something and supports ShouldProcess (-WhatIf,
///   -Confirm). Export and Connect count as changes (a file written, a database created and migrated).</item>
/// <item>Removal verbs (<see cref="RemovalVerbs"/>) declare ConfirmImpact High: they prompt unless -Force/-Confirm:$false.</item>
/// <item>Every cmdlet declares [OutputType] with concrete types of the cmdlet assembly (never object, PSObject or
///   string); a cmdlet that returns nothing by default still declares what -PassThru returns.</item>
/// <item>Parameter and output types are PowerShell-facing: ours, .NET's or PowerShell's, never CpanelBilling.Core's
///   or a third-party library's (those load late, in their own load context).</item>
/// <item>No parameter or alias takes a common or ShouldProcess parameter's name; switches are SwitchParameter.</item>
/// <item>An action cmdlet's identity parameters (<see cref="IdentityParameters"/>) bind ValueFromPipelineByPropertyName,
///   and some Get-Cp* cmdlet outputs a type with a property of that name (or alias); -InputObject binds from the
///   pipeline and has a Get-Cp* cmdlet's output type. So <c>Get-CpAccount | Suspend-CpAccount</c> always works.</item>
/// </list>
/// </summary>
public static class CmdletContract
{
    public static readonly IReadOnlySet<string> ReadOnlyVerbs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Get", "Test", "Find", "Search", "Compare", "Measure", "Resolve", "Show", "Watch", "Format",
        "ConvertFrom", "ConvertTo", "Select", "Read", "Wait", "Trace", "Ping",
    };

    public static readonly IReadOnlySet<string> RemovalVerbs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Remove", "Uninstall", "Unregister", "Clear",
    };

    /// <summary>Verbs that create from new data rather than act on an existing, identified object.</summary>
    public static readonly IReadOnlySet<string> CreationVerbs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "New", "Add", "Connect", "Register", "Install", "Import", "Initialize",
    };

    /// <summary>Parameter names that identify an existing object (an account, a server, a package).</summary>
    public static readonly IReadOnlySet<string> IdentityParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Name", "UserName", "Server", "ServerName", "Id",
    };

    public static IReadOnlySet<string> ApprovedVerbs { get; } = new[]
        {
            typeof(VerbsCommon), typeof(VerbsCommunications), typeof(VerbsData), typeof(VerbsDiagnostic),
            typeof(VerbsLifecycle), typeof(VerbsOther), typeof(VerbsSecurity),
        }
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names (and aliases) PowerShell adds to every cmdlet or to ShouldProcess cmdlets, plus 5.1's -UseTransaction.</summary>
    public static IReadOnlySet<string> ReservedNames { get; } = new[] { typeof(CommonParameters), typeof(ShouldProcessParameters) }
        .SelectMany(t => t.GetProperties())
        .SelectMany(p => p.GetCustomAttributes<AliasAttribute>().SelectMany(a => a.AliasNames).Append(p.Name))
        .Append("UseTransaction").Append("usetx")
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<string> Violations(CmdletShape cmdlet, IReadOnlyList<CmdletShape> all) =>
        Verb(cmdlet).Concat(NounPrefix(cmdlet)).Concat(ShouldProcess(cmdlet)).Concat(RemovalImpact(cmdlet))
            .Concat(OutputType(cmdlet)).Concat(PowerShellFacingTypes(cmdlet)).Concat(ReservedParameterNames(cmdlet))
            .Concat(Switches(cmdlet)).Concat(IdentityBinding(cmdlet, all));

    public static IEnumerable<string> Verb(CmdletShape c)
    {
        if (!ApprovedVerbs.Contains(c.Verb))
        {
            yield return $"{c.Name}: '{c.Verb}' is not an approved verb (Get-Verb lists them).";
        }
    }

    public static IEnumerable<string> NounPrefix(CmdletShape c)
    {
        if (c.Noun.Length < 3 || !c.Noun.StartsWith("Cp", StringComparison.Ordinal) || !char.IsUpper(c.Noun[2]))
        {
            yield return $"{c.Name}: the noun must start with the 'Cp' prefix and a capital letter (e.g. CpAccount).";
        }
    }

    public static IEnumerable<string> ShouldProcess(CmdletShape c)
    {
        if (!ReadOnlyVerbs.Contains(c.Verb) && !c.Attribute.SupportsShouldProcess)
        {
            yield return $"{c.Name}: '{c.Verb}' changes state, so the cmdlet must declare SupportsShouldProcess = true.";
        }
    }

    public static IEnumerable<string> RemovalImpact(CmdletShape c)
    {
        if (RemovalVerbs.Contains(c.Verb) && c.Attribute.ConfirmImpact != ConfirmImpact.High)
        {
            yield return $"{c.Name}: a removal must declare ConfirmImpact = ConfirmImpact.High.";
        }
    }

    public static IEnumerable<string> OutputType(CmdletShape c)
    {
        if (c.OutputTypes.Count == 0)
        {
            yield return $"{c.Name}: declare [OutputType(typeof(...))] (for a cmdlet that outputs only with -PassThru, the -PassThru type).";
        }

        foreach (var type in c.OutputTypes.Where(t => t == typeof(object) || t == typeof(PSObject) || t == typeof(string) || t == typeof(void)))
        {
            yield return $"{c.Name}: [OutputType({type.Name})] is not a concrete output type; declare the type the cmdlet writes.";
        }
    }

    public static IEnumerable<string> PowerShellFacingTypes(CmdletShape c)
    {
        foreach (var type in c.OutputTypes.Where(t => !IsPowerShellFacing(t, c.Type.Assembly)))
        {
            yield return $"{c.Name}: output type {type.FullName} comes from {type.Assembly.GetName().Name}; wrap it in a type of the cmdlet assembly.";
        }

        foreach (var p in c.Parameters.Where(p => !IsPowerShellFacing(p.ElementType, c.Type.Assembly)))
        {
            yield return $"{c.Name}: -{p.Name} has type {p.ElementType.FullName} from {p.ElementType.Assembly.GetName().Name}; use a type of the cmdlet assembly, .NET or PowerShell.";
        }

        // PowerShell loads every exported type before the module initializer installs our resolver; laying out a
        // class with a value-type field (an enum, a struct) loads that type's assembly there and then, too early.
        var fields = c.Type.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
        foreach (var f in fields.Where(f => f.FieldType.IsValueType && !IsPowerShellFacing(Nullable.GetUnderlyingType(f.FieldType) ?? f.FieldType, c.Type.Assembly)))
        {
            yield return $"{c.Name}: field {f.Name} holds {f.FieldType.FullName} from {f.FieldType.Assembly.GetName().Name}; a cmdlet class must not hold a dependency's value type (it would load before the resolver).";
        }
    }

    public static IEnumerable<string> ReservedParameterNames(CmdletShape c)
    {
        foreach (var p in c.Parameters)
        {
            foreach (var name in p.Aliases.Prepend(p.Name).Where(ReservedNames.Contains))
            {
                yield return $"{c.Name}: -{p.Name} uses the reserved name '{name}' (a common or ShouldProcess parameter).";
            }
        }
    }

    public static IEnumerable<string> Switches(CmdletShape c)
    {
        foreach (var p in c.Parameters.Where(p => p.ElementType == typeof(bool)))
        {
            yield return $"{c.Name}: -{p.Name} is a bool; make it a SwitchParameter.";
        }
    }

    public static IEnumerable<string> IdentityBinding(CmdletShape c, IReadOnlyList<CmdletShape> all)
    {
        if (ReadOnlyVerbs.Contains(c.Verb) || CreationVerbs.Contains(c.Verb))
        {
            yield break;
        }

        var getOutputs = all.Where(g => g.Verb == VerbsCommon.Get).SelectMany(g => g.OutputTypes).Distinct().ToList();
        foreach (var p in c.Parameters.Where(p => IdentityParameters.Contains(p.Name)))
        {
            if (!p.ByPropertyNameEverywhere)
            {
                yield return $"{c.Name}: identity parameter -{p.Name} must set ValueFromPipelineByPropertyName in every parameter set.";
            }

            var names = p.Aliases.Prepend(p.Name).ToList();
            var source = getOutputs.FirstOrDefault(t => names.Any(n => t.GetProperty(n, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is not null));
            if (source is null)
            {
                yield return $"{c.Name}: no Get-Cp* cmdlet outputs a type with a property named {string.Join(" or ", names)}, so -{p.Name} cannot bind from the pipeline.";
            }
        }

        var inputObject = c.Parameters.FirstOrDefault(p => p.Name == "InputObject");
        if (inputObject is not null && (!inputObject.FromPipeline || !getOutputs.Contains(inputObject.ElementType)))
        {
            yield return $"{c.Name}: -InputObject must be ValueFromPipeline and have the output type of a Get-Cp* cmdlet.";
        }
    }

    private static bool IsPowerShellFacing(Type type, Assembly cmdletAssembly)
    {
        var assembly = type.Assembly;
        if (assembly == cmdletAssembly)
        {
            return true;
        }

        var name = assembly.GetName().Name ?? string.Empty;
        return name is "System.Private.CoreLib" or "mscorlib" or "netstandard" or "System.Management.Automation"
            || name.StartsWith("System.", StringComparison.Ordinal);
    }
}

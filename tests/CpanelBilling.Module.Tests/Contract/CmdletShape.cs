using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace CpanelBilling.Module.Tests.Contract;

/// <summary>One cmdlet's public shape, read from its attributes by reflection (as PowerShell reads them).</summary>
public sealed class CmdletShape
{
    private CmdletShape(Type type, CmdletAttribute attribute)
    {
        Type = type;
        Attribute = attribute;
        OutputTypes = type.GetCustomAttributes<OutputTypeAttribute>()
            .SelectMany(o => o.Type)
            .Select(t => t.Type ?? typeof(object))
            .ToList();
        Parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttributes<ParameterAttribute>().Any())
            .Select(p => new ParameterShape(p))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    public Type Type { get; }

    public CmdletAttribute Attribute { get; }

    public string Verb => Attribute.VerbName;

    public string Noun => Attribute.NounName;

    public string Name => $"{Verb}-{Noun}";

    public IReadOnlyList<Type> OutputTypes { get; }

    public IReadOnlyList<ParameterShape> Parameters { get; }

    public static CmdletShape Of(Type type) =>
        new(type, type.GetCustomAttribute<CmdletAttribute>() ?? throw new ArgumentException($"{type} has no [Cmdlet] attribute"));

    /// <summary>Every cmdlet class PowerShell would export from <paramref name="assembly"/>.</summary>
    public static IReadOnlyList<CmdletShape> AllIn(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(Cmdlet).IsAssignableFrom(t) && t.GetCustomAttribute<CmdletAttribute>() is not null)
            .Select(Of)
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
}

/// <summary>One parameter: its type, aliases and per-set [Parameter] attributes.</summary>
public sealed class ParameterShape
{
    public ParameterShape(PropertyInfo property)
    {
        Property = property;
        Sets = property.GetCustomAttributes<ParameterAttribute>().ToList();
        Aliases = property.GetCustomAttributes<AliasAttribute>().SelectMany(a => a.AliasNames).ToList();
    }

    public PropertyInfo Property { get; }

    public string Name => Property.Name;

    public Type Type => Property.PropertyType;

    /// <summary>The type of one value: T for T[], T for Nullable&lt;T&gt;.</summary>
    public Type ElementType => Type.IsArray ? Type.GetElementType()! : Nullable.GetUnderlyingType(Type) ?? Type;

    public IReadOnlyList<ParameterAttribute> Sets { get; }

    public IReadOnlyList<string> Aliases { get; }

    public bool ByPropertyNameEverywhere => Sets.All(s => s.ValueFromPipelineByPropertyName);

    public bool FromPipeline => Sets.Any(s => s.ValueFromPipeline);
}

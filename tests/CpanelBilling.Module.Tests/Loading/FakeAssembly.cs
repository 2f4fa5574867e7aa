using System;
using System.Reflection;
using System.Reflection.Emit;

namespace CpanelBilling.Module.Tests.Loading;

/// <summary>
/// Writes a stand-in for another module's copy of a library: same assembly name and main type, another version.
/// On .NET, load contexts bind by simple name and version, so this conflicts with our Microsoft.Data.SqlClient
/// exactly as SqlServer's or dbatools' copy would (our package source has no second SqlClient version to use).
/// </summary>
internal static class FakeAssembly
{
    public static void Write(string path, string assemblyName, Version version, string typeName)
    {
        var builder = new PersistedAssemblyBuilder(new AssemblyName(assemblyName) { Version = version }, typeof(object).Assembly);
        var module = builder.DefineDynamicModule(assemblyName);
        var type = module.DefineType(typeName, TypeAttributes.Public | TypeAttributes.Class | TypeAttributes.Sealed);
        type.DefineDefaultConstructor(MethodAttributes.Public);
        type.CreateType();
        builder.Save(path);
    }
}

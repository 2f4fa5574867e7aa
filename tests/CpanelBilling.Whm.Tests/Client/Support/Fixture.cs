using System.IO;
using System.Reflection;

namespace CpanelBilling.Whm.Tests.Client.Support;

/// <summary>Reads a reply fixture embedded from Client/Fixtures.</summary>
internal static class Fixture
{
    public static string Read(string name)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Fixtures." + name + ".json")
            ?? throw new FileNotFoundException("No embedded fixture " + name + ".json");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

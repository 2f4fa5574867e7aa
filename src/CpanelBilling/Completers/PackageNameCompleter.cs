using System.Collections;
using System.Collections.Generic;
using System.Linq;
using CpanelBilling.Session;

namespace CpanelBilling.Completers;

/// <summary>Tab completion of package names from billing, of the server given with -Server when there is one.</summary>
public sealed class PackageNameCompleter : NameCompleter
{
    protected override IEnumerable<string> GetNames(string commandName, string parameterName, IDictionary fakeBoundParameters)
    {
        if (SessionRegistry.Current is not { } session)
        {
            return Enumerable.Empty<string>();
        }

        string? server = fakeBoundParameters["Server"] switch
        {
            string one => one,
            string[] { Length: 1 } many => many[0],
            _ => null,
        };
        return session.Billing.ListServersAsync(includeDisabled: true).GetAwaiter().GetResult()
            .Where(s => server is null || string.Equals(s.Name, server, System.StringComparison.OrdinalIgnoreCase))
            .SelectMany(s => session.Billing.ListServerPackagesAsync(s.Id).GetAwaiter().GetResult())
            .Select(p => p.Name);
    }
}

using System.Collections;
using System.Collections.Generic;
using System.Linq;
using CpanelBilling.Session;

namespace CpanelBilling.Completers;

/// <summary>Tab completion of server names from billing (the session's database; nothing when not connected).</summary>
public sealed class ServerNameCompleter : NameCompleter
{
    protected override IEnumerable<string> GetNames(string commandName, string parameterName, IDictionary fakeBoundParameters) =>
        SessionRegistry.Current is { } session
            ? session.Billing.ListServersAsync(includeDisabled: true).GetAwaiter().GetResult().Select(s => s.Name)
            : Enumerable.Empty<string>();
}

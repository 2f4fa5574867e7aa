using System.Collections;
using System.Collections.Generic;
using System.Linq;
using CpanelBilling.Session;

namespace CpanelBilling.Completers;

/// <summary>Tab completion of plan names from billing.</summary>
public sealed class PlanNameCompleter : NameCompleter
{
    protected override IEnumerable<string> GetNames(string commandName, string parameterName, IDictionary fakeBoundParameters) =>
        SessionRegistry.Current is { } session
            ? session.Billing.ListPlansAsync().GetAwaiter().GetResult().Select(p => p.Name)
            : Enumerable.Empty<string>();
}

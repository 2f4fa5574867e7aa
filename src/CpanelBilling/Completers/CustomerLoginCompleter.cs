using System.Collections;
using System.Collections.Generic;
using System.Linq;
using CpanelBilling.Session;

namespace CpanelBilling.Completers;

/// <summary>Tab completion of customer logins from billing.</summary>
public sealed class CustomerLoginCompleter : NameCompleter
{
    protected override IEnumerable<string> GetNames(string commandName, string parameterName, IDictionary fakeBoundParameters) =>
        SessionRegistry.Current is { } session
            ? session.Billing.ListCustomersAsync().GetAwaiter().GetResult().Select(c => c.Login)
            : Enumerable.Empty<string>();
}

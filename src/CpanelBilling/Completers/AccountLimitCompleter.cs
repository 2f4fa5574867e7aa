using System.Collections;
using System.Collections.Generic;

namespace CpanelBilling.Completers;

/// <summary>Tab completion of the words an account's own limit takes besides a number.</summary>
public sealed class AccountLimitCompleter : NameCompleter
{
    protected override IEnumerable<string> GetNames(string commandName, string parameterName, IDictionary fakeBoundParameters) =>
        new[] { "unlimited", "package" };
}

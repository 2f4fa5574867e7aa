using System.Collections;
using System.Collections.Generic;

namespace CpanelBilling.Completers;

/// <summary>Tab completion of the word a package limit takes besides a number.</summary>
public sealed class PackageLimitCompleter : NameCompleter
{
    protected override IEnumerable<string> GetNames(string commandName, string parameterName, IDictionary fakeBoundParameters) =>
        new[] { "unlimited" };
}

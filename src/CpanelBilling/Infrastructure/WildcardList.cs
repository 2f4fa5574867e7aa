using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace CpanelBilling.Infrastructure;

/// <summary>Names as PowerShell users give them: any of several patterns, wildcards allowed, case-insensitive; none given matches all.</summary>
internal sealed class WildcardList
{
    private readonly IReadOnlyList<WildcardPattern> patterns;

    private WildcardList(IReadOnlyList<WildcardPattern> patterns) => this.patterns = patterns;

    public static WildcardList Of(IEnumerable<string>? patterns) =>
        new((patterns ?? Enumerable.Empty<string>()).Select(p => new WildcardPattern(p, WildcardOptions.IgnoreCase)).ToList());

    public bool IsMatch(string name) => patterns.Count == 0 || patterns.Any(p => p.IsMatch(name));
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CpanelBilling.WhmSimulator.Api;

namespace CpanelBilling.WhmSimulator.Functions;

/// <summary>
/// <c>listaccts</c>: <c>search</c>, <c>searchtype</c> (domain, owner, user, ip, package, domain_and_user),
/// <c>searchmethod</c> (regex, the default, or exact) and <c>want</c>. Real-server quirks: zero matches give result 1
/// with no <c>data</c> key; an exact user search for a missing user gives result 0 <c>No accounts found.</c>;
/// <c>want</c> keeps only the named fields (unknown names come back as null).
/// </summary>
internal sealed class ListAccountsFunction : WhmFunction
{
    private static readonly string[] SearchTypes = { "domain", "ip", "user", "package", "owner", "domain_and_user" };

    public override string Name => "listaccts";

    public override FunctionOutcome Invoke(FunctionContext context)
    {
        var args = context.Arguments;
        var searchType = args.Get("searchtype");
        if (searchType is not null && !SearchTypes.Contains(searchType))
        {
            return FunctionOutcome.Fail("Unknown search type.");
        }

        var matches = Search(context.State, searchType, args.Get("search"), args.Get("searchmethod"));
        if (matches is null)
        {
            return FunctionOutcome.Fail("No accounts found.");
        }

        if (matches.Count == 0)
        {
            return FunctionOutcome.Ok();
        }

        var want = args.Get("want")?.Split(',');
        var items = new JsonArray();
        foreach (var account in matches)
        {
            var element = AccountView.Build(account, context.State);
            element["has_backup"] = 0;
            items.Add(want is null ? element : Select(element, want, keepIdentity: context.ApiVersion == 0));
        }

        return FunctionOutcome.Ok(new JsonObject { ["acct"] = items });
    }

    // API 0: {"acct":[…],"status":1,"statusmsg":"Ok"}
    public override JsonObject RenderApi0(FunctionOutcome outcome, FunctionContext context) => new()
    {
        ["acct"] = outcome.Data?["acct"]?.DeepClone() ?? new JsonArray(),
        ["status"] = outcome.Success ? 1 : 0,
        ["statusmsg"] = outcome.Success ? "Ok" : outcome.Reason,
    };

    /// <summary>
    /// The accounts a search selects, or null for an exact user search that names no account (List.pm's
    /// single-user path returns nothing at all then).
    /// </summary>
    internal static List<SimulatedAccount>? Search(SimulatorState state, string? searchType, string? search, string? searchMethod)
    {
        var accounts = state.Accounts;
        if (string.IsNullOrEmpty(search))
        {
            return accounts.ToList();
        }

        var exact = searchMethod == "exact";
        if (exact && searchType == "user")
        {
            return state.FindAccount(search) is { } single ? new List<SimulatedAccount> { single } : null;
        }

        Func<string, bool> matches = exact
            ? value => string.Equals(value, search, StringComparison.OrdinalIgnoreCase)
            : RegexMatcher(search);

        return accounts.Where(a => Fields(a, searchType ?? "domain").Any(matches)).ToList();
    }

    private static IEnumerable<string> Fields(SimulatedAccount account, string searchType) => searchType switch
    {
        "user" => new[] { account.User },
        "owner" => new[] { account.Owner },
        "ip" => new[] { account.Ip },
        "package" => new[] { account.Plan },
        "domain_and_user" => new[] { account.Domain, account.User },
        _ => new[] { account.Domain },
    };

    // Perl PCRE, case-insensitive; an invalid pattern matches everything, as List.pm's eval-guarded match does.
    private static Func<string, bool> RegexMatcher(string pattern)
    {
        try
        {
            var regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return value => regex.IsMatch(value);
        }
        catch (ArgumentException)
        {
            return _ => true;
        }
    }

    // listaccts rebuilds each element from the wanted names only; API 0 always keeps user and domain.
    private static JsonObject Select(JsonObject element, IEnumerable<string> want, bool keepIdentity)
    {
        var selected = new JsonObject();
        if (keepIdentity)
        {
            selected["user"] = element["user"]!.DeepClone();
            selected["domain"] = element["domain"]!.DeepClone();
        }

        foreach (var name in want)
        {
            selected[name] = element[name]?.DeepClone();
        }

        return selected;
    }
}

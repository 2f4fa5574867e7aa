using System;
using System.Collections.Generic;

namespace CpanelBilling.Core.Whm;

/// <summary>The search of listaccts. An empty query lists every account the caller may see.</summary>
public sealed class AccountQuery
{
    /// <summary>The text to look for; a case-insensitive regular expression unless <see cref="SearchMethod"/> is Exact.</summary>
    public string? Search { get; set; }

    public AccountSearchType? SearchType { get; set; }

    public AccountSearchMethod? SearchMethod { get; set; }

    /// <summary>want: return only these fields of each account (e.g. user, domain, suspended).</summary>
    public IList<string> Fields { get; } = new List<string>();

    /// <summary>The one account with exactly this user name.</summary>
    public static AccountQuery ForUser(string user) => new()
    {
        Search = string.IsNullOrWhiteSpace(user) ? throw new ArgumentException("The user name must not be empty.", nameof(user)) : user,
        SearchType = AccountSearchType.User,
        SearchMethod = AccountSearchMethod.Exact,
    };

    internal WhmParameters ToParameters() => new WhmParameters()
        .Add("search", Search)
        .Add("searchtype", SearchType.ToWire())
        .Add("searchmethod", SearchMethod.ToWire())
        .Add("want", Fields.Count == 0 ? null : string.Join(",", Fields));
}

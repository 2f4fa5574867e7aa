using System.Collections.Generic;
using System.Linq;

namespace CpanelBilling.Core.Billing.Sql;

/// <summary>Which accounts a listing takes by status.</summary>
internal enum AccountStatusFilter
{
    /// <summary>Every status but Deleted.</summary>
    Live,

    /// <summary>Every status.</summary>
    Any,

    /// <summary>The one status in <c>@status</c>.</summary>
    One,
}

/// <summary>
/// Which filters an account listing sets, never their values: the statement text depends only on this, so each
/// shape is one cached plan that uses the indexes its filters allow (no catch-all <c>@x IS NULL OR …</c>), and
/// <see cref="All"/> lets the tests check every statement the repository can build.
/// </summary>
internal sealed class AccountListShape
{
    public AccountListShape(
        bool server, bool customer, bool plan, AccountStatusFilter status,
        int exactUserNames = 0, int userNamePatterns = 0, int exactDomains = 0, int domainPatterns = 0)
    {
        Server = server;
        Customer = customer;
        Plan = plan;
        Status = status;
        ExactUserNames = exactUserNames;
        UserNamePatterns = userNamePatterns;
        ExactDomains = exactDomains;
        DomainPatterns = domainPatterns;
    }

    public bool Server { get; }

    public bool Customer { get; }

    public bool Plan { get; }

    public AccountStatusFilter Status { get; }

    public int ExactUserNames { get; }

    public int UserNamePatterns { get; }

    public int ExactDomains { get; }

    public int DomainPatterns { get; }

    /// <summary>
    /// Every combination of the fixed filters and status, with each name filter absent, one exact name, one
    /// pattern, or two of each: every clause the builder writes, alone and together.
    /// </summary>
    public static IEnumerable<AccountListShape> All()
    {
        var nameForms = new[] { (0, 0), (1, 0), (0, 1), (2, 2) };
        foreach (bool server in new[] { false, true })
        foreach (bool customer in new[] { false, true })
        foreach (bool plan in new[] { false, true })
        foreach (AccountStatusFilter status in new[] { AccountStatusFilter.Live, AccountStatusFilter.Any, AccountStatusFilter.One })
        foreach ((int exact, int like) users in nameForms)
        foreach ((int exact, int like) domains in nameForms)
        {
            yield return new AccountListShape(server, customer, plan, status, users.exact, users.like, domains.exact, domains.like);
        }
    }

    public override string ToString()
    {
        var parts = new List<string>();
        parts.AddRange(new[] { (Server, "server"), (Customer, "customer"), (Plan, "plan") }.Where(p => p.Item1).Select(p => p.Item2));
        parts.Add(Status.ToString().ToLowerInvariant());
        parts.Add($"users={ExactUserNames}+{UserNamePatterns}");
        parts.Add($"domains={ExactDomains}+{DomainPatterns}");
        return "[" + string.Join(",", parts) + "]";
    }
}

using System.Collections.Generic;
using System.Linq;

namespace CpanelBilling.Core.Billing.Sql;

/// <summary>
/// Which filters a journal listing sets, never their values (see <see cref="AccountListShape"/>): the statement
/// text depends only on this, and <see cref="All"/> lists every statement the repository can build.
/// </summary>
internal sealed class JournalListShape
{
    public JournalListShape(bool server, bool account, bool status, bool userName, bool limit, bool newestFirst)
    {
        Server = server;
        Account = account;
        Status = status;
        UserName = userName;
        Limit = limit;
        NewestFirst = newestFirst;
    }

    public bool Server { get; }

    public bool Account { get; }

    public bool Status { get; }

    public bool UserName { get; }

    public bool Limit { get; }

    public bool NewestFirst { get; }

    public static IEnumerable<JournalListShape> All()
    {
        var flags = new[] { false, true };
        foreach (bool server in flags)
        foreach (bool account in flags)
        foreach (bool status in flags)
        foreach (bool userName in flags)
        foreach (bool limit in flags)
        foreach (bool newestFirst in flags)
        {
            yield return new JournalListShape(server, account, status, userName, limit, newestFirst);
        }
    }

    public override string ToString() =>
        "[" + string.Join(",", new[]
        {
            (Server, "server"), (Account, "account"), (Status, "status"), (UserName, "user"), (Limit, "limit"), (NewestFirst, "newest-first"),
        }.Where(p => p.Item1).Select(p => p.Item2)) + "]";
}

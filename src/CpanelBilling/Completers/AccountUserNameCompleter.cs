using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Session;

namespace CpanelBilling.Completers;

/// <summary>Tab completion of live account user names from billing, narrowed to -Server when it is given.</summary>
public sealed class AccountUserNameCompleter : NameCompleter
{
    protected override IEnumerable<string> GetNames(string commandName, string parameterName, IDictionary fakeBoundParameters)
    {
        if (SessionRegistry.Current is not { } session)
        {
            return Enumerable.Empty<string>();
        }

        var query = new AccountQuery();
        if (fakeBoundParameters["Server"] is string serverName
            && session.Billing.FindServerAsync(serverName).GetAwaiter().GetResult() is { } server)
        {
            query.ServerId = server.Id;
        }

        return ReadAll(session.Billing.ListAccountsAsync(query)).GetAwaiter().GetResult();
    }

    private static async Task<List<string>> ReadAll(IAsyncEnumerable<Account> accounts)
    {
        var names = new List<string>();
        await foreach (Account account in accounts.ConfigureAwait(false))
        {
            names.Add(account.UserName);
        }

        return names;
    }
}

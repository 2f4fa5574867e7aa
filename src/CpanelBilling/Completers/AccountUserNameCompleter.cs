using System.Collections;
using System.Collections.Generic;
using System.Linq;
using CpanelBilling.Session;

namespace CpanelBilling.Completers;

/// <summary>
/// Tab completion of live account user names from billing, narrowed to -Server when it is given. The database
/// filters by what was typed and returns at most <see cref="MaxCandidates"/>, so Tab answers at once on any number
/// of accounts.
/// </summary>
public sealed class AccountUserNameCompleter : NameCompleter
{
    /// <summary>More than this is no list anyone reads; typing another letter narrows it.</summary>
    internal const int MaxCandidates = 100;

    protected override IEnumerable<string> GetNames(string commandName, string parameterName, IDictionary fakeBoundParameters) =>
        GetNames(commandName, parameterName, string.Empty, fakeBoundParameters);

    protected override IEnumerable<string> GetNames(string commandName, string parameterName, string typed, IDictionary fakeBoundParameters)
    {
        if (SessionRegistry.Current is not { } session)
        {
            return Enumerable.Empty<string>();
        }

        long? serverId = null;
        if (fakeBoundParameters["Server"] is string serverName)
        {
            if (session.Billing.FindServerAsync(serverName).GetAwaiter().GetResult() is not { } server)
            {
                return Enumerable.Empty<string>();
            }

            serverId = server.Id;
        }

        return session.Billing.ListAccountUserNamesAsync(serverId, typed, MaxCandidates).GetAwaiter().GetResult();
    }
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace CpanelBilling.Core.Operations.Reconcile;

/// <summary>
/// Which servers and accounts Compare and Repair look at: every enabled server, whole servers, or single accounts
/// (by server and cPanel user name). Each server is read once however many of its accounts are named.
/// </summary>
public sealed class ReconcileScope
{
    // Server name → the user names asked for on it; null means the whole server.
    private readonly Dictionary<string, HashSet<string>?> servers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every enabled server in billing, every account.</summary>
    public static ReconcileScope AllServers() => new();

    /// <summary>True when no server was named: every enabled server is meant.</summary>
    public bool IsAllServers => servers.Count == 0;

    /// <summary>The servers named, in the order first named.</summary>
    public IReadOnlyCollection<string> ServerNames => servers.Keys.ToList();

    /// <summary>Adds a whole server (every account on it, its journal and the accounts billing does not know).</summary>
    public ReconcileScope AddServer(string serverName)
    {
        servers[RequireName(serverName, nameof(serverName))] = null;
        return this;
    }

    /// <summary>Adds one account; a server added whole stays whole.</summary>
    public ReconcileScope AddAccount(string serverName, string userName)
    {
        string server = RequireName(serverName, nameof(serverName));
        string user = RequireName(userName, nameof(userName)).ToLowerInvariant();
        if (!servers.TryGetValue(server, out HashSet<string>? users))
        {
            servers[server] = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { user };
        }
        else
        {
            users?.Add(user);
        }

        return this;
    }

    /// <summary>The user names asked for on the server; null when the whole server is meant.</summary>
    internal IReadOnlyCollection<string>? UsersOn(string serverName) =>
        servers.TryGetValue(serverName, out HashSet<string>? users) ? users : null;

    // A blank name comes from a cmdlet parameter or a piped object: bad input, not a programming error.
    private static string RequireName(string value, string parameter) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new OperationArgumentException(
                OperationErrorIds.InvalidReconcileScope,
                parameter == "userName" ? "The user name is empty; give the account's cPanel user name." : "The server name is empty; give the server's name in billing.",
                null,
                parameter == "userName" ? "UserName" : "Server")
            : value.Trim();
}

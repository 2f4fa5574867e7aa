using System;
using System.Collections.Concurrent;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Servers;

/// <summary>
/// Credentials held in memory for the life of a session, by server name (case-insensitive). A runbook passes its
/// credential asset once; a vault lookup is cached here so concurrent workers never call back into the host.
/// Optionally falls back to another source (a vault) and remembers what it found.
/// </summary>
public sealed class SessionCredentialStore : IServerCredentialSource
{
    private readonly ConcurrentDictionary<string, WhmCredential> credentials = new(StringComparer.OrdinalIgnoreCase);
    private readonly IServerCredentialSource? fallback;

    public SessionCredentialStore(IServerCredentialSource? fallback = null)
    {
        this.fallback = fallback;
    }

    public void Set(string serverName, WhmCredential credential)
    {
        if (string.IsNullOrWhiteSpace(serverName))
        {
            throw new ArgumentException("The server name must not be empty.", nameof(serverName));
        }

        credentials[serverName] = credential ?? throw new ArgumentNullException(nameof(credential));
    }

    public bool Remove(string serverName) => credentials.TryRemove(serverName, out _);

    public bool Contains(string serverName) => credentials.ContainsKey(serverName);

    /// <summary>The servers whose credential is held, sorted.</summary>
    public string[] ServerNames
    {
        get
        {
            string[] names = System.Linq.Enumerable.ToArray(credentials.Keys);
            System.Array.Sort(names, StringComparer.OrdinalIgnoreCase);
            return names;
        }
    }

    public WhmCredential? Find(BillingServer server)
    {
        if (credentials.TryGetValue(server.Name, out WhmCredential? known))
        {
            return known;
        }

        WhmCredential? found = fallback?.Find(server);
        if (found is not null)
        {
            credentials[server.Name] = found;
        }

        return found;
    }
}

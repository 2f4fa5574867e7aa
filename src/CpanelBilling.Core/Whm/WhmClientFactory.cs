using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// Creates <see cref="WhmClient"/>s and owns their connections: one long-lived, pooled HTTP handler per endpoint
/// (host, port and certificate pin), shared by every client of that endpoint whatever its credential. Keep one
/// factory for the life of the process (or module) and dispose it at the end.
/// </summary>
/// <remarks>
/// The factory also remembers, per <see cref="WhmCredential"/> object and host and port, whether the server refused
/// that credential: cPHulk locks a user and an address out after a few refused logins, so once a server refuses a
/// credential (HTTP 401/403 or a lockout), no client of this factory sends it to that server again; each later call
/// fails at once with a <see cref="WhmAuthenticationException"/> whose <see cref="WhmAuthenticationException.RefusedEarlier"/>
/// is true. Until a server has answered a credential at all, its calls go one at a time, so a wrong token costs one
/// refused login, not one per call in flight. Another credential object, even with the same token, starts afresh:
/// giving a credential again is how a caller says "try it again" (after the token was fixed on the server or a
/// lockout expired).
/// </remarks>
public sealed class WhmClientFactory : IDisposable
{
    private readonly ConcurrentDictionary<WhmEndpoint, Lazy<WhmConnection>> connections = new();

    // Keyed by the credential object (weakly: a credential nobody holds any more takes its gates with it), then by
    // host and port; the certificate pin has nothing to do with whether a token is accepted.
    private readonly ConditionalWeakTable<WhmCredential, ConcurrentDictionary<(string Host, int Port), LoginGate>> logins = new();
    private readonly Func<WhmEndpoint, WhmConnection> connect;
    private readonly WhmClientOptions defaultOptions;
    private volatile bool disposed;

    /// <param name="defaultOptions">Options for clients created without their own.</param>
    public WhmClientFactory(WhmClientOptions? defaultOptions = null)
        : this(defaultOptions, WhmConnection.Create)
    {
    }

    /// <summary>For tests: <paramref name="connect"/> builds the connection of an endpoint.</summary>
    internal WhmClientFactory(WhmClientOptions? defaultOptions, Func<WhmEndpoint, WhmConnection> connect)
    {
        this.defaultOptions = (defaultOptions ?? new WhmClientOptions()).Snapshot();
        this.connect = connect;
    }

    /// <summary>The number of distinct endpoints with a live connection handler.</summary>
    public int ConnectionCount => connections.Count;

    public WhmClient CreateClient(WhmEndpoint endpoint, WhmCredential credential, WhmClientOptions? options = null) =>
        CreateClient(endpoint, credential, options, pinCommand: null);

    /// <param name="pinCommand">
    /// How the user pins a certificate for this endpoint, without the thumbprint (e.g. <c>Set-CpServer -Name 'web01'
    /// -CertificateThumbprint</c>): a refused certificate's error then ends with the command to run.
    /// </param>
    internal WhmClient CreateClient(WhmEndpoint endpoint, WhmCredential credential, WhmClientOptions? options, string? pinCommand)
    {
        if (endpoint is null)
        {
            throw new ArgumentNullException(nameof(endpoint));
        }

        if (credential is null)
        {
            throw new ArgumentNullException(nameof(credential));
        }

        if (disposed)
        {
            throw new ObjectDisposedException(nameof(WhmClientFactory));
        }

        WhmConnection connection = connections.GetOrAdd(endpoint, e => new Lazy<WhmConnection>(() => connect(e))).Value;
        LoginGate login = logins.GetValue(credential, _ => new ConcurrentDictionary<(string, int), LoginGate>())
            .GetOrAdd((endpoint.Host, endpoint.Port), _ => new LoginGate());
        return new WhmClient(connection, credential, login, options?.Snapshot() ?? defaultOptions, pinCommand);
    }

    /// <summary>
    /// True when the server at <paramref name="endpoint"/> refused <paramref name="credential"/> (this very object),
    /// so calls with it are no longer sent there.
    /// </summary>
    public bool HasRefused(WhmEndpoint endpoint, WhmCredential credential)
    {
        if (endpoint is null)
        {
            throw new ArgumentNullException(nameof(endpoint));
        }

        if (credential is null)
        {
            throw new ArgumentNullException(nameof(credential));
        }

        return logins.TryGetValue(credential, out ConcurrentDictionary<(string Host, int Port), LoginGate>? gates)
            && gates.TryGetValue((endpoint.Host, endpoint.Port), out LoginGate? login)
            && login.IsRefused;
    }

    /// <summary>Closes every connection. Clients created by this factory cannot be used afterwards.</summary>
    public void Dispose()
    {
        disposed = true;
        foreach (Lazy<WhmConnection> connection in connections.Values)
        {
            if (connection.IsValueCreated)
            {
                connection.Value.Dispose();
            }
        }

        connections.Clear();
    }
}

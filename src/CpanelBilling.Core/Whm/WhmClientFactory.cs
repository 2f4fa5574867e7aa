using System;
using System.Collections.Concurrent;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// Creates <see cref="WhmClient"/>s and owns their connections: one long-lived, pooled HTTP handler per endpoint
/// (host, port and certificate pin), shared by every client of that endpoint whatever its credential. Keep one
/// factory for the life of the process (or module) and dispose it at the end.
/// </summary>
public sealed class WhmClientFactory : IDisposable
{
    private readonly ConcurrentDictionary<WhmEndpoint, Lazy<WhmConnection>> connections = new();
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
        return new WhmClient(connection, credential, options?.Snapshot() ?? defaultOptions, pinCommand);
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

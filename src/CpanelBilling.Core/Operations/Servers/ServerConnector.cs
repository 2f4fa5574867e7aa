using System;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Servers;

/// <summary>Turns a server as billing knows it into a WHM client.</summary>
public interface IServerConnector
{
    /// <summary>
    /// A client for the server. Throws <see cref="ServerDisabledException"/> for a disabled server and
    /// <see cref="ServerCredentialMissingException"/> when no token is available.
    /// </summary>
    IWhmClient Connect(BillingServer server);
}

/// <summary>
/// Connects to servers through one <see cref="WhmClientFactory"/>, so every server keeps one pooled connection for
/// the life of the session whatever the number of operations.
/// </summary>
public sealed class ServerConnector : IServerConnector
{
    private readonly WhmClientFactory factory;
    private readonly IServerCredentialSource credentials;
    private readonly WhmClientOptions? options;

    public ServerConnector(WhmClientFactory factory, IServerCredentialSource credentials, WhmClientOptions? options = null)
    {
        this.factory = factory ?? throw new ArgumentNullException(nameof(factory));
        this.credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        this.options = options;
    }

    public IWhmClient Connect(BillingServer server)
    {
        if (server is null)
        {
            throw new ArgumentNullException(nameof(server));
        }

        ServerSettings settings = server.Settings;
        if (!settings.Enabled)
        {
            throw new ServerDisabledException(server.Name);
        }

        WhmCredential credential = credentials.Find(server)
            ?? throw new ServerCredentialMissingException(server.Name, settings.WhmUser, settings.TokenSecretName, settings.TokenVault);
        var endpoint = new WhmEndpoint(settings.HostName, settings.Port, settings.PinnedCertificateThumbprint);
        return factory.CreateClient(endpoint, credential, options);
    }
}

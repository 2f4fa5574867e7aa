using System;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Servers;

/// <summary>Turns a server as billing knows it (or a host not in billing yet) into a WHM client.</summary>
public interface IServerConnector
{
    /// <summary>
    /// A client for the server. Throws <see cref="ServerDisabledException"/> for a disabled server and
    /// <see cref="ServerCredentialMissingException"/> when no token is available.
    /// </summary>
    IWhmClient Connect(BillingServer server);

    /// <summary>
    /// A client for the server even while billing has it disabled: checking a server before enabling it again is
    /// the one thing a disabled server is used for. Throws <see cref="ServerCredentialMissingException"/> when no
    /// token is available.
    /// </summary>
    IWhmClient ConnectEvenIfDisabled(BillingServer server);

    /// <summary>A client for a host that billing does not (yet) know, with a credential given for this call.</summary>
    IWhmClient Connect(WhmEndpoint endpoint, WhmCredential credential);
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

        if (!server.Settings.Enabled)
        {
            throw new ServerDisabledException(server.Name);
        }

        return ConnectEvenIfDisabled(server);
    }

    public IWhmClient ConnectEvenIfDisabled(BillingServer server)
    {
        if (server is null)
        {
            throw new ArgumentNullException(nameof(server));
        }

        ServerSettings settings = server.Settings;
        WhmCredential credential = credentials.Find(server)
            ?? throw new ServerCredentialMissingException(server.Name, settings.WhmUser, settings.TokenSecretName, settings.TokenVault);
        return factory.CreateClient(EndpointOf(server), credential, options, PinCommand(server));
    }

    /// <summary>Where the server listens and the certificate it must present, as billing has it.</summary>
    public static WhmEndpoint EndpointOf(BillingServer server)
    {
        ServerSettings settings = (server ?? throw new ArgumentNullException(nameof(server))).Settings;
        return new WhmEndpoint(settings.HostName, settings.Port, settings.PinnedCertificateThumbprint);
    }

    /// <summary>How a certificate is pinned for a server in billing (the thumbprint follows).</summary>
    public static string PinCommand(BillingServer server) =>
        $"Set-CpServer -Name '{(server ?? throw new ArgumentNullException(nameof(server))).Name}' -CertificateThumbprint";

    public IWhmClient Connect(WhmEndpoint endpoint, WhmCredential credential) =>
        factory.CreateClient(
            endpoint ?? throw new ArgumentNullException(nameof(endpoint)),
            credential ?? throw new ArgumentNullException(nameof(credential)),
            options);
}

using CpanelBilling.Core.Billing;

namespace CpanelBilling.Core.Operations.Servers;

/// <summary>A server to add to billing. Only where its API token lives is stored, never the token.</summary>
public sealed class ServerDefinition
{
    /// <summary>The name admins use for the server (unique in billing; not necessarily its host name).</summary>
    public string Name { get; set; } = "";

    /// <summary>The WHM host: a DNS name or an IP address, without scheme or port.</summary>
    public string HostName { get; set; } = "";

    public int Port { get; set; } = ServerSettings.DefaultPort;

    /// <summary>The WHM user the API token belongs to: root or a reseller.</summary>
    public string WhmUser { get; set; } = ServerSettings.DefaultWhmUser;

    /// <summary>The SecretManagement vault holding the token; null means the default vault.</summary>
    public string? TokenVault { get; set; }

    /// <summary>The secret holding the token; null means <see cref="DefaultTokenSecretName"/> of the server's name.</summary>
    public string? TokenSecretName { get; set; }

    /// <summary>SHA-256 thumbprint of a self-signed certificate to trust (any common spelling); null for normal TLS validation.</summary>
    public string? CertificateThumbprint { get; set; }

    public int MaxConcurrentRequests { get; set; } = ServerSettings.DefaultMaxConcurrentRequests;

    public int MaxConcurrentAccountLifecycleCalls { get; set; } = ServerSettings.DefaultMaxConcurrentAccountLifecycleCalls;

    public bool Enabled { get; set; } = true;

    /// <summary>The secret name used when none is given: <c>CpanelBilling-&lt;server name&gt;</c>.</summary>
    public static string DefaultTokenSecretName(string serverName) => "CpanelBilling-" + serverName.Trim();
}

/// <summary>
/// Changes to a server's settings: a null property keeps the current value. An empty
/// <see cref="CertificateThumbprint"/> removes the pin; an empty <see cref="TokenVault"/> means the default vault.
/// </summary>
public sealed class ServerUpdate
{
    public string? HostName { get; set; }

    public int? Port { get; set; }

    public string? WhmUser { get; set; }

    public string? TokenVault { get; set; }

    public string? TokenSecretName { get; set; }

    public string? CertificateThumbprint { get; set; }

    public int? MaxConcurrentRequests { get; set; }

    public int? MaxConcurrentAccountLifecycleCalls { get; set; }

    public bool? Enabled { get; set; }
}

/// <summary>What removing a server from billing took with it.</summary>
public sealed class ServerRemoval
{
    internal ServerRemoval(BillingServer server, int removedAccounts, int liveAccounts)
    {
        Server = server;
        RemovedAccounts = removedAccounts;
        LiveAccounts = liveAccounts;
    }

    /// <summary>The server as it was before it was removed.</summary>
    public BillingServer Server { get; }

    /// <summary>Accounts of any status billing removed with the server.</summary>
    public int RemovedAccounts { get; }

    /// <summary>How many of those were not deleted (only with force).</summary>
    public int LiveAccounts { get; }
}

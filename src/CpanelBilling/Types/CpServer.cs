using System;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Types;

/// <summary>A WHM server as billing knows it (Get-CpServer). Pipes into server cmdlets by its Name (alias Server).</summary>
public sealed class CpServer
{
    public long Id { get; set; }

    /// <summary>The name admins use for the server; binds -Server and -Name of other cmdlets.</summary>
    public string Name { get; set; } = "";

    /// <summary>The same as <see cref="Name"/>, so a server binds -Server by property name.</summary>
    public string Server => Name;

    public string HostName { get; set; } = "";

    public int Port { get; set; }

    public string WhmUser { get; set; } = "";

    /// <summary>The SecretManagement vault of the API token (empty: the default vault).</summary>
    public string? TokenVault { get; set; }

    /// <summary>The SecretManagement secret that holds the API token (never the token itself).</summary>
    public string TokenSecretName { get; set; } = "";

    /// <summary>The pinned SHA-256 certificate thumbprint of a self-signed server, or empty.</summary>
    public string? CertificateThumbprint { get; set; }

    public bool Enabled { get; set; }

    public DateTime Created { get; set; }

    public DateTime Changed { get; set; }

    public override string ToString() => Name;

    internal static CpServer From(BillingServer server) => new()
    {
        Id = server.Id,
        Name = server.Name,
        HostName = server.Settings.HostName,
        Port = server.Settings.Port,
        WhmUser = server.Settings.WhmUser,
        TokenVault = server.Settings.TokenVault,
        TokenSecretName = server.Settings.TokenSecretName,
        CertificateThumbprint = server.Settings.PinnedCertificateThumbprint,
        Enabled = server.Settings.Enabled,
        Created = server.CreatedUtc,
        Changed = server.ChangedUtc,
    };
}

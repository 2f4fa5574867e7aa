namespace CpanelBilling.Core.Billing;

/// <summary>
/// How to reach and use a WHM server. The API token itself is never stored: billing keeps only where to find it
/// (a SecretManagement vault and secret name), so a copy of the database gives nobody access to a server.
/// </summary>
public sealed class ServerSettings
{
    public const int DefaultPort = 2087;
    public const string DefaultWhmUser = "root";
    public const int DefaultMaxConcurrentRequests = 4;
    public const int DefaultMaxConcurrentAccountLifecycleCalls = 1;

    public string HostName { get; set; } = "";

    public int Port { get; set; } = DefaultPort;

    public string WhmUser { get; set; } = DefaultWhmUser;

    /// <summary>The SecretManagement vault holding the token; null means the default vault.</summary>
    public string? TokenVault { get; set; }

    /// <summary>The name of the secret holding the API token.</summary>
    public string TokenSecretName { get; set; } = "";

    /// <summary>SHA-256 thumbprint (hex) of a self-signed certificate to trust; null means normal TLS validation.</summary>
    public string? PinnedCertificateThumbprint { get; set; }

    /// <summary>How many calls may run against the server at once (reads, suspensions, limits, packages).</summary>
    public int MaxConcurrentRequests { get; set; } = DefaultMaxConcurrentRequests;

    /// <summary>
    /// How many account creations and removals (createacct, removeacct) may run against the server at once. These
    /// run long scripts that cPanel serializes anyway, so the default is one at a time.
    /// </summary>
    public int MaxConcurrentAccountLifecycleCalls { get; set; } = DefaultMaxConcurrentAccountLifecycleCalls;

    /// <summary>A disabled server stays in billing but operations leave it alone.</summary>
    public bool Enabled { get; set; } = true;
}

namespace CpanelBilling.Types;

/// <summary>The billing connection of the session (Connect-CpBilling -PassThru).</summary>
public sealed class CpBillingConnection
{
    /// <summary>A file path, or a connection string with any password masked.</summary>
    public string Database { get; set; } = "";

    /// <summary>Sqlite or SqlServer.</summary>
    public string Backend { get; set; } = "";

    public int SchemaVersion { get; set; }

    /// <summary>The WHM call log file (JSON lines, secrets masked).</summary>
    public string LogPath { get; set; } = "";

    /// <summary>Servers whose API token the session holds (given with -Credential or read from a vault).</summary>
    public string[] ServersWithToken { get; set; } = System.Array.Empty<string>();

    public override string ToString() => Database;
}

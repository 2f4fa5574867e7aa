using System.Management.Automation;
using CpanelBilling.Core.Whm;
using CpanelBilling.Errors;
using CpanelBilling.Session;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>
/// Connect-CpBilling: picks the billing database of the session (a SQLite file or a SQL Server connection string;
/// default: the embedded file), creating and upgrading it as needed, and optionally gives the API token of a
/// server for this session (a runbook's credential asset).
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "CpBilling", SupportsShouldProcess = true)]
[OutputType(typeof(CpBillingConnection))]
public sealed class ConnectCpBillingCommand : CpCmdlet
{
    /// <summary>A SQLite file path, or a connection string (SQLite or SQL Server).</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Database { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? LogPath { get; set; }

    /// <summary>The server whose API token -Credential carries.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.ServerNameCompleter))]
    public string? Server { get; set; }

    /// <summary>The WHM user and, as password, its API token.</summary>
    [Parameter]
    [Credential]
    public PSCredential? Credential { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        if ((Server is null) != (Credential is null))
        {
            ThrowTerminatingError(ErrorIds.CredentialWithoutServer, ErrorCategory.InvalidArgument, Server,
                "-Server and -Credential go together: -Credential is the API token (as password) of the server named by -Server.");
        }

        WhmCredential? credential = ServerTokens.Check(this, Credential, Server ?? string.Empty);
        CpSession? session = SessionRegistry.Current;
        bool reconnect = session is null || Database is not null || LogPath is not null;
        string target = BillingTarget();
        if (reconnect && !ShouldChange(target, "Connect to the billing database (create it or upgrade its schema if needed)"))
        {
            return;
        }

        if (reconnect)
        {
            session = Await(token => CpSession.OpenAsync(Database, LogPath, token));
            SessionRegistry.Replace(session)?.Dispose();
            WriteVerbose($"Billing database: {session.Database}; WHM call log: {session.LogPath}.");
        }

        if (credential is not null && ShouldChange(Server!, "Use the given API token for this session"))
        {
            session!.Credentials.Set(Server!, credential);
        }

        if (PassThru)
        {
            WriteObject(new CpBillingConnection
            {
                Database = session!.Database,
                Backend = session.Billing.Backend.ToString(),
                SchemaVersion = Await(token => session.Billing.GetSchemaVersionAsync(token)),
                LogPath = session.LogPath,
                ServersWithToken = session.Credentials.ServerNames,
            });
        }
    }

    private string BillingTarget() => Database is null && SessionRegistry.Current is { } current
        ? current.Database
        : ConnectionText.Mask(Core.Billing.BillingDatabase.ResolveTarget(Database));
}

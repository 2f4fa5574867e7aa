using System.Management.Automation;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Servers;
using CpanelBilling.Core.Whm;
using CpanelBilling.Session;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>
/// Test-CpServerConnection: checks that servers answer over trusted TLS, accept the token and let it call what the
/// module needs; for servers in billing, or a host given with -HostName, -Credential and -CertificateThumbprint.
/// A failed check is a result (Status, Message, the thumbprint to pin), not an error.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "CpServerConnection", DefaultParameterSetName = ServerSet)]
[OutputType(typeof(CpConnectionTest), typeof(bool))]
public sealed class TestCpServerConnectionCommand : CpSessionCmdlet
{
    private const string ServerSet = "Server";
    private const string HostSet = "HostName";

    [Parameter(ParameterSetName = ServerSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Server")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.ServerNameCompleter))]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    [Parameter(ParameterSetName = HostSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string HostName { get; set; } = "";

    [Parameter(ParameterSetName = HostSet)]
    public int Port { get; set; } = ServerSettings.DefaultPort;

    /// <summary>The WHM user and, as password, its API token.</summary>
    [Parameter(ParameterSetName = HostSet, Mandatory = true)]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>The SHA-256 thumbprint of the host's self-signed certificate to trust.</summary>
    [Parameter(ParameterSetName = HostSet)]
    [ValidateNotNullOrEmpty]
    public string? CertificateThumbprint { get; set; }

    /// <summary>Outputs only $true or $false per server.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == HostSet)
        {
            WhmCredential credential = ServerTokens.Check(this, Credential, HostName)!;
            Check(HostName, () => Run((ops, token) => new ServerConnectionCheck(ops).CheckHostAsync(HostName, Port, credential, CertificateThumbprint, token)));
            return;
        }

        foreach (string name in Name)
        {
            Check(name, () =>
            {
                BillingServer server = RequireServer(name);
                EnsureCredential(server);
                return Run((ops, token) => new ServerConnectionCheck(ops).CheckAsync(server, token));
            });
        }
    }

    private void Check(string target, System.Func<ServerConnectionReport> check)
    {
        try
        {
            ServerConnectionReport report = check();
            foreach (string warning in report.Warnings)
            {
                WriteWarning(warning);
            }

            WriteObject(Quiet ? report.Succeeded : CpConnectionTest.From(report));
        }
        catch (Core.CpanelBillingException failure)
        {
            WriteError(failure, target);
        }
    }
}

using System.Management.Automation;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Servers;
using CpanelBilling.Core.Whm;
using CpanelBilling.Session;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>Set-CpServer: changes the given settings of servers in billing (the others stay), and optionally their API token.</summary>
[Cmdlet(VerbsCommon.Set, "CpServer", SupportsShouldProcess = true)]
[OutputType(typeof(CpServer))]
public sealed class SetCpServerCommand : CpSessionCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Server")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.ServerNameCompleter))]
    public string Name { get; set; } = "";

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? HostName { get; set; }

    [Parameter]
    public int? Port { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? WhmUser { get; set; }

    /// <summary>A new API token (as password) to keep in SecretManagement and the session; its user becomes the WHM user.</summary>
    [Parameter]
    [Credential]
    public PSCredential? Credential { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? TokenSecretName { get; set; }

    /// <summary>The vault of the token; an empty string means the default vault.</summary>
    [Parameter]
    [AllowEmptyString]
    public string? TokenVault { get; set; }

    /// <summary>The SHA-256 thumbprint to pin; an empty string removes the pin (normal TLS validation).</summary>
    [Parameter]
    [AllowEmptyString]
    public string? CertificateThumbprint { get; set; }

    [Parameter]
    public int? MaxConcurrentRequests { get; set; }

    [Parameter]
    public int? MaxConcurrentAccountLifecycleCalls { get; set; }

    /// <summary>-Enabled enables the server, -Enabled:$false disables it (it stays in billing, operations leave it alone).</summary>
    [Parameter]
    public SwitchParameter Enabled { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        WhmCredential? credential = ServerTokens.Check(this, Credential, Name);
        var update = new ServerUpdate
        {
            HostName = HostName,
            Port = Port,
            WhmUser = Credential?.UserName ?? WhmUser,
            TokenSecretName = TokenSecretName,
            TokenVault = TokenVault,
            CertificateThumbprint = CertificateThumbprint,
            MaxConcurrentRequests = MaxConcurrentRequests,
            MaxConcurrentAccountLifecycleCalls = MaxConcurrentAccountLifecycleCalls,
            Enabled = MyInvocation.BoundParameters.ContainsKey(nameof(Enabled)) ? Enabled.IsPresent : null,
        };
        try
        {
            // Checked before ShouldProcess: -WhatIf must not promise settings the real run refuses.
            Run((ops, token) => new ServerOperations(ops).CheckUpdateAsync(Name, update, token));
            if (!ShouldChange(Name, "Change the server's settings in billing"))
            {
                return;
            }

            BillingServer server = Run((ops, token) => new ServerOperations(ops).UpdateAsync(Name, update, token));
            if (credential is not null)
            {
                ServerTokens.Keep(this, server, Credential!, credential);
            }

            if (PassThru)
            {
                WriteObject(CpServer.From(server));
            }
        }
        catch (Core.CpanelBillingException failure)
        {
            WriteError(failure, Name);
        }
    }
}

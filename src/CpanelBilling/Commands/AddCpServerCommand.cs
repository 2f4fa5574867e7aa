using System.Management.Automation;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Servers;
using CpanelBilling.Core.Whm;
using CpanelBilling.Errors;
using CpanelBilling.Session;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>Add-CpServer: registers a WHM server in billing, and keeps its API token in SecretManagement (or the session).</summary>
[Cmdlet(VerbsCommon.Add, "CpServer", SupportsShouldProcess = true)]
[OutputType(typeof(CpServer))]
public sealed class AddCpServerCommand : CpSessionCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string HostName { get; set; } = "";

    [Parameter]
    public int Port { get; set; } = ServerSettings.DefaultPort;

    /// <summary>The WHM user (root or a reseller) and, as password, its API token.</summary>
    [Parameter]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>The WHM user when no -Credential is given (default root).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? WhmUser { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? TokenSecretName { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? TokenVault { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CertificateThumbprint { get; set; }

    [Parameter]
    public int MaxConcurrentRequests { get; set; } = ServerSettings.DefaultMaxConcurrentRequests;

    [Parameter]
    public int MaxConcurrentAccountLifecycleCalls { get; set; } = ServerSettings.DefaultMaxConcurrentAccountLifecycleCalls;

    /// <summary>Adds the server disabled: operations leave it alone until Set-CpServer -Enabled.</summary>
    [Parameter]
    public SwitchParameter Disabled { get; set; }

    protected override void ProcessRecord()
    {
        if (Credential is not null && WhmUser is not null && !string.Equals(WhmUser, Credential.UserName, System.StringComparison.Ordinal))
        {
            ThrowTerminatingError(ErrorIds.WhmUserMismatch, ErrorCategory.InvalidArgument, Name,
                $"-WhmUser '{WhmUser}' and the user of -Credential ('{Credential.UserName}') differ; the token belongs to the credential's user, so give one of them.");
        }

        WhmCredential? credential = ServerTokens.Check(this, Credential, Name);
        var definition = new ServerDefinition
        {
            Name = Name,
            HostName = HostName,
            Port = Port,
            WhmUser = Credential?.UserName ?? WhmUser ?? ServerSettings.DefaultWhmUser,
            TokenSecretName = TokenSecretName,
            TokenVault = TokenVault,
            CertificateThumbprint = CertificateThumbprint,
            MaxConcurrentRequests = MaxConcurrentRequests,
            MaxConcurrentAccountLifecycleCalls = MaxConcurrentAccountLifecycleCalls,
            Enabled = !Disabled,
        };
        try
        {
            // Checked before ShouldProcess: -WhatIf must not promise a server the real run refuses.
            ServerOperations.CheckDefinition(definition);
            if (!ShouldChange(Name, $"Add WHM server {HostName}:{Port} to billing"))
            {
                return;
            }

            BillingServer server = Run((ops, token) => new ServerOperations(ops).AddAsync(definition, token));
            if (credential is not null)
            {
                ServerTokens.Keep(this, server, Credential!, credential);
            }

            WriteObject(CpServer.From(server));
        }
        catch (Core.CpanelBillingException failure)
        {
            WriteError(failure, Name);
        }
    }
}

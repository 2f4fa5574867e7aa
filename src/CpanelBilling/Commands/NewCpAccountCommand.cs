using System.Management.Automation;
using System.Security;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Whm;
using CpanelBilling.Infrastructure;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>
/// New-CpAccount: opens accounts (billing and createacct together, then the account's own limits). Running it again
/// for an opening that failed half-way continues it; an account already open is reported, not changed.
/// </summary>
[Cmdlet(VerbsCommon.New, "CpAccount", SupportsShouldProcess = true)]
[OutputType(typeof(CpAccount), typeof(CpNewAccount))]
public sealed class NewCpAccountCommand : CpAccountWorkCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Domain { get; set; } = "";

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.ServerNameCompleter))]
    public string Server { get; set; } = "";

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.CustomerLoginCompleter))]
    public string Customer { get; set; } = "";

    /// <summary>The billing plan; or give -Package.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completers.PlanNameCompleter))]
    public string? Plan { get; set; }

    /// <summary>The server's cPanel package; the billing plan mapped to it is used.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completers.PackageNameCompleter))]
    public string? Package { get; set; }

    /// <summary>The cPanel user name; derived from the domain when omitted.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? UserName { get; set; }

    /// <summary>The password; a strong one is generated when omitted.</summary>
    [Parameter]
    public SecureString? Password { get; set; }

    /// <summary>Output the generated password once, as a credential.</summary>
    [Parameter]
    public SwitchParameter ReturnCredential { get; set; }

    [Parameter]
    public SwitchParameter DedicatedIp { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? ContactEmail { get; set; }

    [Parameter]
    [AccountLimit(nameof(AccountLimitKind.Bandwidth))]
    [ArgumentCompleter(typeof(Completers.AccountLimitCompleter))]
    public CpLimit? Bandwidth { get; set; }

    [Parameter]
    [AccountLimit(nameof(AccountLimitKind.Disk))]
    [ArgumentCompleter(typeof(Completers.AccountLimitCompleter))]
    public CpLimit? Disk { get; set; }

    [Parameter]
    [AccountLimit(nameof(AccountLimitKind.EmailAccounts))]
    [ArgumentCompleter(typeof(Completers.AccountLimitCompleter))]
    public CpLimit? EmailAccounts { get; set; }

    [Parameter]
    [AccountLimit(nameof(AccountLimitKind.Databases))]
    [ArgumentCompleter(typeof(Completers.AccountLimitCompleter))]
    public CpLimit? Databases { get; set; }

    [Parameter]
    [AccountLimit(nameof(AccountLimitKind.AddonDomains))]
    [ArgumentCompleter(typeof(Completers.AccountLimitCompleter))]
    public CpLimit? AddonDomains { get; set; }

    protected override void ProcessRecord()
    {
        HandBackFinished();
        string target = Server + "/" + Domain;
        OpenAccountRequest request;
        try
        {
            request = Request();
        }
        catch (AccountOperationException invalid)
        {
            WriteError(invalid, target);
            return;
        }

        if (!ShouldChange(target, $"Open an account for '{Customer}' on {(Plan == null ? "package '" + Package + "'" : "plan '" + Plan + "'")} (createacct)"))
        {
            return;
        }

        StartItem(Server, target, (accounts, token) => accounts.OpenAsync(request, token), result => WriteObject(
            result.Password is { } password
                ? CpAccount.Fill(new CpNewAccount { Credential = new PSCredential(result.Account.UserName, password) }, result.Account)
                : CpAccount.From(result.Account)));
    }

    private OpenAccountRequest Request()
    {
        // 'package' means no override here: the package decides anyway.
        AccountLimitsChange limits = AccountLimitsChange.FromText(Bandwidth?.Value, Disk?.Value, EmailAccounts?.Value, Databases?.Value, AddonDomains?.Value);
        var request = new OpenAccountRequest
        {
            ServerName = Server,
            CustomerLogin = Customer,
            Domain = Domain,
            PlanName = Plan,
            PackageName = Package,
            UserName = string.IsNullOrWhiteSpace(UserName) ? null : UserName,
            Password = Password == null || Password.Length == 0 ? null : new WhmSecret(Password),
            ReturnPassword = ReturnCredential,
            DedicatedIp = DedicatedIp,
            ContactEmail = ContactEmail,
            Limits = limits.Set,
        };

        // Checked before ShouldProcess: -WhatIf must not promise an opening its input already rules out.
        AccountOperations.CheckOpening(request);
        return request;
    }
}

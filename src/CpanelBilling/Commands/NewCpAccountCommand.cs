using System.Management.Automation;
using System.Security;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Whm;
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

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.PlanNameCompleter))]
    public string Plan { get; set; } = "";

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
    public string? Bandwidth { get; set; }

    [Parameter]
    public string? Disk { get; set; }

    [Parameter]
    public string? EmailAccounts { get; set; }

    [Parameter]
    public string? Databases { get; set; }

    [Parameter]
    public string? AddonDomains { get; set; }

    protected override void ProcessRecord()
    {
        string target = Server + "/" + Domain;
        if (!ShouldChange(target, $"Open an account for '{Customer}' on plan '{Plan}' (createacct)"))
        {
            return;
        }

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

        StartItem(Server, target, (accounts, token) => accounts.OpenAsync(request, token), result => WriteObject(
            result.Password is { } password
                ? CpAccount.Fill(new CpNewAccount { Credential = new PSCredential(result.Account.UserName, password) }, result.Account)
                : CpAccount.From(result.Account)));
    }

    private OpenAccountRequest Request()
    {
        // 'package' means no override here: the package decides anyway.
        AccountLimitsChange limits = AccountLimitsChange.FromText(Bandwidth, Disk, EmailAccounts, Databases, AddonDomains);
        return new OpenAccountRequest
        {
            ServerName = Server,
            CustomerLogin = Customer,
            Domain = Domain,
            PlanName = Plan,
            UserName = string.IsNullOrWhiteSpace(UserName) ? null : UserName,
            Password = Password == null || Password.Length == 0 ? null : new WhmSecret(Password),
            ReturnPassword = ReturnCredential,
            DedicatedIp = DedicatedIp,
            ContactEmail = ContactEmail,
            Limits = limits.Set,
        };
    }
}

using System.Management.Automation;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>New-CpCustomer: adds a customer to billing (accounts and domains belong to customers).</summary>
[Cmdlet(VerbsCommon.New, "CpCustomer", SupportsShouldProcess = true)]
[OutputType(typeof(CpCustomer))]
public sealed class NewCpCustomerCommand : CpSessionCmdlet
{
    /// <summary>The customer's unique name in billing.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Login { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? DisplayName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Email { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldChange(Login, "Add the customer to billing"))
        {
            return;
        }

        try
        {
            Customer customer = Run((ops, token) => new CustomerAndPlanOperations(ops).AddCustomerAsync(
                new NewCustomer { Login = Login, DisplayName = DisplayName, Email = Email }, token));
            WriteObject(CpCustomer.From(customer));
        }
        catch (Core.CpanelBillingException failure)
        {
            WriteError(failure, Login);
        }
    }
}

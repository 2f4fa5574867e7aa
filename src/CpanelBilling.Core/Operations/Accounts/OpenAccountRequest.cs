using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>What is needed to open a cPanel account for a customer (see <see cref="AccountOperations.OpenAsync(OpenAccountRequest, System.Threading.CancellationToken)"/>).</summary>
public sealed class OpenAccountRequest
{
    /// <summary>The billing server to open the account on.</summary>
    public string ServerName { get; set; } = "";

    /// <summary>The customer's login in billing.</summary>
    public string CustomerLogin { get; set; } = "";

    /// <summary>The main domain. Added to the customer when new.</summary>
    public string Domain { get; set; } = "";

    /// <summary>The billing plan; it must be mapped to a package on the server. Give it or <see cref="PackageName"/>.</summary>
    public string? PlanName { get; set; }

    /// <summary>The cPanel package on the server; the billing plan mapped to it is used. With <see cref="PlanName"/>, they must agree.</summary>
    public string? PackageName { get; set; }

    /// <summary>The cPanel user name; null to derive a free one from the domain (at most 8 characters).</summary>
    public string? UserName { get; set; }

    /// <summary>The account password; null to generate a strong one.</summary>
    public WhmSecret? Password { get; set; }

    /// <summary>Return the generated password in the result (once). Ignored when <see cref="Password"/> is given.</summary>
    public bool ReturnPassword { get; set; }

    /// <summary>Give the account a dedicated IP even when its plan does not include one.</summary>
    public bool DedicatedIp { get; set; }

    /// <summary>Per-account limit overrides on top of the package (null properties: as the package says).</summary>
    public AccountLimits? Limits { get; set; }

    /// <summary>The contact address on the server; null for the customer's e-mail address in billing.</summary>
    public string? ContactEmail { get; set; }
}

/// <summary>How to finish opening an account billing already holds as New.</summary>
public sealed class ContinueOpeningOptions
{
    /// <summary>The account password; null to generate a strong one.</summary>
    public WhmSecret? Password { get; set; }

    /// <summary>Return the generated password in the result (once).</summary>
    public bool ReturnPassword { get; set; }

    /// <summary>The contact address on the server; null for the customer's e-mail address in billing.</summary>
    public string? ContactEmail { get; set; }
}

using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Types;

namespace CpanelBilling.Errors;

/// <summary>
/// A CpAccount piped into an account cmdlet does not name the account its Id has in the session's billing
/// database: it was read from another database, or its Server or UserName was edited. Changing the row with that Id
/// would change an account the admin never saw, so the item fails and nothing is sent or stored.
/// Internal: PowerShell loads the module's public types before our resolver can load CpanelBilling.Core, the
/// assembly of the base class.
/// </summary>
internal sealed class AccountObjectMismatchException : CpanelBillingException
{
    internal AccountObjectMismatchException(CpAccount piped, Account? current, string database)
        : base(ErrorIds.AccountObjectMismatch, FailureKind.NotFound, Describe(piped, current, database), piped.ToString())
    {
    }

    private static string Describe(CpAccount piped, Account? current, string database)
    {
        string found = current is null
            ? $"billing database '{database}' has no account with Id {piped.Id}"
            : $"account {piped.Id} in billing database '{database}' is {current.ServerName}/{current.UserName}";
        return $"The account object {piped.Server}/{piped.UserName} (Id {piped.Id}) was not changed: {found}. The object was read from "
            + $"another database or edited. Read it again with Get-CpAccount -Server '{piped.Server}' -UserName '{piped.UserName}', or give -Server and -UserName.";
    }
}

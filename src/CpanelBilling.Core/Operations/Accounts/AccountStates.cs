using CpanelBilling.Core.Billing;

namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>Which accounts an operation applies to.</summary>
internal static class AccountStates
{
    /// <summary>Only accounts that exist on their server (Active or Suspended) can be suspended, resumed or moved.</summary>
    public static void RequireOnServer(Account account, string operation)
    {
        if (account.Status is AccountStatus.Active or AccountStatus.Suspended)
        {
            return;
        }

        string why = account.Status == AccountStatus.New
            ? "it is not opened on the server yet; open it first with New-CpAccount"
            : "it is deleted";
        throw new AccountOperationException(
            AccountErrorIds.WrongState,
            FailureKind.InvalidArgument,
            $"Account '{account.UserName}' on '{account.ServerName}' cannot be {operation}: {why}.",
            account.UserName);
    }
}

using CpanelBilling.Core.Billing;

namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>
/// One item of <see cref="AccountOperations.FindAsync"/>: an account that matched the filter, or (after every
/// account) a NotFound error for an exact user name that none did.
/// </summary>
public sealed class AccountListing
{
    internal AccountListing(Account account) => Account = account;

    internal AccountListing(AccountOperationException missing) => Missing = missing;

    public Account? Account { get; }

    /// <summary>NotFound (<see cref="AccountErrorIds.AccountNotFound"/>), its target the user name as given.</summary>
    public AccountOperationException? Missing { get; }
}

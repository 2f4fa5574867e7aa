namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>
/// Stable error ids of the account operations. They become part of PowerShell's FullyQualifiedErrorId, so scripts
/// may match on them: never rename one.
/// </summary>
public static class AccountErrorIds
{
    public const string InvalidUserName = "AccountInvalidUserName";
    public const string InvalidDomain = "AccountInvalidDomain";
    public const string InvalidLimit = "AccountInvalidLimit";
    public const string InvalidSuspendReason = "AccountInvalidSuspendReason";
    public const string InvalidContactEmail = "AccountInvalidContactEmail";
    public const string InvalidRequest = "AccountInvalidRequest";

    public const string CustomerNotFound = "AccountCustomerNotFound";
    public const string PlanNotFound = "AccountPlanNotFound";
    public const string PlanNotOnServer = "AccountPlanNotOnServer";
    public const string PackageNotOnServer = "AccountPackageNotOnServer";
    public const string AccountNotFound = "AccountNotFound";

    /// <summary>The account is not in a state the operation applies to (e.g. suspending an account not yet created).</summary>
    public const string WrongState = "AccountWrongState";

    /// <summary>The server already has an account of that user name (or of the same first 8 characters).</summary>
    public const string UserNameTakenOnServer = "AccountUserNameTakenOnServer";

    /// <summary>No free user name could be derived from the domain.</summary>
    public const string NoUserNameAvailable = "AccountNoUserNameAvailable";

    /// <summary>The server's account of that user name has another domain: it is someone else's account.</summary>
    public const string BelongsToOther = "AccountBelongsToOther";

    /// <summary>The pending account in billing does not match the opening asked for.</summary>
    public const string OpeningMismatch = "AccountOpeningMismatch";

    /// <summary>createacct was refused or failed, and the server shows no account; the opening was undone in billing.</summary>
    public const string CreateFailed = "AccountCreateFailed";

    /// <summary>
    /// An earlier createacct for the account got no answer recently and the server does not show the account yet:
    /// it may still be creating it, so createacct is not sent again until the grace has passed.
    /// </summary>
    public const string CreateMayBeRunning = "AccountCreateMayBeRunning";

    /// <summary>The account exists on the server, but a later step of opening it failed; running Open again finishes it.</summary>
    public const string OpenIncomplete = "AccountOpenIncomplete";

    /// <summary>Putting the account's own limits on the server failed (after a package change, or when setting them).</summary>
    public const string LimitsNotApplied = "AccountLimitsNotApplied";

    /// <summary>The server changed, but billing could not be brought in line; the journal entries stay Pending.</summary>
    public const string BillingNotUpdated = "AccountBillingNotUpdated";

    /// <summary>Someone else changed the account in billing meanwhile, in a way this operation cannot reconcile.</summary>
    public const string ChangedMeanwhile = "AccountChangedMeanwhile";

    /// <summary>A password change cannot be read back from the server to confirm it.</summary>
    public const string PasswordUnverifiable = "AccountPasswordUnverifiable";
}

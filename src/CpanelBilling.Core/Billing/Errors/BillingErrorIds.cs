namespace CpanelBilling.Core.Billing;

/// <summary>
/// The stable error ids of billing errors. They become part of PowerShell's FullyQualifiedErrorId, so scripts may
/// match on them: never rename one.
/// </summary>
public static class BillingErrorIds
{
    public const string ServerNotFound = "BillingServerNotFound";
    public const string PlanNotFound = "BillingPlanNotFound";
    public const string PlanNotOnServer = "BillingPlanNotOnServer";
    public const string CustomerNotFound = "BillingCustomerNotFound";
    public const string AccountNotFound = "BillingAccountNotFound";
    public const string JournalEntryNotFound = "BillingJournalEntryNotFound";

    public const string ServerAlreadyExists = "BillingServerAlreadyExists";
    public const string PlanAlreadyExists = "BillingPlanAlreadyExists";
    public const string CustomerAlreadyExists = "BillingCustomerAlreadyExists";
    public const string DomainAlreadyExists = "BillingDomainAlreadyExists";
    public const string DomainOwnedByOtherCustomer = "BillingDomainOwnedByOtherCustomer";
    public const string AccountUserNameTaken = "BillingAccountUserNameTaken";
    public const string AccountDomainTaken = "BillingAccountDomainTaken";

    public const string ServerHasLiveAccounts = "BillingServerHasLiveAccounts";
    public const string PlanHasLiveAccountsOnServer = "BillingPlanHasLiveAccountsOnServer";
    public const string IpHeldByOtherAccount = "BillingIpHeldByOtherAccount";
    public const string NoFreeDedicatedIp = "BillingNoFreeDedicatedIp";
    public const string AccountRowVersionConflict = "BillingAccountChangedMeanwhile";
    public const string JournalEntryAlreadyCompleted = "BillingJournalEntryAlreadyCompleted";
    public const string AccountLeaseHeld = "BillingAccountLeaseHeld";
    public const string InvalidValue = "BillingInvalidValue";
    public const string DatabaseFailed = "BillingDatabaseFailed";
    public const string SchemaTooNew = "BillingSchemaTooNew";
    public const string SchemaOutdated = "BillingSchemaOutdated";
}

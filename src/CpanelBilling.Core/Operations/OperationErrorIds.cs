namespace CpanelBilling.Core.Operations;

/// <summary>
/// Stable error ids of the operations layer. They become part of PowerShell's FullyQualifiedErrorId, so scripts
/// may match on them: never rename one.
/// </summary>
public static class OperationErrorIds
{
    public const string ServerCredentialMissing = "ServerCredentialMissing";
    public const string ServerDisabled = "ServerDisabled";
    public const string ServerNotFound = "ServerNotFound";
    public const string OutcomeUnknown = "ServerOutcomeUnknown";

    /// <summary>The account's lease was lost while an operation ran (another actor took the account over); billing was not changed.</summary>
    public const string LeaseLost = "AccountLeaseLost";

    // Servers in billing.
    public const string InvalidServerSettings = "InvalidServerSettings";
    public const string ServerHasLiveAccounts = "ServerHasLiveAccounts";

    // Packages.
    public const string InvalidPackage = "InvalidPackage";
    public const string PackageNotFound = "PackageNotFound";
    public const string PackageAlreadyExists = "PackageAlreadyExists";
    public const string PackageInUse = "PackageInUse";
    public const string BillingBehindServer = "BillingBehindServer";

    // Bandwidth.
    public const string InvalidBandwidthMonth = "InvalidBandwidthMonth";
    public const string InvalidBandwidthRequest = "InvalidBandwidthRequest";
    public const string UnexpectedBandwidthReport = "UnexpectedBandwidthReport";

    /// <summary>A row to record names an account id that is not that user's account on that server; it was not recorded.</summary>
    public const string BandwidthRowMismatch = "BandwidthRowMismatch";

    // Journal.
    public const string InvalidJournalFilter = "InvalidJournalFilter";

    // Compare and Repair.
    public const string InvalidReconcileScope = "InvalidReconcileScope";
}

namespace CpanelBilling.Core.Billing;

/// <summary>The database engine that holds the billing data.</summary>
public enum BillingBackend
{
    Sqlite = 1,
    SqlServer = 2,
}

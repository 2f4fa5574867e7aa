namespace CpanelBilling.Core.Billing.Sql;

/// <summary>What a provider error means to the repository, whatever the backend's error numbers.</summary>
internal enum DbFailure
{
    Other = 0,
    UniqueViolation,
    ForeignKeyViolation,
}

namespace CpanelBilling.Core.Billing.Sql;

/// <summary>
/// How a limit is stored: NULL for "not set" (as the package says / not listed), -1 for unlimited, else the count.
/// The schema's CHECK constraints allow nothing below -1.
/// </summary>
internal static class LimitColumn
{
    private const long Unlimited = -1;

    public static long? ToDb(LimitValue? value) =>
        value.HasValue ? value.Value.Count ?? Unlimited : null;

    public static LimitValue? FromDb(long? stored) =>
        stored switch
        {
            null => null,
            Unlimited => LimitValue.Unlimited,
            _ => LimitValue.Of(stored.Value),
        };
}

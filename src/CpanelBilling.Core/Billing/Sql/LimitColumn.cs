using System;

namespace CpanelBilling.Core.Billing.Sql;

/// <summary>
/// How a limit is stored: NULL for "not set" (as the package says / not listed), -1 for unlimited, else the count
/// or megabytes. The schema's CHECK constraints allow nothing below -1. A stored 0 megabytes reads as unlimited,
/// which is what cPanel makes of it.
/// </summary>
internal static class LimitColumn
{
    private const long Unlimited = -1;

    public static long? ToDb(CountLimit? value) =>
        value.HasValue ? value.Value.Value ?? Unlimited : null;

    public static long? ToDb(MegabyteLimit? value) =>
        value.HasValue ? value.Value.Megabytes ?? Unlimited : null;

    public static CountLimit? CountFromDb(long? stored) =>
        stored switch
        {
            null => null,
            Unlimited => CountLimit.Unlimited,
            > int.MaxValue => throw new InvalidOperationException($"A stored count of {stored} is larger than any cPanel limit."),
            _ => CountLimit.Of((int)stored.Value),
        };

    public static MegabyteLimit? MegabytesFromDb(long? stored) =>
        stored switch
        {
            null => null,
            Unlimited or 0 => MegabyteLimit.Unlimited,
            _ => MegabyteLimit.Of(stored.Value),
        };
}

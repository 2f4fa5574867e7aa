using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CpanelBilling.Core.Whm;

/// <summary>What limitbw reports. Note that WHM returns the new limit in bytes, although it takes megabytes.</summary>
public sealed class BandwidthLimitResult
{
    private BandwidthLimitResult(string reason, long? limitBytes, string? humanLimit, string? humanUsed, bool isLimitReached, IReadOnlyList<string> domains)
    {
        Reason = reason;
        LimitBytes = limitBytes;
        HumanLimit = humanLimit;
        HumanUsed = humanUsed;
        IsLimitReached = isLimitReached;
        Domains = domains;
    }

    public string Reason { get; }

    /// <summary>The limit in bytes; null when unlimited.</summary>
    public long? LimitBytes { get; }

    public bool IsUnlimited => LimitBytes is null;

    /// <summary>E.g. "500 MB" or "unlimited".</summary>
    public string? HumanLimit { get; }

    /// <summary>E.g. "none" or "12.5 MB".</summary>
    public string? HumanUsed { get; }

    /// <summary>bwlimitenable: the account's usage already reaches the new limit.</summary>
    public bool IsLimitReached { get; }

    public IReadOnlyList<string> Domains { get; }

    internal static BandwidthLimitResult FromEnvelope(WhmEnvelope envelope)
    {
        JsonElement limit = default;
        foreach (JsonElement item in JsonValues.GetObjects(envelope.Data, "bwlimits"))
        {
            limit = item;
            break;
        }

        if (limit.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("The reply has no data.bwlimits entry.");
        }

        long? bytes = JsonValues.GetInt64(limit, "bwlimit");
        bool unlimited = JsonValues.GetFlag(limit, "unlimited") || bytes is null or 0;
        return new BandwidthLimitResult(
            envelope.Reason,
            unlimited ? null : bytes,
            JsonValues.GetString(limit, "human_bwlimit"),
            JsonValues.GetString(limit, "human_bwused"),
            JsonValues.GetFlag(limit, "bwlimitenable"),
            JsonValues.GetStringList(limit, "domains"));
    }
}

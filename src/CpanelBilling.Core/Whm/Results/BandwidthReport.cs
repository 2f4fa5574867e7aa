using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace CpanelBilling.Core.Whm;

/// <summary>showbw's report of one month. All amounts are bytes.</summary>
public sealed class BandwidthReport
{
    private BandwidthReport(int month, int year, string? reseller, long totalUsedBytes, IReadOnlyList<AccountBandwidth> accounts)
    {
        Month = month;
        Year = year;
        Reseller = reseller;
        TotalUsedBytes = totalUsedBytes;
        Accounts = accounts;
    }

    public int Month { get; }

    public int Year { get; }

    /// <summary>Whose accounts these are: root or the reseller.</summary>
    public string? Reseller { get; }

    public long TotalUsedBytes { get; }

    public IReadOnlyList<AccountBandwidth> Accounts { get; }

    internal static BandwidthReport FromJson(JsonElement data) => new(
        (int)(JsonValues.GetInt64(data, "month") ?? throw new FormatException("The reply lacks the field 'month'.")),
        (int)(JsonValues.GetInt64(data, "year") ?? throw new FormatException("The reply lacks the field 'year'.")),
        JsonValues.GetString(data, "reseller"),
        JsonValues.GetInt64(data, "totalused") ?? 0,
        JsonValues.GetObjects(data, "acct").Select(AccountBandwidth.FromJson).ToList());
}

/// <summary>One account's bandwidth in a <see cref="BandwidthReport"/>.</summary>
public sealed class AccountBandwidth
{
    public string User { get; private set; } = string.Empty;

    public string? MainDomain { get; private set; }

    public string? Owner { get; private set; }

    public bool IsReseller { get; private set; }

    /// <summary>The account was removed but still has usage recorded this month.</summary>
    public bool IsDeleted { get; private set; }

    public long TotalBytes { get; private set; }

    /// <summary>The limit in bytes; null when unlimited.</summary>
    public long? LimitBytes { get; private set; }

    /// <summary>bwlimited: the account is over its limit and throttled.</summary>
    public bool IsLimited { get; private set; }

    public IReadOnlyList<DomainBandwidth> Domains { get; private set; } = Array.Empty<DomainBandwidth>();

    public override string ToString() => User;

    internal static AccountBandwidth FromJson(JsonElement acct)
    {
        long? limit = JsonValues.GetInt64(acct, "limit");
        return new AccountBandwidth
        {
            User = JsonValues.GetRequiredString(acct, "user"),
            MainDomain = JsonValues.GetString(acct, "maindomain"),
            Owner = JsonValues.GetString(acct, "owner"),
            // The server sends "1" for resellers but 0 for others.
            IsReseller = JsonValues.GetFlag(acct, "reseller"),
            IsDeleted = JsonValues.GetFlag(acct, "deleted"),
            TotalBytes = JsonValues.GetInt64(acct, "totalbytes") ?? 0,
            // 0 and "unlimited" (not a number) both mean unlimited.
            LimitBytes = limit is null or 0 ? null : limit,
            IsLimited = JsonValues.GetFlag(acct, "bwlimited"),
            Domains = JsonValues.GetObjects(acct, "bwusage").Select(DomainBandwidth.FromJson).ToList(),
        };
    }
}

/// <summary>One domain's share of an account's bandwidth.</summary>
public sealed class DomainBandwidth
{
    private DomainBandwidth(string domain, long usageBytes, bool isDeleted)
    {
        Domain = domain;
        UsageBytes = usageBytes;
        IsDeleted = isDeleted;
    }

    public string Domain { get; }

    public long UsageBytes { get; }

    public bool IsDeleted { get; }

    public override string ToString() => Domain;

    internal static DomainBandwidth FromJson(JsonElement usage) => new(
        JsonValues.GetString(usage, "domain") ?? string.Empty,
        JsonValues.GetInt64(usage, "usage") ?? 0,
        JsonValues.GetFlag(usage, "deleted"));
}

using System;

namespace CpanelBilling.Core.Whm;

/// <summary>The arguments of showbw. Without month and year, the server reports the current month.</summary>
public sealed class BandwidthQuery
{
    private int? month;
    private int? year;

    public int? Month
    {
        get => month;
        set => month = value is null or (>= 1 and <= 12) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A month is 1 to 12.");
    }

    public int? Year
    {
        get => year;
        set => year = value is null or (>= 1970 and <= 2200) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "WHM accepts years 1970 to 2200.");
    }

    /// <summary>A regular expression over <see cref="SearchType"/>.</summary>
    public string? Search { get; set; }

    public AccountSearchType? SearchType { get; set; }

    /// <summary>showres: report the accounts of this reseller (root only).</summary>
    public string? Reseller { get; set; }

    internal WhmParameters ToParameters() => new WhmParameters()
        .Add("month", Month)
        .Add("year", Year)
        .Add("search", Search)
        .Add("searchtype", SearchType.ToWire())
        .Add("showres", Reseller);
}

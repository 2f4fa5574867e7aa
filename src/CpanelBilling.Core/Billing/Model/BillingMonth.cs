using System;
using System.Globalization;

namespace CpanelBilling.Core.Billing;

/// <summary>A calendar month (UTC) that bandwidth is counted in.</summary>
public readonly struct BillingMonth : IEquatable<BillingMonth>, IComparable<BillingMonth>
{
    public BillingMonth(int year, int month)
    {
        if (year < 1970 || year > 2200)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "The year must be between 1970 and 2200 (as WHM's showbw accepts).");
        }

        if (month < 1 || month > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "The month must be between 1 and 12.");
        }

        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    /// <summary>The month a UTC time falls in.</summary>
    public static BillingMonth Of(DateTime utc) => new BillingMonth(utc.Year, utc.Month);

    /// <summary>The stored form, yyyymm (202405 for May 2024).</summary>
    internal int Period => Year * 100 + Month;

    internal static BillingMonth FromPeriod(int period) => new BillingMonth(period / 100, period % 100);

    public override string ToString() => Year.ToString("0000", CultureInfo.InvariantCulture) + "-" + Month.ToString("00", CultureInfo.InvariantCulture);

    public bool Equals(BillingMonth other) => Year == other.Year && Month == other.Month;

    public override bool Equals(object? obj) => obj is BillingMonth other && Equals(other);

    public override int GetHashCode() => Period;

    public int CompareTo(BillingMonth other) => Period.CompareTo(other.Period);

    public static bool operator ==(BillingMonth left, BillingMonth right) => left.Equals(right);

    public static bool operator !=(BillingMonth left, BillingMonth right) => !left.Equals(right);
}

using System;
using System.Globalization;

namespace CpanelBilling.Core.Billing;

/// <summary>
/// A cPanel limit: a count (or megabytes, depending on the limit) or "unlimited". WHM writes limits as strings
/// (<c>"10"</c>, <c>"unlimited"</c>); this type keeps the two cases apart so nobody compares strings. What a
/// count of 0 means differs per WHM key (for MAXPARK it is "none", for createacct's bwlimit "unlimited"): the
/// value keeps what the server said and leaves that reading to the caller.
/// </summary>
public readonly struct LimitValue : IEquatable<LimitValue>
{
    /// <summary>The text WHM uses for an unlimited value.</summary>
    public const string UnlimitedText = "unlimited";

    private readonly long _count;

    private LimitValue(long count, bool isUnlimited)
    {
        _count = count;
        IsUnlimited = isUnlimited;
    }

    public static LimitValue Unlimited { get; } = new LimitValue(0, isUnlimited: true);

    public bool IsUnlimited { get; }

    /// <summary>The count, or null when unlimited.</summary>
    public long? Count => IsUnlimited ? null : _count;

    public static LimitValue Of(long count)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A limit is 0 or more; use LimitValue.Unlimited for no limit.");
        }

        return new LimitValue(count, isUnlimited: false);
    }

    /// <summary>Reads a WHM value: <c>unlimited</c> (any case) or a non-negative integer, surrounding blanks ignored.</summary>
    public static bool TryParse(string? text, out LimitValue value)
    {
        value = default;
        if (text == null)
        {
            return false;
        }

        string trimmed = text.Trim();
        if (string.Equals(trimmed, UnlimitedText, StringComparison.OrdinalIgnoreCase))
        {
            value = Unlimited;
            return true;
        }

        if (long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out long count))
        {
            value = Of(count);
            return true;
        }

        return false;
    }

    public static LimitValue Parse(string text)
    {
        if (TryParse(text, out LimitValue value))
        {
            return value;
        }

        throw new FormatException("A limit is a non-negative whole number or 'unlimited'.");
    }

    /// <summary>The value as WHM writes it: the number, or <c>unlimited</c>.</summary>
    public override string ToString() => IsUnlimited ? UnlimitedText : _count.ToString(CultureInfo.InvariantCulture);

    public bool Equals(LimitValue other) => IsUnlimited == other.IsUnlimited && _count == other._count;

    public override bool Equals(object? obj) => obj is LimitValue other && Equals(other);

    public override int GetHashCode() => IsUnlimited ? -1 : _count.GetHashCode();

    public static bool operator ==(LimitValue left, LimitValue right) => left.Equals(right);

    public static bool operator !=(LimitValue left, LimitValue right) => !left.Equals(right);
}

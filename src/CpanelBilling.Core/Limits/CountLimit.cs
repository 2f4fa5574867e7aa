using System;
using System.Globalization;

namespace CpanelBilling.Core;

/// <summary>
/// A limit on a number of things (FTP accounts, databases, addon domains …): a count, or unlimited. Zero is a real
/// count here, as packages and modifyacct read it. createacct reads <c>0</c> as unlimited for maxftp, maxsql, maxpop,
/// maxlst and maxsub, so <see cref="Whm.CreateAccountRequest"/> refuses a zero there instead of widening it. On the
/// wire an unlimited value is always sent as <c>unlimited</c>.
/// </summary>
public readonly struct CountLimit : IEquatable<CountLimit>
{
    private const string UnlimitedText = "unlimited";
    private readonly int count;
    private readonly bool isLimited;

    private CountLimit(int count)
    {
        this.count = count;
        isLimited = true;
    }

    public static CountLimit Unlimited => default;

    public bool IsUnlimited => !isLimited;

    /// <summary>The count, or null when unlimited.</summary>
    public int? Value => isLimited ? count : null;

    public static CountLimit Of(int count)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A limit cannot be negative.");
        }

        return new CountLimit(count);
    }

    public static implicit operator CountLimit(int count) => Of(count);

    /// <summary>Reads <c>unlimited</c> (any case) or a non-negative integer.</summary>
    public static CountLimit Parse(string text) =>
        TryParse(text, out CountLimit limit)
            ? limit
            : throw new FormatException($"'{text}' is not a count or 'unlimited'.");

    public static bool TryParse(string? text, out CountLimit limit)
    {
        limit = Unlimited;
        string trimmed = text?.Trim() ?? string.Empty;
        if (string.Equals(trimmed, UnlimitedText, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (AsciiDigits.Only(trimmed) && int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed))
        {
            limit = new CountLimit(parsed);
            return true;
        }

        return false;
    }

    /// <summary>The wire form: <c>unlimited</c> or the count.</summary>
    public override string ToString() => isLimited ? count.ToString(CultureInfo.InvariantCulture) : UnlimitedText;

    public bool Equals(CountLimit other) => isLimited == other.isLimited && count == other.count;

    public override bool Equals(object? obj) => obj is CountLimit other && Equals(other);

    public override int GetHashCode() => isLimited ? count : -1;

    public static bool operator ==(CountLimit left, CountLimit right) => left.Equals(right);

    public static bool operator !=(CountLimit left, CountLimit right) => !left.Equals(right);
}

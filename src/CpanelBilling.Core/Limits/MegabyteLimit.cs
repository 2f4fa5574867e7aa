using System;
using System.Globalization;

namespace CpanelBilling.Core;

/// <summary>
/// A size limit in megabytes (disk quota, bandwidth, e-mail account quota), or unlimited. cPanel treats 0 MB as
/// unlimited everywhere, so a limit is either a positive number of megabytes or <see cref="Unlimited"/>; reading
/// <c>0</c> gives Unlimited. On the wire an unlimited value is always sent as <c>unlimited</c>.
/// </summary>
public readonly struct MegabyteLimit : IEquatable<MegabyteLimit>
{
    private const string UnlimitedText = "unlimited";
    private readonly long megabytes;

    private MegabyteLimit(long megabytes) => this.megabytes = megabytes;

    public static MegabyteLimit Unlimited => default;

    public bool IsUnlimited => megabytes == 0;

    /// <summary>The limit in megabytes, or null when unlimited.</summary>
    public long? Megabytes => megabytes == 0 ? null : megabytes;

    public static MegabyteLimit Of(long megabytes)
    {
        if (megabytes <= 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(megabytes), megabytes, "A size limit must be at least 1 MB; cPanel reads 0 as unlimited, so say MegabyteLimit.Unlimited.");
        }

        return new MegabyteLimit(megabytes);
    }

    public static implicit operator MegabyteLimit(long megabytes) => Of(megabytes);

    /// <summary>Reads <c>unlimited</c> (any case), or a whole number of megabytes with an optional <c>M</c> suffix.</summary>
    public static MegabyteLimit Parse(string text) =>
        TryParse(text, out MegabyteLimit limit)
            ? limit
            : throw new FormatException($"'{text}' is not a number of megabytes or 'unlimited'.");

    public static bool TryParse(string? text, out MegabyteLimit limit)
    {
        limit = Unlimited;
        string trimmed = text?.Trim() ?? string.Empty;
        if (string.Equals(trimmed, UnlimitedText, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // listaccts reports disk limits as "500M".
        if (trimmed.EndsWith("M", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed.Substring(0, trimmed.Length - 1);
        }

        if (AsciiDigits.Only(trimmed) && long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out long parsed))
        {
            limit = new MegabyteLimit(parsed);
            return true;
        }

        return false;
    }

    /// <summary>The wire form: <c>unlimited</c> or the number of megabytes.</summary>
    public override string ToString() => megabytes == 0 ? UnlimitedText : megabytes.ToString(CultureInfo.InvariantCulture);

    public bool Equals(MegabyteLimit other) => megabytes == other.megabytes;

    public override bool Equals(object? obj) => obj is MegabyteLimit other && Equals(other);

    public override int GetHashCode() => megabytes.GetHashCode();

    public static bool operator ==(MegabyteLimit left, MegabyteLimit right) => left.Equals(right);

    public static bool operator !=(MegabyteLimit left, MegabyteLimit right) => !left.Equals(right);
}

using System;
using System.Globalization;

namespace CpanelBilling.WhmSimulator.Api;

/// <summary>Small text helpers for cPanel's wording.</summary>
internal static class CpanelText
{
    /// <summary>Wraps a value in the curly quotes cPanel's locale strings use: “value”.</summary>
    public static string Quote(string value) => "\u201C" + value + "\u201D";

    /// <summary>Bytes as cPanel's format_bytes shows them: <c>512 bytes</c>, <c>1.5 KB</c>, <c>500 MB</c>, <c>1 GB</c>.</summary>
    public static string FormatBytes(long bytes)
    {
        string[] units = { "KB", "MB", "GB", "TB", "PB" };
        if (bytes < 1024)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + " bytes";
        }

        double value = bytes;
        var unit = -1;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    /// <summary>The server-local date format listaccts uses for <c>startdate</c>: <c>yy Mon dd HH:mm</c>.</summary>
    public static string StartDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yy MMM dd HH:mm", CultureInfo.InvariantCulture);
}

using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CpanelBilling.Testing.Fuzzing;

/// <summary>Shows generated values in failure messages: quoted, control characters and non-ASCII escaped, long text shortened.</summary>
public static class FuzzText
{
    /// <summary>A value as a failure message shows it: quoted, escaped, shortened.</summary>
    public static string Show(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        const int Shown = 60;
        var text = new StringBuilder("\"");
        foreach (char c in value.Length > Shown ? value.Substring(0, Shown) : value)
        {
            text.Append(c is >= ' ' and <= '~' && c != '"' && c != '\\'
                ? c.ToString()
                : "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }

        text.Append('"');
        return value.Length > Shown ? text + $"…({value.Length.ToString(CultureInfo.InvariantCulture)} chars)" : text.ToString();
    }

    public static string Show(params (string Name, object? Value)[] inputs) =>
        string.Join(", ", inputs.Select(i => i.Name + "=" + (i.Value is string or null ? Show((string?)i.Value) : Convert.ToString(i.Value, CultureInfo.InvariantCulture))));
}

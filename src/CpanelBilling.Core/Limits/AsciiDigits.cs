namespace CpanelBilling.Core;

/// <summary>
/// Whether text is a number as admins and WHM write one: ASCII digits and nothing else. .NET's integer parsing
/// also takes trailing NUL characters ("342\0" reads as 342), so a value with garbage after it would pass as a
/// limit; parse only text this accepts.
/// </summary>
internal static class AsciiDigits
{
    public static bool Only(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }
}

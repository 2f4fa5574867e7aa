namespace CpanelBilling.Core.Operations;

/// <summary>
/// Checks on free text that goes to a server and into billing. Both take it as UTF-8 (the form body, the database),
/// where half of a surrogate pair has no form: it would become U+FFFD on the way, and billing and the server would
/// keep something other than what was given.
/// </summary>
internal static class InputText
{
    /// <summary>True when every surrogate is half of a pair.</summary>
    public static bool IsWellFormed(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Well-formed text without control characters and without Unicode's line and paragraph separators.</summary>
    public static bool IsOneLine(string text)
    {
        foreach (char c in text)
        {
            if (char.IsControl(c) || c == '\u2028' || c == '\u2029')
            {
                return false;
            }
        }

        return IsWellFormed(text);
    }
}

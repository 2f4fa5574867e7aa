namespace CpanelBilling.Core.Operations.Accounts.Validation;

/// <summary>
/// Lower case for cPanel names, which are ASCII: only A–Z change. Unicode case mapping would turn look-alikes into
/// ASCII letters (the Kelvin sign K into k, the dotted capital I into i), so a name typed or pasted with one would
/// pass validation as another name than the one given.
/// </summary>
internal static class AsciiCase
{
    public static string ToLower(string text)
    {
        char[] lowered = text.ToCharArray();
        for (int i = 0; i < lowered.Length; i++)
        {
            if (lowered[i] is >= 'A' and <= 'Z')
            {
                lowered[i] = (char)(lowered[i] + ('a' - 'A'));
            }
        }

        return new string(lowered);
    }
}

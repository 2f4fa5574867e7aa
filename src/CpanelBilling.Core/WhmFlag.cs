namespace CpanelBilling.Core;

/// <summary>
/// WHM's yes/no text. Package files write <c>y</c>/<c>n</c>, most parameters and results <c>1</c>/<c>0</c>, a few
/// results <c>yes</c>; JSON booleans reach here as 1/0.
/// </summary>
internal static class WhmFlag
{
    /// <summary>False when the text is none of the known spellings (the value is then false too).</summary>
    public static bool TryParse(string? text, out bool value)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "1":
            case "y":
            case "yes":
                value = true;
                return true;
            case "0":
            case "n":
            case "no":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}

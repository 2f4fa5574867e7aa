using System;
using System.Linq;

namespace CpanelBilling.WhmSimulator.Validation;

/// <summary>
/// An approximation of cPanel's password strength meter (0–100) and the default minimum of 65 it enforces. The
/// real meter is more elaborate; this one only rates length and character variety, which is enough to reject the
/// short or single-class passwords the real server also refuses.
/// </summary>
internal static class PasswordStrength
{
    public const int Required = 65;

    public static string WeakMessage =>
        "Sorry, the password you selected cannot be used because it is too weak and would be too easy to guess. "
        + $"Please select a password with strength rating of {Required} or higher.";

    public static int Rate(string password)
    {
        var pool = 0;
        pool += password.Any(char.IsAsciiLetterLower) ? 26 : 0;
        pool += password.Any(char.IsAsciiLetterUpper) ? 26 : 0;
        pool += password.Any(char.IsAsciiDigit) ? 10 : 0;
        pool += password.Any(c => !char.IsAsciiLetterOrDigit(c)) ? 33 : 0;
        if (pool == 0)
        {
            return 0;
        }

        // 80 bits of estimated entropy rate 100.
        var bits = password.Length * Math.Log2(pool);
        return (int)Math.Min(100, bits * 100 / 80);
    }

    public static bool IsStrongEnough(string password) => Rate(password) >= Required;
}

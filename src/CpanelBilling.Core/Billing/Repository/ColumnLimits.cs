using System;

namespace CpanelBilling.Core.Billing;

/// <summary>
/// Checks and tidies values before they are stored. The lengths are those of the SQL Server columns, enforced
/// here for both backends so a value SQLite would take is not refused later by SQL Server (or truncated).
/// </summary>
internal static class ColumnLimits
{
    public const int ServerName = 100;
    public const int HostName = 255;
    public const int WhmUser = 64;
    public const int TokenVault = 128;
    public const int TokenSecret = 256;
    public const int Thumbprint = 128;
    public const int PackageName = 255;
    public const int PackageText = 255;
    public const int PackageShortText = 64;
    public const int PlanName = 100;
    public const int CustomerLogin = 100;
    public const int DisplayName = 200;
    public const int Email = 254;
    public const int DomainName = 254;
    public const int UserName = 16;
    public const int SuspendReason = 1000;
    public const int Address = 45;
    public const int JournalFunction = 64;
    public const int JournalUserName = 64;
    public const int Actor = 200;
    public const int LeaseOwner = 200;

    /// <summary>A required value: trimmed, not empty, not longer than <paramref name="maxLength"/>.</summary>
    public static string Required(string? value, string what, int maxLength)
    {
        string trimmed = (value ?? "").Trim();
        if (trimmed.Length == 0)
        {
            throw new BillingInvalidValueException($"The {what} is empty; give one.", what);
        }

        return CheckLength(trimmed, what, maxLength);
    }

    /// <summary>An optional value: trimmed; empty becomes null.</summary>
    public static string? Optional(string? value, string what, int maxLength)
    {
        string? trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : CheckLength(trimmed!, what, maxLength);
    }

    /// <summary>cPanel lowercases user names and compares domains without case; billing stores both lower case.</summary>
    public static string Lowered(string? value, string what, int maxLength) =>
        Required(value, what, maxLength).ToLowerInvariant();

    public static int Positive(int value, string what)
    {
        if (value < 1)
        {
            throw new BillingInvalidValueException($"The {what} must be at least 1 (it is {value}).", what);
        }

        return value;
    }

    public static int Port(int value)
    {
        if (value < 1 || value > 65535)
        {
            throw new BillingInvalidValueException($"The port must be between 1 and 65535 (it is {value}).", "port");
        }

        return value;
    }

    public static TimeSpan PositiveDuration(TimeSpan value, string what)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new BillingInvalidValueException($"The {what} must be longer than zero.", what);
        }

        return value;
    }

    private static string CheckLength(string value, string what, int maxLength)
    {
        if (value.Length > maxLength)
        {
            throw new BillingInvalidValueException($"The {what} is {value.Length} characters long; at most {maxLength} are allowed.", what);
        }

        return value;
    }
}

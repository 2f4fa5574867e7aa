using System;
using System.Globalization;
using System.Linq;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Core.Operations.Accounts.Validation;

/// <summary>Checks what callers give account operations, before anything is sent or stored.</summary>
internal static class AccountInput
{
    /// <summary>The largest count cPanel limits are set to here; beyond that, say unlimited.</summary>
    public const int MaxCount = 999;

    /// <summary>The largest size in megabytes (1 PiB); beyond that, say unlimited.</summary>
    public const long MaxMegabytes = 1L << 30;

    /// <summary>The longest suspension reason billing keeps.</summary>
    public const int MaxSuspendReasonLength = 1000;

    public static string UserName(string? given)
    {
        string name = (given ?? "").Trim().ToLowerInvariant();
        string? problem = CpanelUserName.Problem(name);
        return problem == null ? name : throw AccountOperationException.Invalid(AccountErrorIds.InvalidUserName, problem, given);
    }

    public static string Domain(string? given)
    {
        string domain = CpanelDomainName.Normalize(given ?? "");
        string? problem = CpanelDomainName.Problem(domain);
        return problem == null ? domain : throw AccountOperationException.Invalid(AccountErrorIds.InvalidDomain, problem, given);
    }

    public static string Name(string? given, string what)
    {
        string name = (given ?? "").Trim();
        return name.Length > 0
            ? name
            : throw AccountOperationException.Invalid(AccountErrorIds.InvalidRequest, $"The {what} is empty; give one.", what);
    }

    /// <summary>An optional contact address: one @ with text on both sides, no spaces, at most 254 characters.</summary>
    public static string? ContactEmail(string? given)
    {
        string? email = string.IsNullOrWhiteSpace(given) ? null : given!.Trim();
        if (email == null)
        {
            return null;
        }

        int at = email.IndexOf('@');
        bool valid = email.Length <= 254 && at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1 && !email.Any(char.IsWhiteSpace);
        return valid
            ? email
            : throw AccountOperationException.Invalid(AccountErrorIds.InvalidContactEmail, $"'{email}' is not an e-mail address.", "ContactEmail");
    }

    /// <summary>A suspension reason: optional, trimmed, at most 1000 characters, one line.</summary>
    public static string? SuspendReason(string? given)
    {
        string? reason = string.IsNullOrWhiteSpace(given) ? null : given!.Trim();
        if (reason == null)
        {
            return null;
        }

        if (reason.Length > MaxSuspendReasonLength)
        {
            throw AccountOperationException.Invalid(
                AccountErrorIds.InvalidSuspendReason,
                $"The suspension reason has {reason.Length} characters; at most {MaxSuspendReasonLength} are kept.",
                "reason");
        }

        return reason.Any(char.IsControl)
            ? throw AccountOperationException.Invalid(AccountErrorIds.InvalidSuspendReason, "The suspension reason must be one line of text, without control characters.", "reason")
            : reason;
    }

    /// <summary>Counts 0–999 or unlimited, sizes 1 MB–1 PiB or unlimited; null limits are not looked at.</summary>
    public static AccountLimits Limits(AccountLimits? limits)
    {
        if (limits == null)
        {
            return new AccountLimits();
        }

        Size(AccountLimitKind.Bandwidth, limits.Bandwidth);
        Size(AccountLimitKind.Disk, limits.Disk);
        Count(AccountLimitKind.EmailAccounts, limits.EmailAccounts);
        Count(AccountLimitKind.Databases, limits.Databases);
        Count(AccountLimitKind.AddonDomains, limits.AddonDomains);
        return limits;
    }

    private static void Size(AccountLimitKind kind, MegabyteLimit? limit)
    {
        if (limit?.Megabytes is { } megabytes && megabytes > MaxMegabytes)
        {
            throw OutOfRange(kind, megabytes, "1 to " + MaxMegabytes.ToString(CultureInfo.InvariantCulture) + " MB");
        }
    }

    private static void Count(AccountLimitKind kind, CountLimit? limit)
    {
        if (limit?.Value is { } count && count > MaxCount)
        {
            throw OutOfRange(kind, count, "0 to " + MaxCount.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static AccountOperationException OutOfRange(AccountLimitKind kind, long value, string range) =>
        AccountOperationException.Invalid(
            AccountErrorIds.InvalidLimit,
            $"The {kind.Describe()} limit {value.ToString(CultureInfo.InvariantCulture)} is out of range: give {range}, or unlimited.",
            kind.ToString());
}

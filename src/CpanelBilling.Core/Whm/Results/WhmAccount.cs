using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// One account as listaccts and accountsummary describe it. Values WHM reports as unknown ("*unknown*") or leaves
/// out (see <see cref="AccountQuery.Fields"/>) are null.
/// </summary>
public sealed class WhmAccount
{
    public string User { get; private set; } = string.Empty;

    public string? Domain { get; private set; }

    public string? Ip { get; private set; }

    public IReadOnlyList<string> Ipv6 { get; private set; } = Array.Empty<string>();

    /// <summary>The package; null when the account has none ("undefined").</summary>
    public string? Plan { get; private set; }

    public string? Owner { get; private set; }

    public string? ContactEmail { get; private set; }

    public string? Theme { get; private set; }

    public string? Shell { get; private set; }

    /// <summary>The first component of the home directory, e.g. home or home2.</summary>
    public string? Partition { get; private set; }

    public long? Uid { get; private set; }

    public DateTimeOffset? StartDate { get; private set; }

    public bool IsSuspended { get; private set; }

    /// <summary>The suspension reason; null when not suspended or suspended without a reason.</summary>
    public string? SuspendReason { get; private set; }

    public DateTimeOffset? SuspendedAt { get; private set; }

    /// <summary>Suspended with disallowun: only root may unsuspend.</summary>
    public bool IsLocked { get; private set; }

    public long? DiskUsedMegabytes { get; private set; }

    public MegabyteLimit? DiskLimit { get; private set; }

    public long? InodesUsed { get; private set; }

    public CountLimit? InodesLimit { get; private set; }

    public CountLimit? MaxFtp { get; private set; }

    public CountLimit? MaxSql { get; private set; }

    public CountLimit? MaxPop { get; private set; }

    public CountLimit? MaxLists { get; private set; }

    public CountLimit? MaxSubdomains { get; private set; }

    public CountLimit? MaxParked { get; private set; }

    public CountLimit? MaxAddons { get; private set; }

    public CountLimit? MaxEmailPerHour { get; private set; }

    public CountLimit? MaxDeferFailPercentage { get; private set; }

    public MegabyteLimit? MaxEmailAccountQuota { get; private set; }

    public bool BackupEnabled { get; private set; }

    public string? MailboxFormat { get; private set; }

    public bool OutgoingMailSuspended { get; private set; }

    public bool OutgoingMailHold { get; private set; }

    /// <summary>The account has a temporary domain.</summary>
    public bool IsTemporary { get; private set; }

    public override string ToString() => Domain is null ? User : User + " (" + Domain + ")";

    internal static WhmAccount FromJson(JsonElement acct)
    {
        bool suspended = JsonValues.GetFlag(acct, "suspended");
        string? plan = JsonValues.GetString(acct, "plan");
        return new WhmAccount
        {
            User = JsonValues.GetRequiredString(acct, "user"),
            Domain = JsonValues.GetString(acct, "domain"),
            Ip = JsonValues.GetString(acct, "ip"),
            Ipv6 = JsonValues.GetStringList(acct, "ipv6"),
            Plan = plan == "undefined" ? null : plan,
            Owner = JsonValues.GetString(acct, "owner"),
            ContactEmail = JsonValues.GetString(acct, "email"),
            Theme = JsonValues.GetString(acct, "theme"),
            Shell = JsonValues.GetString(acct, "shell"),
            Partition = JsonValues.GetString(acct, "partition"),
            Uid = JsonValues.GetInt64(acct, "uid"),
            StartDate = JsonValues.GetUnixTime(acct, "unix_startdate"),
            IsSuspended = suspended,
            // "not suspended" is the placeholder for active accounts; "*unknown*" (read as null) for no reason given.
            SuspendReason = suspended ? JsonValues.GetString(acct, "suspendreason") : null,
            SuspendedAt = suspended ? JsonValues.GetUnixTime(acct, "suspendtime") : null,
            IsLocked = JsonValues.GetFlag(acct, "is_locked"),
            DiskUsedMegabytes = JsonValues.GetMegabytesUsed(acct, "diskused"),
            DiskLimit = JsonValues.GetMegabyteLimit(acct, "disklimit"),
            InodesUsed = JsonValues.GetString(acct, "inodesused") == "none" ? 0 : JsonValues.GetInt64(acct, "inodesused"),
            InodesLimit = JsonValues.GetCountLimit(acct, "inodeslimit"),
            MaxFtp = JsonValues.GetCountLimit(acct, "maxftp"),
            MaxSql = JsonValues.GetCountLimit(acct, "maxsql"),
            MaxPop = JsonValues.GetCountLimit(acct, "maxpop"),
            MaxLists = JsonValues.GetCountLimit(acct, "maxlst"),
            MaxSubdomains = JsonValues.GetCountLimit(acct, "maxsub"),
            MaxParked = JsonValues.GetCountLimit(acct, "maxparked"),
            MaxAddons = JsonValues.GetCountLimit(acct, "maxaddons"),
            MaxEmailPerHour = JsonValues.GetCountLimit(acct, "max_email_per_hour"),
            MaxDeferFailPercentage = JsonValues.GetCountLimit(acct, "max_defer_fail_percentage"),
            MaxEmailAccountQuota = JsonValues.GetMegabyteLimit(acct, "max_emailacct_quota"),
            BackupEnabled = JsonValues.GetFlag(acct, "backup"),
            MailboxFormat = JsonValues.GetString(acct, "mailbox_format"),
            OutgoingMailSuspended = JsonValues.GetFlag(acct, "outgoing_mail_suspended"),
            OutgoingMailHold = JsonValues.GetFlag(acct, "outgoing_mail_hold"),
            IsTemporary = JsonValues.GetFlag(acct, "temporary"),
        };
    }
}

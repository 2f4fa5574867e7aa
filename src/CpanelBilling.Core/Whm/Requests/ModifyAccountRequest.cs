using System;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// The arguments of modifyacct. A null option is not sent and stays as it is. Disk quota and bandwidth are not
/// here: use editquota and limitbw, whose units are unambiguous (modifyacct's BWLIMIT unit is documented
/// inconsistently). Count limits set to 0 allow none: modifyacct, unlike createacct, does not read 0 as unlimited.
/// cPanel warns that a later package change overwrites per-account values.
/// </summary>
public sealed class ModifyAccountRequest
{
    public ModifyAccountRequest(string user)
    {
        if (string.IsNullOrWhiteSpace(user))
        {
            throw new ArgumentException("The user name must not be empty.", nameof(user));
        }

        User = user;
    }

    /// <summary>The account's current user name.</summary>
    public string User { get; }

    /// <summary>newuser: rename the account.</summary>
    public string? NewUser { get; set; }

    /// <summary>domain: the new main domain.</summary>
    public string? Domain { get; set; }

    /// <summary>owner: give the account to root or another reseller (root only).</summary>
    public string? Owner { get; set; }

    public string? ContactEmail { get; set; }

    public CountLimit? MaxFtp { get; set; }

    public CountLimit? MaxSql { get; set; }

    public CountLimit? MaxPop { get; set; }

    public CountLimit? MaxLists { get; set; }

    public CountLimit? MaxSubdomains { get; set; }

    public CountLimit? MaxParked { get; set; }

    public CountLimit? MaxAddons { get; set; }

    public CountLimit? MaxPassengerApps { get; set; }

    public CountLimit? MaxEmailPerHour { get; set; }

    public CountLimit? MaxDeferFailPercentage { get; set; }

    public MegabyteLimit? MaxEmailAccountQuota { get; set; }

    public int? MaxTeamUsers { get; set; }

    public bool? HasCgi { get; set; }

    public bool? HasShell { get; set; }

    public bool? HasDkim { get; set; }

    public bool? HasSpf { get; set; }

    public bool? HasDmarc { get; set; }

    public bool? Backup { get; set; }

    public bool? OutgoingEmailSuspended { get; set; }

    public bool? Reseller { get; set; }

    public bool? SpamAssassin { get; set; }

    /// <summary>RS: the cPanel theme.</summary>
    public string? Theme { get; set; }

    /// <summary>LOCALE, e.g. en.</summary>
    public string? Locale { get; set; }

    public MailboxFormat? MailboxFormat { get; set; }

    /// <summary>rename_database_objects: with <see cref="NewUser"/>, rename the account's databases and database users too.</summary>
    public bool? RenameDatabaseObjects { get; set; }

    /// <summary>update_existing_email_account_quotas: apply <see cref="MaxEmailAccountQuota"/> to existing mailboxes.</summary>
    public bool? UpdateExistingEmailAccountQuotas { get; set; }

    internal WhmParameters ToParameters() => new WhmParameters()
        .Add("user", User)
        .Add("newuser", NewUser)
        .Add("domain", Domain)
        .Add("owner", Owner)
        .Add("contactemail", ContactEmail)
        .Add("MAXFTP", MaxFtp)
        .Add("MAXSQL", MaxSql)
        .Add("MAXPOP", MaxPop)
        .Add("MAXLST", MaxLists)
        .Add("MAXSUB", MaxSubdomains)
        .Add("MAXPARK", MaxParked)
        .Add("MAXADDON", MaxAddons)
        .Add("MAXPASSENGERAPPS", MaxPassengerApps)
        .Add("MAX_EMAIL_PER_HOUR", MaxEmailPerHour)
        .Add("MAX_DEFER_FAIL_PERCENTAGE", MaxDeferFailPercentage)
        .Add("MAX_EMAILACCT_QUOTA", MaxEmailAccountQuota)
        .Add("max_team_users", MaxTeamUsers)
        .Add("HASCGI", HasCgi)
        .Add("HASSHELL", HasShell)
        .Add("HASDKIM", HasDkim)
        .Add("HASSPF", HasSpf)
        .Add("HASDMARC", HasDmarc)
        .Add("BACKUP", Backup)
        .Add("OUTGOING_EMAIL_SUSPENDED", OutgoingEmailSuspended)
        .Add("reseller", Reseller)
        .Add("spamassassin", SpamAssassin)
        .Add("RS", Theme)
        .Add("LOCALE", Locale)
        .Add("MAILBOX_FORMAT", MailboxFormat.ToWire())
        .Add("rename_database_objects", RenameDatabaseObjects)
        .Add("update_existing_email_account_quotas", UpdateExistingEmailAccountQuotas);
}

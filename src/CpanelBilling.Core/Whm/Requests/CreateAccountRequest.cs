using System;
using System.Collections.Generic;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// The arguments of createacct. Every option is optional except the user name; a null option is not sent, so the
/// server (or the chosen <see cref="Plan"/>) decides. cPanel advises leaving the limits to the plan.
/// </summary>
public sealed class CreateAccountRequest
{
    public CreateAccountRequest(string username, string? domain)
    {
        if (string.IsNullOrWhiteSpace(username))
        {
            throw new ArgumentException("The user name must not be empty.", nameof(username));
        }

        Username = username;
        Domain = domain;
    }

    private CountLimit? maxFtp;
    private CountLimit? maxSql;
    private CountLimit? maxPop;
    private CountLimit? maxLists;
    private CountLimit? maxSubdomains;

    public string Username { get; }

    /// <summary>The main domain. Without one, cPanel creates a temporary domain.</summary>
    public string? Domain { get; }

    /// <summary>The account password. Without one, cPanel generates a password (which then appears only masked in results and logs).</summary>
    public WhmSecret? Password { get; set; }

    /// <summary>The package (hosting plan). A reseller's own packages are named <c>reseller_name</c>.</summary>
    public string? Plan { get; set; }

    /// <summary>savepkg: save these settings as a new package, named <see cref="NewPackageName"/>.</summary>
    public bool? SaveAsPackage { get; set; }

    /// <summary>pkgname: the name of the package saved with <see cref="SaveAsPackage"/>.</summary>
    public string? NewPackageName { get; set; }

    public string? FeatureList { get; set; }

    /// <summary>Disk quota. Sent as a number of megabytes, unlimited as 0 (createacct's quota does not take the word).</summary>
    public MegabyteLimit? Quota { get; set; }

    public MegabyteLimit? BandwidthLimit { get; set; }

    /// <summary>ip=y: give the account a dedicated IP address from the free pool.</summary>
    public bool? DedicatedIp { get; set; }

    /// <summary>customip: the account's IP address, chosen by the caller.</summary>
    public string? CustomIp { get; set; }

    public bool? Cgi { get; set; }

    public bool? HasShell { get; set; }

    public bool? SpamAssassin { get; set; }

    /// <summary>spambox (y/n); needs SpamAssassin.</summary>
    public bool? SpamBox { get; set; }

    public bool? Dkim { get; set; }

    public bool? Spf { get; set; }

    public bool? Dmarc { get; set; }

    public bool? Reseller { get; set; }

    public bool? ResellerWithoutDomain { get; set; }

    /// <summary>forcedns: overwrite an existing DNS zone for the domain (root only).</summary>
    public bool? ForceDns { get; set; }

    /// <summary>useregns (sent together with hasuseregns, as cPanel requires): use the domain's registered nameservers.</summary>
    public bool? UseRegisteredNameservers { get; set; }

    public bool? DigestAuth { get; set; }

    /// <summary>ownerself: the account owns itself; ignored when <see cref="Owner"/> is set.</summary>
    public bool? OwnerSelf { get; set; }

    /// <summary>frontpage: accepted for compatibility; cPanel ignores it.</summary>
    public bool? FrontPage { get; set; }

    /// <summary>showpass: whether cPanel writes the password into its raw output. Off unless set; the client masks it anyway.</summary>
    public bool ShowPasswordInOutput { get; set; }

    /// <summary>cpmod: the cPanel theme, e.g. jupiter.</summary>
    public string? Theme { get; set; }

    public string? ContactEmail { get; set; }

    /// <summary>The locale, e.g. en.</summary>
    public string? Language { get; set; }

    /// <summary>root or a reseller. Non-root callers may only name themselves.</summary>
    public string? Owner { get; set; }

    /// <summary>maxftp: FTP accounts. Cannot be 0 (see <see cref="MaxPop"/>).</summary>
    public CountLimit? MaxFtp
    {
        get => maxFtp;
        set => maxFtp = NotZero(value, "maxftp", nameof(MaxFtp));
    }

    /// <summary>maxsql: databases. Cannot be 0 (see <see cref="MaxPop"/>).</summary>
    public CountLimit? MaxSql
    {
        get => maxSql;
        set => maxSql = NotZero(value, "maxsql", nameof(MaxSql));
    }

    /// <summary>
    /// maxpop: e-mail accounts. createacct reads 0 as unlimited for maxftp, maxsql, maxpop, maxlst and maxsub, so a
    /// limit of 0 is refused here rather than sent and widened; allow none through the plan or a later modifyacct.
    /// </summary>
    public CountLimit? MaxPop
    {
        get => maxPop;
        set => maxPop = NotZero(value, "maxpop", nameof(MaxPop));
    }

    /// <summary>maxlst: mailing lists. Cannot be 0 (see <see cref="MaxPop"/>).</summary>
    public CountLimit? MaxLists
    {
        get => maxLists;
        set => maxLists = NotZero(value, "maxlst", nameof(MaxLists));
    }

    /// <summary>maxsub: subdomains. Cannot be 0 (see <see cref="MaxPop"/>).</summary>
    public CountLimit? MaxSubdomains
    {
        get => maxSubdomains;
        set => maxSubdomains = NotZero(value, "maxsub", nameof(MaxSubdomains));
    }

    /// <summary>maxpark: parked domains (aliases). Here 0 means none, as createacct reads it.</summary>
    public CountLimit? MaxParked { get; set; }

    /// <summary>maxaddon: addon domains. Here 0 means none, as createacct reads it.</summary>
    public CountLimit? MaxAddons { get; set; }

    public CountLimit? MaxEmailPerHour { get; set; }

    public CountLimit? MaxDeferFailPercentage { get; set; }

    /// <summary>max_emailacct_quota: the largest quota of one e-mail account.</summary>
    public MegabyteLimit? MaxEmailAccountQuota { get; set; }

    public int? MaxTeamUsers { get; set; }

    /// <summary>mxcheck: the mail exchanger role for the domain.</summary>
    public MailExchangerType? MailExchanger { get; set; }

    public MailboxFormat? MailboxFormat { get; set; }

    /// <summary>homedir (root only).</summary>
    public string? HomeDirectory { get; set; }

    /// <summary>uid (root only).</summary>
    public int? Uid { get; set; }

    /// <summary>gid (root only).</summary>
    public int? Gid { get; set; }

    /// <summary>mail_node_alias: a linked mail server on which to create the account too.</summary>
    public string? MailNodeAlias { get; set; }

    /// <summary>account_enhancements: names of Account Enhancements to assign.</summary>
    public IList<string> AccountEnhancements { get; } = new List<string>();

    // whm-api-facts §4.1: for these createacct arguments 0 means unlimited; sending a count of 0 would widen it.
    // The same property on ModifyAccountRequest sends the real 0.
    private static CountLimit? NotZero(CountLimit? value, string argument, string property) =>
        value?.Value == 0
            ? throw new ArgumentOutOfRangeException(
                property,
                $"createacct reads {argument}=0 as unlimited, so a limit of 0 cannot be sent when creating an account. "
                + $"To allow none, create the account with a package that sets it to 0, or set {nameof(ModifyAccountRequest)}.{property} to 0 afterwards (modifyacct keeps 0 as 0).")
            : value;

    internal WhmParameters ToParameters() => new WhmParameters()
        .Add("username", Username)
        .Add("domain", Domain)
        .AddSecret("password", Password)
        .Add("plan", Plan)
        .Add("savepkg", SaveAsPackage)
        .Add("pkgname", NewPackageName)
        .Add("featurelist", FeatureList)
        .Add("quota", Quota, unlimitedAsZero: true)
        .Add("bwlimit", BandwidthLimit)
        .AddYesNo("ip", DedicatedIp)
        .Add("customip", CustomIp)
        .Add("cgi", Cgi)
        .Add("hasshell", HasShell)
        .Add("spamassassin", SpamAssassin)
        .AddYesNo("spambox", SpamBox)
        .Add("dkim", Dkim)
        .Add("spf", Spf)
        .Add("dmarc", Dmarc)
        .Add("reseller", Reseller)
        .Add("reseller_without_domain", ResellerWithoutDomain)
        .Add("forcedns", ForceDns)
        .Add("useregns", UseRegisteredNameservers)
        .Add("hasuseregns", UseRegisteredNameservers)
        .Add("digestauth", DigestAuth)
        .Add("ownerself", OwnerSelf)
        .Add("frontpage", FrontPage)
        .AddYesNo("showpass", ShowPasswordInOutput)
        .Add("cpmod", Theme)
        .Add("contactemail", ContactEmail)
        .Add("language", Language)
        .Add("owner", Owner)
        .Add("maxftp", MaxFtp)
        .Add("maxsql", MaxSql)
        .Add("maxpop", MaxPop)
        .Add("maxlst", MaxLists)
        .Add("maxsub", MaxSubdomains)
        .Add("maxpark", MaxParked)
        .Add("maxaddon", MaxAddons)
        .Add("max_email_per_hour", MaxEmailPerHour)
        .Add("max_defer_fail_percentage", MaxDeferFailPercentage)
        .Add("max_emailacct_quota", MaxEmailAccountQuota)
        .Add("max_team_users", MaxTeamUsers)
        .Add("mxcheck", MailExchanger.ToWire())
        .Add("mailbox_format", MailboxFormat.ToWire())
        .Add("homedir", HomeDirectory)
        .Add("uid", Uid)
        .Add("gid", Gid)
        .Add("mail_node_alias", MailNodeAlias)
        .AddEach("account_enhancements", AccountEnhancements);
}

using System.Globalization;
using System.Text.Json.Nodes;
using CpanelBilling.WhmSimulator.Api;

namespace CpanelBilling.WhmSimulator.Functions;

/// <summary>
/// The account element listaccts and accountsummary return (Whostmgr::Accounts::List), with its real-server types:
/// limits are strings copied from the cpuser file, disk values carry an <c>M</c> suffix, flags are integers.
/// </summary>
internal static class AccountView
{
    public static JsonObject Build(SimulatedAccount account, SimulatorState state)
    {
        var publicIp = FindPublicIp(state.Ips, account.Ip) ?? account.Ip;
        return new JsonObject
        {
            ["user"] = account.User,
            ["domain"] = account.Domain,
            ["ip"] = string.IsNullOrEmpty(publicIp) ? "*unknown*" : publicIp,
            ["ipv6"] = new JsonArray(),
            ["plan"] = string.IsNullOrEmpty(account.Plan) ? "undefined" : account.Plan,
            ["owner"] = account.Owner,
            ["email"] = string.IsNullOrEmpty(account.ContactEmail) ? "*unknown*" : account.ContactEmail,
            ["theme"] = account.Theme,
            ["shell"] = account.Shell,
            ["partition"] = "home",
            ["uid"] = account.Uid,
            ["startdate"] = CpanelText.StartDate(account.StartDate),
            ["unix_startdate"] = account.StartDate.ToUnixTimeSeconds(),
            ["suspended"] = account.Suspended ? 1 : 0,
            ["suspendreason"] = account.Suspended ? account.SuspendReason ?? "*unknown*" : "not suspended",
            ["suspendtime"] = account.Suspended && account.SuspendTime is { } time ? time.ToUnixTimeSeconds() : 0,
            ["is_locked"] = account.IsLocked ? 1 : 0,
            ["diskused"] = account.DiskUsedMb.ToString(CultureInfo.InvariantCulture) + "M",
            ["disklimit"] = Megabytes(account.Limits.Quota),
            ["inodesused"] = account.InodesUsed,
            ["inodeslimit"] = "unlimited",
            ["maxaddons"] = account.Limits.MaxAddon,
            ["maxftp"] = account.Limits.MaxFtp,
            ["maxlst"] = account.Limits.MaxLst,
            ["maxparked"] = account.Limits.MaxPark,
            ["maxpop"] = account.Limits.MaxPop,
            ["maxsql"] = account.Limits.MaxSql,
            ["maxsub"] = account.Limits.MaxSub,
            ["max_emailacct_quota"] = account.Limits.MaxEmailAcctQuota,
            ["max_email_per_hour"] = account.Limits.MaxEmailPerHour,
            ["max_defer_fail_percentage"] = account.Limits.MaxDeferFailPercentage,
            ["min_defer_fail_to_trigger_protection"] = "5",
            ["backup"] = 1,
            ["legacy_backup"] = 0,
            ["mailbox_format"] = "maildir",
            ["outgoing_mail_suspended"] = 0,
            ["outgoing_mail_hold"] = 0,
            ["temporary"] = account.Temporary ? 1 : 0,
            ["child_nodes"] = new JsonArray(),
        };
    }

    // disklimit: "<MB>M" or "unlimited" (a quota of 0 is unlimited).
    private static string Megabytes(string quota) =>
        quota is AccountLimits.Unlimited or "0" or "" ? AccountLimits.Unlimited : quota + "M";

    private static string? FindPublicIp(System.Collections.Generic.IReadOnlyList<SimulatedIp> ips, string address)
    {
        foreach (var ip in ips)
        {
            if (ip.Address == address)
            {
                return ip.PublicIp;
            }
        }

        return null;
    }
}

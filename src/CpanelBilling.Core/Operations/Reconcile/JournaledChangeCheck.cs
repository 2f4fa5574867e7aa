using System;
using System.Collections.Generic;
using System.Linq;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Reconcile;

/// <summary>
/// Reads a journal entry of an account change (its function and parameters, as the operation wrote them before
/// sending) against what the server shows of the account now: is the change in effect, and what does it touch.
/// The same judgement serves Compare (on the one listaccts/showbw reading of a server) and Repair (on a fresh read
/// of the account, under its lease). It mirrors the checks the journal runs for lost answers
/// (<see cref="ServerAccountChanges"/>), but starts from the stored entry instead of the request in hand.
/// </summary>
internal static class JournaledChangeCheck
{
    private const string Existence = "existence";
    private const string Status = "status";
    private const string Package = "package";
    private const string Address = "ip";
    private const string Password = "password";

    private static readonly HashSet<string> AccountFunctions = new(StringComparer.Ordinal)
    {
        WhmFunctions.CreateAccount, WhmFunctions.RemoveAccount, WhmFunctions.SuspendAccount, WhmFunctions.UnsuspendAccount,
        WhmFunctions.ChangePackage, WhmFunctions.LimitBandwidth, WhmFunctions.EditQuota, WhmFunctions.ModifyAccount,
        WhmFunctions.SetSiteIp, WhmFunctions.ChangePassword,
    };

    /// <summary>True for the functions account operations journal (about one cPanel user).</summary>
    public static bool IsAccountChange(OperationJournalEntry entry) => AccountFunctions.Contains(entry.Function);

    /// <summary>True when judging the entry needs the account's bandwidth limit (showbw).</summary>
    public static bool NeedsBandwidth(OperationJournalEntry entry) => entry.Function == WhmFunctions.LimitBandwidth;

    public static ChangeEffect Judge(OperationJournalEntry entry, ServerAccountView view)
    {
        WhmAccount? account = view.Account;
        switch (entry.Function)
        {
            case WhmFunctions.CreateAccount:
                return Effect(ServerAccountChanges.IsSameAccount(account, Parameter(entry, "domain")));
            case WhmFunctions.RemoveAccount:
                return Effect(account == null);
            case WhmFunctions.SuspendAccount:
                return Effect(account?.IsSuspended == true);
            case WhmFunctions.UnsuspendAccount:
                return Effect(account is { IsSuspended: false });
            case WhmFunctions.ChangePackage:
                return Effect(account != null && account.Plan == Parameter(entry, "pkg"));
            case WhmFunctions.SetSiteIp:
                return Effect(account != null && account.Ip == Parameter(entry, "ip"));
            case WhmFunctions.LimitBandwidth:
            case WhmFunctions.EditQuota:
            case WhmFunctions.ModifyAccount:
                return JudgeLimits(entry, view);
            default:
                // passwd (a password cannot be read back) and functions this version does not know.
                return ChangeEffect.Unreadable;
        }
    }

    /// <summary>
    /// True for an entry whose call got no answer (Unknown) recently and whose change the server does not show: the
    /// request may still be running there, so calling the change "not made" now could be wrong moments later (and a
    /// repair would then undo it). Such entries are left alone until <paramref name="grace"/> has passed by
    /// <paramref name="databaseUtcNow"/>, the clock that stamped the entry (<see cref="IBillingRepository.GetDatabaseUtcNowAsync"/>).
    /// </summary>
    public static bool MayStillBeRunning(OperationJournalEntry entry, ChangeEffect effect, TimeSpan grace, DateTime databaseUtcNow) =>
        entry.Status == OperationStatus.Unknown && effect != ChangeEffect.Made && databaseUtcNow - entry.ChangedUtc < grace;

    /// <summary>What the entry changes on the account: later entries touching the same things supersede it.</summary>
    public static IReadOnlyCollection<string> Touches(OperationJournalEntry entry) => entry.Function switch
    {
        WhmFunctions.CreateAccount or WhmFunctions.RemoveAccount => new[] { Existence },
        WhmFunctions.SuspendAccount or WhmFunctions.UnsuspendAccount => new[] { Status },
        WhmFunctions.ChangePackage => new[] { Package },
        WhmFunctions.SetSiteIp => new[] { Address },
        WhmFunctions.ChangePassword => new[] { Password },
        _ => SentLimits(entry, out _).Select(pair => "limit:" + pair.Key).ToArray(),
    };

    /// <summary>True when the entry changes the limit (limitbw, editquota, modifyacct).</summary>
    public static bool TouchesLimit(OperationJournalEntry entry, AccountLimitKind kind) =>
        SentLimits(entry, out _).Any(pair => pair.Key == kind);

    /// <summary>
    /// The limits a limitbw, editquota or modifyacct entry sent, by kind, as the text cPanel uses ("unlimited" or the
    /// number). <paramref name="readable"/> is false when a stored value cannot be read as a limit.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<AccountLimitKind, string>> SentLimits(OperationJournalEntry entry, out bool readable)
    {
        var sent = new List<KeyValuePair<AccountLimitKind, string>>();
        readable = true;
        foreach ((AccountLimitKind kind, string name, bool size) in LimitParameters(entry.Function))
        {
            string? text = Parameter(entry, name);
            if (text == null)
            {
                continue;
            }

            string? normal = size
                ? (MegabyteLimit.TryParse(text, out MegabyteLimit megabytes) ? megabytes.ToString() : null)
                : (CountLimit.TryParse(text, out CountLimit count) ? count.ToString() : null);
            if (normal == null)
            {
                readable = false;
                continue;
            }

            sent.Add(new KeyValuePair<AccountLimitKind, string>(kind, normal));
        }

        return sent;
    }

    public static string Describe(ChangeEffect effect) => effect switch
    {
        ChangeEffect.Made => "made",
        ChangeEffect.NotMade => "not made",
        _ => "cannot be read back",
    };

    /// <summary>A stored parameter (names compare without case: the journal keeps them as sent).</summary>
    public static string? Parameter(OperationJournalEntry entry, string name) =>
        entry.Parameters.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static ChangeEffect JudgeLimits(OperationJournalEntry entry, ServerAccountView view)
    {
        IReadOnlyList<KeyValuePair<AccountLimitKind, string>> sent = SentLimits(entry, out bool readable);
        if (!readable || sent.Count == 0 || (NeedsBandwidth(entry) && view.Account != null && !view.BandwidthRead))
        {
            return ChangeEffect.Unreadable;
        }

        if (view.Account == null)
        {
            return ChangeEffect.NotMade;
        }

        AccountLimits onServer = view.Limits;
        return Effect(sent.All(pair => AccountLimitValues.Text(onServer, pair.Key) == pair.Value));
    }

    private static IEnumerable<(AccountLimitKind Kind, string Parameter, bool Size)> LimitParameters(string function) => function switch
    {
        WhmFunctions.LimitBandwidth => new[] { (AccountLimitKind.Bandwidth, "bwlimit", true) },
        WhmFunctions.EditQuota => new[] { (AccountLimitKind.Disk, "quota", true) },
        WhmFunctions.ModifyAccount => new[]
        {
            (AccountLimitKind.EmailAccounts, "MAXPOP", false), (AccountLimitKind.Databases, "MAXSQL", false), (AccountLimitKind.AddonDomains, "MAXADDON", false),
        },
        _ => Array.Empty<(AccountLimitKind, string, bool)>(),
    };

    private static ChangeEffect Effect(bool inEffect) => inEffect ? ChangeEffect.Made : ChangeEffect.NotMade;
}

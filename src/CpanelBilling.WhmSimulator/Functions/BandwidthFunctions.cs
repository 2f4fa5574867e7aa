using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CpanelBilling.WhmSimulator.Api;

namespace CpanelBilling.WhmSimulator.Functions;

/// <summary>
/// <c>showbw</c>: bandwidth per account for a month (<c>month</c>, <c>year</c>; default now), optionally filtered by
/// <c>search</c>/<c>searchtype</c>. <c>data</c> is one object (not a list). Real-server types: <c>reseller</c> is the
/// string <c>"1"</c> for resellers but the number 0 otherwise; <c>limit</c> is a string of bytes or <c>"unlimited"</c>;
/// accounts removed since still appear with <c>deleted: 1</c>.
/// </summary>
internal sealed class ShowBandwidthFunction : WhmFunction
{
    private const long BytesPerMegabyte = 1024 * 1024;

    public override string Name => "showbw";

    public override FunctionOutcome Invoke(FunctionContext context)
    {
        var args = context.Arguments;
        var now = context.Now;
        var month = ParseOr(args.Get("month"), now.Month);
        if (month is null or < 1 or > 12)
        {
            return FunctionOutcome.Fail("Invalid month provided");
        }

        var year = ParseOr(args.Get("year"), now.Year);
        if (year is null or < 1970 or > 2200)
        {
            return FunctionOutcome.Fail("Invalid year provided");
        }

        var state = context.State;
        var matches = Matcher(args.Get("searchtype"), args.Get("search"));
        var rows = new JsonArray();
        long total = 0;
        var listed = state.Accounts.Select(a => (Account: a, Deleted: false))
            .Concat(state.RemovedAccountsWithBandwidth(year.Value, month.Value).Select(a => (Account: a, Deleted: true)));
        foreach (var (account, deleted) in listed.Where(row => matches(row.Account)))
        {
            var byDomain = state.GetBandwidthByDomain(account.User, year.Value, month.Value);
            var used = byDomain.Values.Sum();
            total += used;
            var limitBytes = account.Limits.BwLimit == AccountLimits.Unlimited ? (long?)null : long.Parse(account.Limits.BwLimit, CultureInfo.InvariantCulture) * BytesPerMegabyte;
            rows.Add(new JsonObject
            {
                ["user"] = account.User,
                ["maindomain"] = account.Domain,
                ["owner"] = account.Owner,
                ["reseller"] = account.IsReseller ? JsonValue.Create("1") : JsonValue.Create(0),
                ["deleted"] = deleted ? 1 : 0,
                ["totalbytes"] = used,
                ["limit"] = limitBytes?.ToString(CultureInfo.InvariantCulture) ?? AccountLimits.Unlimited,
                ["bwlimited"] = limitBytes is { } limit && limit > 0 && used >= limit ? 1 : 0,
                ["bwusage"] = Usage(account, byDomain, deleted),
            });
        }

        return FunctionOutcome.Ok(new JsonObject
        {
            ["month"] = month.Value,
            ["year"] = year.Value,
            ["reseller"] = context.ApiUser,
            ["totalused"] = total,
            ["acct"] = rows,
        });
    }

    // API 0: {"bandwidth":[{…the API 1 data object…}]}; a bad month/year: {"status":0,"statusmsg":…,"message":…}
    public override JsonObject RenderApi0(FunctionOutcome outcome, FunctionContext context) => outcome.Success
        ? new JsonObject { ["bandwidth"] = new JsonArray(outcome.Data!.DeepClone()) }
        : new JsonObject { ["status"] = 0, ["statusmsg"] = outcome.Reason, ["message"] = outcome.Reason };

    private static JsonArray Usage(SimulatedAccount account, IReadOnlyDictionary<string, long> byDomain, bool deleted)
    {
        var domains = account.OtherDomains.Append(account.Domain)
            .Concat(byDomain.Keys)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(d => byDomain.ContainsKey(d) || string.Equals(d, account.Domain, StringComparison.OrdinalIgnoreCase));
        var usage = new JsonArray();
        foreach (var domain in domains)
        {
            usage.Add(new JsonObject { ["domain"] = domain, ["usage"] = byDomain.GetValueOrDefault(domain), ["deleted"] = deleted ? 1 : 0 });
        }

        return usage;
    }

    private static int? ParseOr(string? text, int fallback) =>
        string.IsNullOrEmpty(text) ? fallback : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static Func<SimulatedAccount, bool> Matcher(string? searchType, string? search)
    {
        if (string.IsNullOrEmpty(search))
        {
            return _ => true;
        }

        Regex regex;
        try
        {
            regex = new Regex(search, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return _ => true;
        }

        return searchType switch
        {
            "user" => a => regex.IsMatch(a.User),
            "owner" => a => regex.IsMatch(a.Owner),
            "ip" => a => regex.IsMatch(a.Ip),
            "package" => a => regex.IsMatch(a.Plan),
            "domain" => a => regex.IsMatch(a.Domain) || a.OtherDomains.Any(regex.IsMatch),
            _ => a => regex.IsMatch(a.User) || regex.IsMatch(a.Domain),
        };
    }
}

/// <summary>
/// <c>limitbw</c>: <c>user</c>, <c>bwlimit</c> in MB (<c>0</c> or <c>unlimited</c> for none). The reply's
/// <c>bwlimit</c> is in bytes although the parameter is in megabytes.
/// </summary>
internal sealed class LimitBandwidthFunction : WhmFunction
{
    private const long BytesPerMegabyte = 1024 * 1024;

    public override string Name => "limitbw";

    public override FunctionOutcome Invoke(FunctionContext context)
    {
        var account = AccountAccess.Require(context, context.Arguments.Get("user"));
        var given = context.Arguments.Get("bwlimit") ?? "";
        long megabytes;
        if (given == AccountLimits.Unlimited)
        {
            megabytes = 0;
        }
        else if (given.Length == 0 || given.Length > 12 || !long.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out megabytes))
        {
            return FunctionOutcome.Fail($"Sorry, the bandwidth value you specified, '{given}', is invalid.  "
                                        + "Only non-negative, integral, simple numeric values or 'unlimited' are allowed.");
        }

        var unlimited = megabytes == 0;
        context.State.PutAccount(account with
        {
            Limits = account.Limits with { BwLimit = unlimited ? AccountLimits.Unlimited : megabytes.ToString(CultureInfo.InvariantCulture) },
        });

        var now = context.Now;
        var used = context.State.GetBandwidth(account.User, now.Year, now.Month);
        var bytes = megabytes * BytesPerMegabyte;
        var details = new JsonObject
        {
            ["bwlimit"] = bytes,
            ["unlimited"] = unlimited ? 1 : 0,
            ["human_bwlimit"] = unlimited ? AccountLimits.Unlimited : CpanelText.FormatBytes(bytes),
            ["human_bwused"] = used == 0 ? "none" : CpanelText.FormatBytes(used),
            ["bwlimitenable"] = !unlimited && used >= bytes ? 1 : 0,
            ["domains"] = new JsonArray(account.OtherDomains.Append(account.Domain).Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
        };
        var amount = unlimited ? AccountLimits.Unlimited : megabytes.ToString(CultureInfo.InvariantCulture);
        return FunctionOutcome.Ok(new JsonObject { ["bwlimits"] = new JsonArray(details) },
            $"Bandwidth Limit for {account.User} has been set to {amount} megabytes");
    }

    // API 0: {"result":[{"status":1,"statusmsg":"Bandwidth Limit for …","bwlimit":{…}}]}
    public override JsonObject RenderApi0(FunctionOutcome outcome, FunctionContext context) =>
        StatusResult(outcome, extra: outcome.Success ? new JsonObject { ["bwlimit"] = outcome.Data!["bwlimits"]![0]!.DeepClone() } : null);
}

/// <summary>
/// <c>editquota</c>: <c>user</c>, <c>quota</c> in MB (<c>0</c> or <c>unlimited</c> for none). Reason
/// <c>Set quota for user.</c>, no data. Reproduces Accounts.pm's loose check <c>^(unlimited)|(\d+)$</c>, which lets
/// anything starting with "unlimited" or ending in a digit through to the integer validation behind it.
/// </summary>
internal sealed partial class EditQuotaFunction : WhmFunction
{
    public override string Name => "editquota";

    public override FunctionOutcome Invoke(FunctionContext context)
    {
        var account = AccountAccess.Require(context, context.Arguments.Get("user"));
        var quota = context.Arguments.Get("quota") ?? "";
        if (!LooseQuota().IsMatch(quota))
        {
            return FunctionOutcome.Fail($"Invalid value ({quota}) for quota supplied.");
        }

        string stored;
        if (quota == AccountLimits.Unlimited || quota == "0")
        {
            stored = AccountLimits.Unlimited;
        }
        else if (quota.Length <= 12 && long.TryParse(quota, NumberStyles.None, CultureInfo.InvariantCulture, out var megabytes))
        {
            stored = megabytes.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            // Past the loose check, Whostmgr::Quota's integer validation throws (wording not observed live).
            throw new WhmApiException(Xid.Prefix($"The value {CpanelText.Quote(quota)} is not a valid quota."));
        }

        context.State.PutAccount(account with { Limits = account.Limits with { Quota = stored } });
        return FunctionOutcome.Ok(reason: "Set quota for user.");
    }

    // API 0: {"result":[{"status":1,"statusmsg":"Set quota for user."}],"output":null}
    public override JsonObject RenderApi0(FunctionOutcome outcome, FunctionContext context)
    {
        var reply = StatusResult(outcome);
        reply["output"] = null;
        return reply;
    }

    [GeneratedRegex(@"^(unlimited)|(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex LooseQuota();
}

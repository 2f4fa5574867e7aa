using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CpanelBilling.WhmSimulator.Api;
using CpanelBilling.WhmSimulator.Validation;

namespace CpanelBilling.WhmSimulator.Functions;

/// <summary>
/// <c>createacct</c>: validates like Whostmgr::Accounts::Create, creates the account, and answers
/// <c>Account Creation Ok</c> with the WWWAcct log in <c>output.raw</c> and the account options in <c>data</c>.
/// Failures come back as result 0 with <c>(XID …) message</c> reasons, as createacct formats its own exceptions.
/// </summary>
internal sealed class CreateAccountFunction : WhmFunction
{
    private static readonly (string Argument, string Key)[] LimitArguments =
    {
        ("quota", "QUOTA"), ("bwlimit", "BWLIMIT"), ("maxftp", "MAXFTP"), ("maxsql", "MAXSQL"), ("maxpop", "MAXPOP"),
        ("maxlst", "MAXLST"), ("maxsub", "MAXSUB"), ("maxpark", "MAXPARK"), ("maxaddon", "MAXADDON"),
        ("max_email_per_hour", "MAX_EMAIL_PER_HOUR"), ("max_defer_fail_percentage", "MAX_DEFER_FAIL_PERCENTAGE"),
        ("max_emailacct_quota", "MAX_EMAILACCT_QUOTA"),
    };

    // whm-api-facts §4.1: createacct reads 0 as unlimited for these; maxpark, maxaddon and the e-mail limits keep a real 0.
    private static readonly string[] ZeroMeansUnlimited = { "quota", "bwlimit", "maxftp", "maxsql", "maxpop", "maxlst", "maxsub" };

    public override string Name => "createacct";

    public override FunctionOutcome Invoke(FunctionContext context)
    {
        var args = context.Arguments;
        var state = context.State;
        if (args.Flag("child_workloads"))
        {
            throw new WhmApiException("Invalid parameter: child_workloads");
        }

        var user = (args.Get("username") ?? "").Trim().ToLowerInvariant();
        if (user.Length == 0)
        {
            return Failure($"Provide the {CpanelText.Quote("username")} parameter.");
        }

        if (UsernameRules.Check(user, state) is { } userProblem)
        {
            // A live server appends the Perl location to the "already exists" refusal.
            return state.FindAccount(user) is not null
                ? Failure(userProblem + " at /usr/local/cpanel/Whostmgr/Accounts/Create.pm line 601.")
                : Failure(userProblem);
        }

        var temporary = string.IsNullOrWhiteSpace(args.Get("domain"));
        var domain = temporary ? $"{user}.{state.Hostname}" : args.Get("domain")!.Trim().ToLowerInvariant();
        if (!temporary && DomainRules.Check(domain, user, state) is { } domainProblem)
        {
            return Failure(domainProblem);
        }

        var planName = args.GetOrDefault("plan", SimulatorState.DefaultPackageName);
        var package = state.FindPackage(planName);
        if (package is null)
        {
            // Wording not observed live; see whm-api-facts §4.1.
            return FunctionOutcome.Fail($"Sorry, the package {CpanelText.Quote(planName)} does not exist.");
        }

        var owner = args.GetOrDefault("owner", context.ApiUser);
        if (owner != "root" && owner != context.ApiUser && state.FindAccount(owner) is not { IsReseller: true })
        {
            return Failure($"The user {CpanelText.Quote(owner)} is not a reseller.");
        }

        var password = args.Get("password") ?? args.Get("pass");
        if (string.IsNullOrEmpty(password))
        {
            password = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!@#%^*", 16);
        }
        else if (!PasswordStrength.IsStrongEnough(password))
        {
            return Failure(PasswordStrength.WeakMessage);
        }

        // With a plan the package decides the limits; the limit arguments only shape an account made without one.
        var limits = package.ToAccountLimits();
        if (!args.Has("plan"))
        {
            foreach (var (argument, key) in LimitArguments)
            {
                if (args.Get(argument) is { Length: > 0 } value)
                {
                    if (!IsLimitValue(value))
                    {
                        return Failure($"Invalid value {CpanelText.Quote(value)} for the {CpanelText.Quote(argument)} setting.");
                    }

                    var unlimited = value == AccountLimits.Unlimited || (value == "0" && Array.IndexOf(ZeroMeansUnlimited, argument) >= 0);
                    limits = limits.With(key, unlimited ? AccountLimits.Unlimited : value);
                }
            }
        }

        var ipChoice = ChooseIp(context, package);
        if (ipChoice.Problem is not null)
        {
            return ipChoice.Problem;
        }

        var hasShell = args.Has("hasshell") ? args.Flag("hasshell") : package.HasShell == "y";
        var account = state.PutAccount(new SimulatedAccount
        {
            User = user,
            Domain = domain,
            Plan = planName,
            Ip = ipChoice.Address!,
            Owner = owner,
            ContactEmail = args.Get("contactemail") ?? "",
            Theme = args.GetOrDefault("cpmod", package.CpMod ?? "jupiter"),
            Locale = args.GetOrDefault("language", package.Lang ?? "en"),
            FeatureList = args.GetOrDefault("featurelist", package.FeatureList ?? "default"),
            Shell = hasShell ? SimulatedAccount.DefaultShell : SimulatedAccount.NoShell,
            HasCgi = args.Has("cgi") ? args.Flag("cgi") : package.Cgi != "n",
            IsReseller = args.Flag("reseller"),
            StartDate = DateTimeOffset.FromUnixTimeSeconds(context.Now.ToUnixTimeSeconds()),
            Limits = limits,
            Password = password,
            Temporary = temporary,
        });

        if (context.NewAccountUsageMb > 0)
        {
            // The --usage-mb test knob: a real new account has no traffic yet.
            state.AddBandwidth(account.User, context.Now.Year, context.Now.Month, context.NewAccountUsageMb * 1024 * 1024);
        }

        var (ns1, ns2) = AccountAccess.Nameservers(state);
        var data = new JsonObject
        {
            ["ip"] = PublicIp(state, account.Ip),
            ["package"] = account.Plan,
            ["nameserver"] = ns1,
            ["nameserver2"] = ns2,
            ["nameserver3"] = "",
            ["nameserver4"] = "",
            ["nameservera"] = null,
            ["nameservera2"] = null,
            ["nameservera3"] = null,
            ["nameservera4"] = null,
            ["nameserverentry"] = null,
            ["nameserverentry2"] = null,
            ["nameserverentry3"] = null,
            ["nameserverentry4"] = null,
        };
        return FunctionOutcome.Ok(data, "Account Creation Ok") with { Raw = CreationLog(account, ns1, ns2, state) };
    }

    // API 0: {"result":[{"status":1,"statusmsg":"Account Creation Ok","options":{…}|null,"rawout":"…"|null}]}
    public override JsonObject RenderApi0(FunctionOutcome outcome, FunctionContext context) => StatusResult(outcome, extra: new JsonObject
    {
        ["options"] = outcome.Success ? outcome.Data!.DeepClone() : null,
        ["rawout"] = outcome.Raw,
    });

    public static string PublicIp(SimulatorState state, string address)
    {
        foreach (var ip in state.Ips)
        {
            if (ip.Address == address && ip.PublicIp is not null)
            {
                return ip.PublicIp;
            }
        }

        return address;
    }

    // The WWWAcct log, including the "New Account Info" box with the password, as a real server prints it.
    private static string CreationLog(SimulatedAccount account, string ns1, string ns2, SimulatorState state)
    {
        var quota = account.Limits.Quota == AccountLimits.Unlimited ? "unlimited" : account.Limits.Quota + " MB";
        var dedicated = account.Ip != state.MainIp ? "y" : "n";
        var log = new StringBuilder();
        log.Append("Checking input data...Done\n");
        log.Append("WWWAcct 12.6.0 (c) 2024 cPanel, L.L.C....\n\n");
        log.Append("+===================================+\n");
        log.Append("| New Account Info                  |\n");
        log.Append("+===================================+\n");
        log.Append("| Domain: ").Append(account.Domain).Append('\n');
        log.Append("| Ip: ").Append(account.Ip).Append(" (").Append(dedicated).Append(")\n");
        log.Append("| HasCgi: ").Append(account.HasCgi ? 'y' : 'n').Append('\n');
        log.Append("| UserName: ").Append(account.User).Append('\n');
        log.Append("| PassWord: ").Append(account.Password).Append('\n');
        log.Append("| CpanelMod: ").Append(account.Theme).Append('\n');
        log.Append("| HomeRoot: /home\n");
        log.Append("| Quota: ").Append(quota).Append('\n');
        log.Append("| NameServer1: ").Append(ns1).Append('\n');
        log.Append("| NameServer2: ").Append(ns2).Append('\n');
        log.Append("| NameServer3: \n| NameServer4: \n");
        log.Append("| Contact Email: ").Append(account.ContactEmail).Append('\n');
        log.Append("| Package: ").Append(account.Plan).Append('\n');
        log.Append("| Feature List: ").Append(account.FeatureList).Append('\n');
        log.Append("| Language: ").Append(account.Locale).Append('\n');
        log.Append("+===================================+\n");
        log.Append("...Done\nSetting up Mail & Bandwidth Limits...Done\nAdding DNS zone...Done\n");
        log.Append("Account Creation Complete!!!\n...Account Creation Ok...Done\n");
        return log.ToString();
    }

    private static FunctionOutcome Failure(string message) => FunctionOutcome.Fail(Xid.Prefix(message));

    private static bool IsLimitValue(string value) =>
        value == AccountLimits.Unlimited || (value.Length <= 12 && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _));

    private static (string? Address, FunctionOutcome? Problem) ChooseIp(FunctionContext context, SimulatedPackage package)
    {
        var state = context.State;
        var custom = context.Arguments.Get("customip");
        if (!string.IsNullOrEmpty(custom))
        {
            if (!state.Ips.Any(ip => ip.Address == custom || ip.PublicIp == custom))
            {
                return (null, Failure($"The IP address {CpanelText.Quote(custom)} is not configured on this server."));
            }

            var local = state.Ips.First(ip => ip.Address == custom || ip.PublicIp == custom).Address;
            return state.DedicatedIpHolder(local) is { } holder
                ? (null, Failure($"The IP address {CpanelText.Quote(custom)} is already dedicated to {CpanelText.Quote(holder)}."))
                : (local, null);
        }

        var ipArgument = context.Arguments.Get("ip");
        var wantsDedicated = ipArgument is null ? package.WantsDedicatedIp : ipArgument is "y" or "1";
        if (!wantsDedicated)
        {
            return (state.MainIp, null);
        }

        var free = state.FreeIps;
        return free.Count > 0
            ? (free[0], null)
            // Wording not observed live; see whm-api-facts §4.1.
            : (null, FunctionOutcome.Fail("Sorry, there are no free IP addresses available for this account."));
    }
}

using System;
using System.Globalization;
using System.Text.Json.Nodes;
using CpanelBilling.WhmSimulator.Api;
using CpanelBilling.WhmSimulator.Validation;

namespace CpanelBilling.WhmSimulator.Functions;

/// <summary>
/// <c>modifyacct</c>: changes an account's cpuser settings without touching its package. Handles <c>newuser</c>,
/// <c>domain</c>/<c>DNS</c>, <c>owner</c>, <c>contactemail</c>, the limit keys (<c>QUOTA</c> in MB, <c>BWLIMIT</c> in
/// bytes as documented, <c>MAXFTP</c> …), <c>HASCGI</c>, <c>HASSHELL</c>, <c>RS</c>/<c>CPTHEME</c>, <c>LOCALE</c>/<c>LANG</c>
/// and <c>reseller</c>. Success: reason <c>Account Modified</c>, data {user, domain, setshell, cpuser}.
/// </summary>
internal sealed class ModifyAccountFunction : WhmFunction
{
    private const long BytesPerMegabyte = 1024 * 1024;

    public override string Name => "modifyacct";

    public override FunctionOutcome Invoke(FunctionContext context)
    {
        var args = context.Arguments;
        var state = context.State;
        if (!args.Has("user"))
        {
            return FunctionOutcome.Fail("Must at least specify a user to modify.");
        }

        var original = AccountAccess.Require(context, args.Get("user"));
        var account = original;

        if (args.Get("newuser") is { Length: > 0 } newUserArgument && newUserArgument.ToLowerInvariant() != original.User)
        {
            var newUser = newUserArgument.ToLowerInvariant();
            if (UsernameRules.Check(newUser, state, original.User) is { } problem)
            {
                return Failure(problem);
            }

            account = account with { User = newUser };
        }

        if ((args.Get("DNS") ?? args.Get("domain")) is { Length: > 0 } domainArgument && !domainArgument.Equals(original.Domain, StringComparison.OrdinalIgnoreCase))
        {
            var domain = domainArgument.Trim().ToLowerInvariant();
            if (DomainRules.Check(domain, account.User, state, original.User) is { } problem)
            {
                return Failure(problem);
            }

            account = account with { Domain = domain };
        }

        if (args.Get("owner") is { Length: > 0 } owner)
        {
            if (owner != "root" && owner != context.ApiUser && state.FindAccount(owner) is not { IsReseller: true })
            {
                return Failure($"The user {CpanelText.Quote(owner)} is not a reseller.");
            }

            account = account with { Owner = owner };
        }

        if (args.Get("contactemail") is { } email)
        {
            account = account with { ContactEmail = email };
        }

        foreach (var key in AccountLimits.PackageKeys)
        {
            if (args.Get(key) is not { Length: > 0 } value)
            {
                continue;
            }

            var stored = LimitValue(key, value);
            if (stored is null)
            {
                return Failure($"Invalid value {CpanelText.Quote(value)} for {CpanelText.Quote(key)}.");
            }

            account = account with { Limits = account.Limits.With(key, stored) };
        }

        if (args.Has("HASCGI"))
        {
            account = account with { HasCgi = args.Flag("HASCGI") };
        }

        if (args.Has("HASSHELL"))
        {
            account = account with { Shell = args.Flag("HASSHELL") ? SimulatedAccount.DefaultShell : SimulatedAccount.NoShell };
        }

        if ((args.Get("RS") ?? args.Get("CPTHEME")) is { Length: > 0 } theme)
        {
            account = account with { Theme = theme };
        }

        if ((args.Get("LOCALE") ?? args.Get("LANG")) is { Length: > 0 } locale)
        {
            account = account with { Locale = locale };
        }

        if (args.Has("reseller"))
        {
            account = account with { IsReseller = args.Flag("reseller") };
        }

        if (account.User != original.User)
        {
            state.RenameAccount(original.User, account);
        }
        else
        {
            state.PutAccount(account);
        }

        var data = new JsonObject
        {
            ["user"] = account.User,
            ["domain"] = account.Domain,
            ["setshell"] = account.Shell,
            ["cpuser"] = CpuserFile(account),
        };
        return FunctionOutcome.Ok(data, "Account Modified") with { Messages = Array.Empty<string>(), Warnings = Array.Empty<string>() };
    }

    // API 0: {"result":[{"status":…,"statusmsg":…,"messages":[…],"warnings":[…],"newcfg":{…}}]}, and for a
    // missing user {"result":[{"status":0,"statusmsg":"Required fields missing","missingfields":["user"]}]}.
    public override JsonObject RenderApi0(FunctionOutcome outcome, FunctionContext context)
    {
        if (!context.Arguments.Has("user"))
        {
            return StatusResult(outcome, "Required fields missing", new JsonObject { ["missingfields"] = new JsonArray("user") });
        }

        return StatusResult(outcome, extra: new JsonObject
        {
            ["messages"] = new JsonArray(),
            ["warnings"] = new JsonArray(),
            ["newcfg"] = outcome.Data?.DeepClone(),
        });
    }

    private static FunctionOutcome Failure(string message) => FunctionOutcome.Fail(Xid.Prefix(message)) with
    {
        Messages = Array.Empty<string>(),
        Warnings = Array.Empty<string>(),
    };

    // Stored in megabytes like the package limits; BWLIMIT arrives in bytes and is rounded up to whole megabytes.
    // whm-api-facts §4.8: only QUOTA and BWLIMIT take 0 as unlimited; a count key set to 0 allows none.
    private static string? LimitValue(string key, string value)
    {
        if (value == AccountLimits.Unlimited || (value == "0" && key is "QUOTA" or "BWLIMIT"))
        {
            return AccountLimits.Unlimited;
        }

        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        return key == "BWLIMIT"
            ? ((number + BytesPerMegabyte - 1) / BytesPerMegabyte).ToString(CultureInfo.InvariantCulture)
            : number.ToString(CultureInfo.InvariantCulture);
    }

    // The cpuser file as modifyacct returns it: every value a string, BWLIMIT and QUOTA in bytes.
    private static JsonObject CpuserFile(SimulatedAccount account)
    {
        var file = new JsonObject
        {
            ["USER"] = account.User,
            ["DOMAIN"] = account.Domain,
            ["PLAN"] = account.Plan,
            ["OWNER"] = account.Owner,
            ["IP"] = account.Ip,
            ["RS"] = account.Theme,
            ["LOCALE"] = account.Locale,
            ["FEATURELIST"] = account.FeatureList,
            ["CONTACTEMAIL"] = account.ContactEmail,
            ["STARTDATE"] = account.StartDate.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["HASCGI"] = account.HasCgi ? "1" : "0",
            ["HASSHELL"] = account.Shell == SimulatedAccount.NoShell ? "0" : "1",
            ["SUSPENDED"] = account.Suspended ? "1" : "0",
        };
        foreach (var key in AccountLimits.PackageKeys)
        {
            var value = account.Limits.Get(key);
            file[key] = key is "BWLIMIT" or "QUOTA" && value != AccountLimits.Unlimited
                ? (long.Parse(value, CultureInfo.InvariantCulture) * BytesPerMegabyte).ToString(CultureInfo.InvariantCulture)
                : value;
        }

        return file;
    }
}

using System.Collections.Generic;
using System.Linq;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Testing.Fuzzing;

namespace CpanelBilling.Operations.Tests.Hardening;

/// <summary>
/// Cases for what admins type around accounts: customers and plans (billing only), account listing and lookup, and
/// limits as text. A customer or plan that would be added is named as an existing one instead, so the case ends
/// in AlreadyExists without a write.
/// </summary>
internal static class CustomerAndListingFuzzCases
{
    public static FuzzCase Next(InputGenerator g, FuzzTargets t) => g.Between(0, 3) switch
    {
        0 => AddCustomer(g, t),
        1 => AddPlan(g, t),
        2 => List(g, t),
        _ => Get(g, t),
    };

    /// <summary>A limit as an admin types it: a number (megabytes with an optional M for sizes), unlimited, package, or not a limit.</summary>
    public static string LimitText(InputGenerator g, bool size) => g.Between(0, 4) switch
    {
        0 => g.Pick("unlimited", " Unlimited ", "UNLIMITED", "package", "Package "),
        1 => size
            ? g.Between(0L, (1L << 30) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + g.Pick("", "", "M", "m")
            : g.Between(0, 999).ToString(System.Globalization.CultureInfo.InvariantCulture),
        2 => g.Pick("1073741824", "1073741825", "1000", "999", "0", "00", "-1", "+5", "12.5", "1,000", "1e3", "0x10", "500 M", "M", "unlimitedM", "5\u0000", "5\u0000\u0000M"),
        3 => g.Pick("", " ", "abc", "\uFF15", "\u0663", "99999999999999999999", "2147483648", "9223372036854775807"),
        _ => g.Noise(12),
    };

    /// <summary>The oracle of limit text: the words (any case), or ASCII digits (an M after a size) within range; 0 MB is unlimited.</summary>
    public static bool IsValidLimitText(string text, bool size)
    {
        string value = text.Trim();
        if (string.Equals(value, "unlimited", System.StringComparison.OrdinalIgnoreCase) || string.Equals(value, "package", System.StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (size && value.EndsWith("M", System.StringComparison.OrdinalIgnoreCase))
        {
            value = value.Substring(0, value.Length - 1);
        }

        string significant = value.TrimStart('0');
        return value.Length > 0 && value.All(c => c is >= '0' and <= '9') && significant.Length <= 12
            && (significant.Length == 0 || long.Parse(significant, System.Globalization.CultureInfo.InvariantCulture) <= (size ? 1L << 30 : 999));
    }

    private static FuzzCase AddCustomer(InputGenerator g, FuzzTargets t)
    {
        string login = g.Pick(t.CustomerLogin, " " + t.CustomerLogin.ToUpperInvariant() + " ", g.Blank(), new string('c', 101));
        string? email = g.ContactEmail();
        string? displayName = g.Chance(0.5) ? null : g.Chance(0.8) ? g.Noise(40) : new string('d', 201);
        var invalid = new List<string>();
        if (string.IsNullOrWhiteSpace(login))
        {
            invalid.Add(AccountErrorIds.InvalidRequest);
        }

        if (!CpanelRulesOracle.IsValidContactEmail(email))
        {
            invalid.Add(AccountErrorIds.InvalidContactEmail);
        }

        if (login.Trim().Length > 100 || (displayName?.Trim().Length ?? 0) > 200)
        {
            invalid.Add(BillingErrorIds.InvalidValue);
        }

        var customer = new NewCustomer { Login = login, DisplayName = displayName, Email = email };
        return new FuzzCase(
            "CustomerAndPlanOperations.AddCustomerAsync",
            FuzzText.Show(("login", login), ("displayName", displayName), ("email", email)),
            invalid.Count > 0 ? Expectation.Refused(FailureKind.InvalidArgument, invalid.ToArray()) : Expectation.Refused(FailureKind.AlreadyExists),
            async () => await new CustomerAndPlanOperations(t.Context).AddCustomerAsync(customer));
    }

    private static FuzzCase AddPlan(InputGenerator g, FuzzTargets t)
    {
        // Basic has no dedicated IP, Pro has one; any other name would be a new plan.
        string name = g.Pick("Basic", " PRO ", g.Blank(), FuzzTargets.Unknown(g, "plan"));
        bool ip = g.Chance(0.5);
        NameChoice? server = g.Chance(0.4) ? null : t.ServerChoice(g);
        string? package = g.Chance(0.4) ? null : g.Pick("basic", "pro", " ", FuzzTargets.Unknown(g, "package"));
        bool existing = name.Trim() is "Basic" or "PRO";
        bool existingHasIp = name.Trim() == "PRO";
        bool mapped = server is not null && package is not null;
        if (!string.IsNullOrWhiteSpace(name) && (server is null) == (package is null)
            && (!mapped || (server!.State == NameState.Known && package!.Trim() is "basic" or "pro"))
            && (!existing || ip == existingHasIp) && (existing ? mapped : true))
        {
            // It would be added or mapped: make it ask for the other IP setting of an existing plan.
            name = "Basic";
            ip = true;
            existing = true;
            existingHasIp = false;
        }

        Expectation expect = string.IsNullOrWhiteSpace(name) || (server is null) != (package is null) ? Expectation.Refused(FailureKind.InvalidArgument, AccountErrorIds.InvalidRequest)
            : mapped && server!.State == NameState.Invalid ? Expectation.Refused(FailureKind.InvalidArgument, AccountErrorIds.InvalidRequest)
            : mapped && server!.State == NameState.Unknown ? Expectation.Refused(FailureKind.NotFound)
            : mapped && string.IsNullOrWhiteSpace(package) ? Expectation.Refused(FailureKind.InvalidArgument, AccountErrorIds.InvalidRequest)
            : mapped && package!.Trim() is not ("basic" or "pro") ? Expectation.Refused(FailureKind.NotFound, AccountErrorIds.PackageNotOnServer)
            : existing && ip != existingHasIp ? Expectation.Refused(FailureKind.AlreadyExists, BillingErrorIds.PlanAlreadyExists)
            : Expectation.Completes(result => result is BillingPlan plan && string.Equals(plan.Name, name.Trim(), System.StringComparison.OrdinalIgnoreCase) ? null : "returned another plan");
        return new FuzzCase(
            "CustomerAndPlanOperations.AddPlanAsync",
            FuzzText.Show(("name", name), ("dedicatedIp", ip), ("server", server?.Value), ("package", package)),
            expect,
            async () => await new CustomerAndPlanOperations(t.Context).AddPlanAsync(name, ip, server?.Value, package));
    }

    private static FuzzCase List(InputGenerator g, FuzzTargets t)
    {
        NameChoice? server = g.Chance(0.4) ? null : t.ServerChoice(g);
        NameChoice? customer = g.Chance(0.5) ? null : t.CustomerChoice(g);
        NameChoice? plan = g.Chance(0.5) ? null : t.PlanChoice(g);
        var filter = new AccountFilter
        {
            ServerName = server?.Value,
            CustomerLogin = customer?.Value,
            PlanName = plan?.Value,
            Status = g.Pick<AccountStatus?>(null, AccountStatus.Active, AccountStatus.Suspended, AccountStatus.Deleted),
            IncludeDeleted = g.Chance(0.5),
        };

        // The server is looked up first, as every operation looks servers up (ServerLookup: a blank name is invalid);
        // a blank customer or plan name names nothing billing has.
        NameChoice?[] names = { server, customer, plan };
        bool known = names.All(n => n is null || n.State == NameState.Known);
        bool knownFound = filter.Status is null or AccountStatus.Active;
        Expectation expect = server?.State == NameState.Invalid ? Expectation.Refused(FailureKind.InvalidArgument)
            : known ? Expectation.Completes(result => result is List<Account> accounts && accounts.Count == (knownFound ? 1 : 0) && accounts.All(a => a.Id == t.Known.Id) ? null : $"listed {(result as List<Account>)?.Count} accounts")
            : Expectation.Refused(FailureKind.NotFound);
        return new FuzzCase(
            "AccountOperations.ListAsync",
            FuzzText.Show(("server", filter.ServerName), ("customer", filter.CustomerLogin), ("plan", filter.PlanName), ("status", filter.Status?.ToString()), ("includeDeleted", filter.IncludeDeleted)),
            expect,
            async () =>
            {
                var listed = new List<Account>();
                await foreach (Account account in t.Accounts.ListAsync(filter))
                {
                    listed.Add(account);
                }

                return listed;
            });
    }

    private static FuzzCase Get(InputGenerator g, FuzzTargets t)
    {
        ReferenceChoice account = t.ReferenceChoice(g);
        Expectation expect = account.State switch
        {
            NameState.Invalid => Expectation.Refused(FailureKind.InvalidArgument),
            NameState.Unknown => Expectation.Refused(FailureKind.NotFound),
            _ => Expectation.Completes(result => result is Account found && found.Id == t.Known.Id ? null : "found another account"),
        };
        return new FuzzCase("AccountOperations.GetAsync", account.Shown, expect, async () => await t.Accounts.GetAsync(account.Make()));
    }
}

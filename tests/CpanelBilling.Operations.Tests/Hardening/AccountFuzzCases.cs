using System;
using System.Collections.Generic;
using System.Linq;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Testing.Fuzzing;

namespace CpanelBilling.Operations.Tests.Hardening;

/// <summary>
/// Cases for the account operations' entry points (open, continue opening, delete, suspend, resume, change plan,
/// set limits). Every case either breaks a rule or names something billing does not have, so each must end in a
/// typed error before any server call and without any billing write; names billing has are used only where
/// the operation must refuse before reaching the server, so what is known cannot hide a missing check.
/// </summary>
internal static class AccountFuzzCases
{
    public static FuzzCase Next(InputGenerator g, FuzzTargets t) => g.Between(0, 6) switch
    {
        0 => Open(g, t),
        1 => ContinueOpening(g, t),
        2 => Suspend(g, t),
        3 => DeleteOrResume(g, t),
        4 => ChangePlan(g, t),
        _ => SetLimits(g, t),
    };

    /// <summary>Limits for an account: each of the five unset, unlimited, in range or out of range.</summary>
    public static (AccountLimits? Limits, bool Valid, string Shown) Limits(InputGenerator g)
    {
        if (g.Chance(0.2))
        {
            return (null, true, "none");
        }

        var limits = new AccountLimits();
        bool valid = true;
        var shown = new List<string>();
        foreach (AccountLimitKind kind in new[] { AccountLimitKind.Bandwidth, AccountLimitKind.Disk, AccountLimitKind.EmailAccounts, AccountLimitKind.Databases, AccountLimitKind.AddonDomains })
        {
            int choice = g.Between(0, 5);
            if (choice <= 1)
            {
                continue;
            }

            bool inRange = choice != 5;
            bool size = kind is AccountLimitKind.Bandwidth or AccountLimitKind.Disk;
            string value;
            if (size)
            {
                MegabyteLimit limit = choice == 2 ? MegabyteLimit.Unlimited
                    : MegabyteLimit.Of(inRange ? g.Between(1L, 1L << 30) : g.Between((1L << 30) + 1, long.MaxValue));
                value = limit.ToString();
                if (kind == AccountLimitKind.Bandwidth)
                {
                    limits.Bandwidth = limit;
                }
                else
                {
                    limits.Disk = limit;
                }
            }
            else
            {
                CountLimit limit = choice == 2 ? CountLimit.Unlimited : CountLimit.Of(inRange ? g.Between(0, 999) : g.Between(1000, int.MaxValue));
                value = limit.ToString();
                switch (kind)
                {
                    case AccountLimitKind.EmailAccounts: limits.EmailAccounts = limit; break;
                    case AccountLimitKind.Databases: limits.Databases = limit; break;
                    default: limits.AddonDomains = limit; break;
                }
            }

            valid &= inRange;
            shown.Add(kind + "=" + value);
        }

        return (limits, valid, shown.Count == 0 ? "none set" : string.Join(" ", shown));
    }

    private static FuzzCase Open(InputGenerator g, FuzzTargets t)
    {
        NameChoice server = t.ServerChoice(g);
        NameChoice customer = t.CustomerChoice(g);
        PlanChoice plan = t.PlanOrPackage(g);
        string domain = g.Domain();
        string? user = g.Chance(0.2) ? null : g.UserName();
        (AccountLimits? limits, bool limitsValid, string limitsShown) = Limits(g);
        string? email = g.ContactEmail();

        var invalid = new List<string>();
        if (new[] { server.State, customer.State, plan.State }.Any(state => state == NameState.Invalid))
        {
            invalid.Add(AccountErrorIds.InvalidRequest);
        }

        if (!CpanelRulesOracle.IsValidDomain(domain))
        {
            invalid.Add(AccountErrorIds.InvalidDomain);
        }

        if (user is not null && !CpanelRulesOracle.IsValidUserName(user))
        {
            invalid.Add(AccountErrorIds.InvalidUserName);
        }

        if (!limitsValid)
        {
            invalid.Add(AccountErrorIds.InvalidLimit);
        }

        if (!CpanelRulesOracle.IsValidContactEmail(email))
        {
            invalid.Add(AccountErrorIds.InvalidContactEmail);
        }

        // Everything valid and known would open the account: make one name unknown instead.
        if (invalid.Count == 0 && server.State == NameState.Known && customer.State == NameState.Known && plan.State == NameState.Known)
        {
            server = new NameChoice(FuzzTargets.Unknown(g, "server"), NameState.Unknown);
        }

        var request = new OpenAccountRequest
        {
            ServerName = server.Value,
            CustomerLogin = customer.Value,
            PlanName = plan.PlanName,
            PackageName = plan.PackageName,
            Domain = domain,
            UserName = user,
            Limits = limits,
            ContactEmail = email,
        };
        return new FuzzCase(
            "AccountOperations.OpenAsync",
            FuzzText.Show(("server", server.Value), ("customer", customer.Value)) + ", " + plan + ", " + FuzzText.Show(("domain", domain), ("user", user), ("limits", limitsShown), ("contactEmail", email)),
            invalid.Count > 0 ? Expectation.Refused(FailureKind.InvalidArgument, invalid.ToArray()) : Expectation.Refused(FailureKind.NotFound),
            async () => await t.Accounts.OpenAsync(request));
    }

    private static FuzzCase ContinueOpening(InputGenerator g, FuzzTargets t)
    {
        ReferenceChoice account = t.ReferenceChoice(g);
        string? email = g.ContactEmail();
        bool emailValid = CpanelRulesOracle.IsValidContactEmail(email);

        // known1 is Active: continuing its opening must answer "already open" from billing alone.
        Expectation expect = account.State == NameState.Invalid ? Expectation.Refused(FailureKind.InvalidArgument)
            : !emailValid ? Expectation.Refused(FailureKind.InvalidArgument, AccountErrorIds.InvalidContactEmail)
            : account.State == NameState.Unknown ? Expectation.Refused(FailureKind.NotFound)
            : Expectation.Completes(result => result is AccountChangeResult { Changed: false } ? null : "opened the account again");
        return new FuzzCase(
            "AccountOperations.OpenAsync(reference)",
            account.Shown + ", " + FuzzText.Show(("contactEmail", email)),
            expect,
            async () => await t.Accounts.OpenAsync(account.Make(), new ContinueOpeningOptions { ContactEmail = email }));
    }

    private static FuzzCase Suspend(InputGenerator g, FuzzTargets t)
    {
        ReferenceChoice account = t.ReferenceChoice(g);
        string reason = g.Reason();
        bool reasonValid = CpanelRulesOracle.IsValidSuspendReason(reason);
        if (reasonValid && account.State == NameState.Known)
        {
            account = Unknown(g, t);
        }

        bool force = g.Chance(0.5);
        Expectation expect = account.State == NameState.Invalid ? Expectation.Refused(FailureKind.InvalidArgument)
            : !reasonValid ? Expectation.Refused(FailureKind.InvalidArgument, AccountErrorIds.InvalidSuspendReason)
            : Expectation.Refused(FailureKind.NotFound);
        return new FuzzCase(
            "AccountOperations.SuspendAsync",
            account.Shown + ", " + FuzzText.Show(("reason", reason)),
            expect,
            async () => await t.Accounts.SuspendAsync(account.Make(), reason, force));
    }

    private static FuzzCase DeleteOrResume(InputGenerator g, FuzzTargets t)
    {
        ReferenceChoice account = t.ReferenceChoice(g);
        if (account.State == NameState.Known)
        {
            account = Unknown(g, t);
        }

        bool delete = g.Chance(0.5);
        bool flag = g.Chance(0.5);
        return new FuzzCase(
            delete ? "AccountOperations.DeleteAsync" : "AccountOperations.ResumeAsync",
            account.Shown,
            account.State == NameState.Invalid ? Expectation.Refused(FailureKind.InvalidArgument) : Expectation.Refused(FailureKind.NotFound),
            async () => delete
                ? await t.Accounts.DeleteAsync(account.Make(), keepDns: flag)
                : await t.Accounts.ResumeAsync(account.Make(), force: flag));
    }

    private static FuzzCase ChangePlan(InputGenerator g, FuzzTargets t)
    {
        ReferenceChoice account = t.ReferenceChoice(g);
        PlanChoice plan = g.Chance(0.2) ? new PlanChoice(g.Noise(30) + "x", null, NameState.Unknown) : t.PlanOrPackage(g);

        // known1 is on Basic already: without force, moving it there again answers "no change" from billing alone.
        bool force = g.Chance(0.5) && !(account.State == NameState.Known && plan.State == NameState.Known);
        Expectation expect = account.State == NameState.Invalid || plan.State == NameState.Invalid ? Expectation.Refused(FailureKind.InvalidArgument)
            : account.State == NameState.Unknown || plan.State == NameState.Unknown ? Expectation.Refused(FailureKind.NotFound)
            : Expectation.Completes(result => result is AccountChangeResult { Changed: false } ? null : "changed the plan");
        return new FuzzCase(
            "AccountOperations.ChangePlanAsync",
            account.Shown + ", " + plan,
            expect,
            async () => await t.Accounts.ChangePlanAsync(account.Make(), plan.PlanName, plan.PackageName, force));
    }

    private static FuzzCase SetLimits(InputGenerator g, FuzzTargets t)
    {
        ReferenceChoice account = t.ReferenceChoice(g);
        (Func<AccountLimitsChange> change, bool changeValid, string shown) = g.Chance(0.5) ? LimitsAsText(g) : TypedLimits(g);
        if (changeValid && account.State == NameState.Known)
        {
            account = Unknown(g, t);
        }

        Expectation expect = account.State == NameState.Invalid ? Expectation.Refused(FailureKind.InvalidArgument)
            : !changeValid ? Expectation.Refused(FailureKind.InvalidArgument, AccountErrorIds.InvalidLimit)
            : Expectation.Refused(FailureKind.NotFound);
        return new FuzzCase(
            "AccountOperations.SetLimitsAsync",
            account.Shown + ", " + shown,
            expect,
            async () => await t.Accounts.SetLimitsAsync(account.Make(), change()));
    }

    /// <summary>Limits as Set-CpAccountLimit takes them: text per limit, read by <see cref="AccountLimitsChange.FromText"/>.</summary>
    private static (Func<AccountLimitsChange> Change, bool Valid, string Shown) LimitsAsText(InputGenerator g)
    {
        bool[] sizes = { true, true, false, false, false };
        string?[] texts = sizes.Select(size => g.Chance(0.5) ? null : CustomerAndListingFuzzCases.LimitText(g, size)).ToArray();
        bool valid = texts.Any(text => text is not null) && texts.Zip(sizes).All(p => p.First is null || CustomerAndListingFuzzCases.IsValidLimitText(p.First, p.Second));
        return (
            () => AccountLimitsChange.FromText(texts[0], texts[1], texts[2], texts[3], texts[4]),
            valid,
            "text " + FuzzText.Show(("bandwidth", texts[0]), ("disk", texts[1]), ("email", texts[2]), ("databases", texts[3]), ("addons", texts[4])));
    }

    private static (Func<AccountLimitsChange> Change, bool Valid, string Shown) TypedLimits(InputGenerator g)
    {
        (AccountLimits? limits, bool limitsValid, string limitsShown) = Limits(g);
        var change = new AccountLimitsChange { Set = limits ?? new AccountLimits() };
        foreach (AccountLimitKind kind in new[] { AccountLimitKind.Bandwidth, AccountLimitKind.Disk, AccountLimitKind.EmailAccounts, AccountLimitKind.Databases, AccountLimitKind.AddonDomains })
        {
            if (g.Chance(0.15))
            {
                change.ResetToPackage.Add(kind);
            }
        }

        bool setAny = new object?[] { change.Set.Bandwidth, change.Set.Disk, change.Set.EmailAccounts, change.Set.Databases, change.Set.AddonDomains }.Any(v => v is not null);
        bool bothForOne = change.ResetToPackage.Any(kind => kind switch
        {
            AccountLimitKind.Bandwidth => change.Set.Bandwidth is not null,
            AccountLimitKind.Disk => change.Set.Disk is not null,
            AccountLimitKind.EmailAccounts => change.Set.EmailAccounts is not null,
            AccountLimitKind.Databases => change.Set.Databases is not null,
            _ => change.Set.AddonDomains is not null,
        });
        return (() => change, limitsValid && !bothForOne && (setAny || change.ResetToPackage.Count > 0), "set " + limitsShown + ", reset " + string.Join(" ", change.ResetToPackage));
    }

    private static ReferenceChoice Unknown(InputGenerator g, FuzzTargets t)
    {
        ReferenceChoice other;
        do
        {
            other = t.ReferenceChoice(g);
        }
        while (other.State != NameState.Unknown);

        return other;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Billing.Sql;
using Xunit;

namespace CpanelBilling.Billing.Tests;

public sealed class BillingValueTests
{
    [Fact]
    public void Package_settings_keep_what_they_cannot_type()
    {
        PackageSettings settings = PackageSettings.FromListPkgs(new Dictionary<string, string?>
        {
            ["name"] = "odd",
            ["maxpop"] = "7",
            ["MAXLST"] = "*unknown*",
            ["IP"] = "1",
            ["CGI"] = "0",
            ["HASSHELL"] = "maybe",
            ["MAX_TEAM_USERS"] = "7",
            ["QUOTA"] = null,
        });

        Assert.Equal(CountLimit.Of(7), settings.MaxPop);
        Assert.Null(settings.MaxLists);
        Assert.Equal("*unknown*", settings.OtherSettings["MAXLST"]);
        Assert.True(settings.DedicatedIp);
        Assert.False(settings.Cgi);
        Assert.Null(settings.HasShell);
        Assert.Equal("maybe", settings.OtherSettings["HASSHELL"]);
        Assert.Equal(7, settings.MaxTeamUsers);
        Assert.Null(settings.Quota);
        Assert.Equal(new[] { "HASSHELL", "MAXLST" }, settings.OtherSettings.Keys);
    }

    [Fact]
    public void Package_settings_write_back_the_keys_they_read()
    {
        var listed = new Dictionary<string, string?>
        {
            ["QUOTA"] = "500M", ["BWLIMIT"] = "0", ["MAXSQL"] = "unlimited", ["MAXPARK"] = "0", ["MAX_TEAM_USERS"] = "3",
            ["IP"] = "1", ["CGI"] = "n", ["CPMOD"] = "jupiter", ["_PACKAGE_EXTENSIONS"] = "a b", ["HASSHELL"] = "maybe",
            ["FUTURE_KEY"] = "x",
        };

        PackageSettings settings = PackageSettings.FromListPkgs(listed);
        var written = settings.ToListPkgs().ToDictionary(p => p.Key, p => p.Value);

        // Values come back in the package file's own form: megabytes without suffix, 0 MB as unlimited, flags as y/n.
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["QUOTA"] = "500", ["BWLIMIT"] = "unlimited", ["MAXSQL"] = "unlimited", ["MAXPARK"] = "0", ["MAX_TEAM_USERS"] = "3",
                ["IP"] = "y", ["CGI"] = "n", ["CPMOD"] = "jupiter", ["_PACKAGE_EXTENSIONS"] = "a b", ["HASSHELL"] = "maybe",
                ["FUTURE_KEY"] = "x",
            },
            written);
        Assert.Equivalent(settings, PackageSettings.FromListPkgs(written.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))), strict: true);

        settings.HasShell = true; // a value set later wins over the unreadable one kept from the server
        Assert.Equal("y", settings.ToListPkgs().Single(p => p.Key == "HASSHELL").Value);
    }

    [Fact]
    public void Limits_are_stored_as_minus_one_for_unlimited_and_null_for_as_the_package_says()
    {
        Assert.Equal(-1L, LimitColumn.ToDb(CountLimit.Unlimited));
        Assert.Equal(0L, LimitColumn.ToDb(CountLimit.Of(0)));
        Assert.Equal(-1L, LimitColumn.ToDb(MegabyteLimit.Unlimited));
        Assert.Equal(5_000_000_000L, LimitColumn.ToDb(MegabyteLimit.Of(5_000_000_000)));
        Assert.Null(LimitColumn.ToDb((CountLimit?)null));
        Assert.Null(LimitColumn.ToDb((MegabyteLimit?)null));

        Assert.Equal(CountLimit.Of(0), LimitColumn.CountFromDb(0));
        Assert.Equal(CountLimit.Unlimited, LimitColumn.CountFromDb(-1));
        Assert.Null(LimitColumn.CountFromDb(null));
        Assert.Throws<InvalidOperationException>(() => LimitColumn.CountFromDb(3_000_000_000));
        Assert.Equal(MegabyteLimit.Unlimited, LimitColumn.MegabytesFromDb(-1));
        Assert.Equal(MegabyteLimit.Unlimited, LimitColumn.MegabytesFromDb(0)); // what cPanel makes of 0 MB
        Assert.Equal(MegabyteLimit.Of(5_000_000_000), LimitColumn.MegabytesFromDb(5_000_000_000));
        Assert.Null(LimitColumn.MegabytesFromDb(null));
    }

    [Fact]
    public void A_billing_month_is_a_calendar_month()
    {
        Assert.Equal(new BillingMonth(2024, 2), BillingMonth.Of(new DateTime(2024, 2, 29, 23, 59, 59, DateTimeKind.Utc)));
        Assert.Equal("2024-02", new BillingMonth(2024, 2).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new BillingMonth(2024, 13));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BillingMonth(1969, 1));
    }

    [Theory]
    [InlineData("password", true)]
    [InlineData("Passwd", true)]
    [InlineData("pass", true)]
    [InlineData("api_token", true)]
    [InlineData("key", true)]
    [InlineData("secret", true)]
    [InlineData("username", false)]
    [InlineData("plan", false)]
    [InlineData("contactemail", false)]
    public void Secret_journal_parameters_are_masked_by_name(string name, bool secret)
    {
        IReadOnlyDictionary<string, string?> stored = SecretMasking.MaskParameters(
            new Dictionary<string, string?> { [name] = "value", ["db_pass"] = null });

        Assert.Equal(secret ? SecretMasking.Mask : "value", stored[name]);
        Assert.Null(stored["db_pass"]); // nothing to hide, and "not given" stays visible
    }
}

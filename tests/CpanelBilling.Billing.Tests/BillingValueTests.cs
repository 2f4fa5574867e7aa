using System;
using System.Collections.Generic;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using Xunit;

namespace CpanelBilling.Billing.Tests;

public sealed class BillingValueTests
{
    [Theory]
    [InlineData("unlimited", null)]
    [InlineData("UNLIMITED", null)]
    [InlineData(" 10 ", 10L)]
    [InlineData("0", 0L)]
    [InlineData("102400", 102400L)]
    public void A_limit_reads_a_count_or_unlimited(string text, long? count)
    {
        Assert.True(LimitValue.TryParse(text, out LimitValue value));
        Assert.Equal(count, value.Count);
        Assert.Equal(count == null, value.IsUnlimited);
        Assert.Equal(count?.ToString() ?? "unlimited", value.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("*unknown*")]
    [InlineData(null)]
    public void Anything_else_is_not_a_limit(string? text)
    {
        Assert.False(LimitValue.TryParse(text, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => LimitValue.Of(-1));
    }

    [Fact]
    public void Limits_compare_by_value()
    {
        Assert.Equal(LimitValue.Of(5), LimitValue.Parse("5"));
        Assert.NotEqual(LimitValue.Of(0), LimitValue.Unlimited);
        Assert.True(LimitValue.Unlimited == LimitValue.Parse("unlimited"));
    }

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

        Assert.Equal(LimitValue.Of(7), settings.MaxPop);
        Assert.Null(settings.MaxLst);
        Assert.Equal("*unknown*", settings.OtherAttributes["MAXLST"]);
        Assert.True(settings.DedicatedIp);
        Assert.False(settings.Cgi);
        Assert.Null(settings.HasShell);
        Assert.Equal("maybe", settings.OtherAttributes["HASSHELL"]);
        Assert.Equal("7", settings.OtherAttributes["MAX_TEAM_USERS"]);
        Assert.Null(settings.QuotaMb);
        Assert.False(settings.OtherAttributes.ContainsKey("name"));
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

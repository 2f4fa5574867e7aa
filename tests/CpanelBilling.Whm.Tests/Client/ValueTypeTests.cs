using System;
using CpanelBilling.Core;
using Xunit;

namespace CpanelBilling.Whm.Tests.Client;

public sealed class ValueTypeTests
{
    [Theory]
    [InlineData("unlimited", null)]
    [InlineData("Unlimited", null)]
    [InlineData("UNLIMITED", null)]
    [InlineData("0", 0)]
    [InlineData(" 25 ", 25)]
    [InlineData("102400", 102400)]
    public void CountLimit_parses_counts_and_unlimited(string text, int? expected)
    {
        CountLimit limit = CountLimit.Parse(text);

        Assert.Equal(expected, limit.Value);
        Assert.Equal(expected is null, limit.IsUnlimited);
        Assert.Equal(expected?.ToString() ?? "unlimited", limit.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("*unknown*")]
    [InlineData("5M")]
    [InlineData("2147483648")]
    [InlineData(null)]
    public void CountLimit_refuses_other_text(string? text)
    {
        Assert.False(CountLimit.TryParse(text, out _));
        Assert.Throws<FormatException>(() => CountLimit.Parse(text!));
    }

    [Fact]
    public void CountLimit_default_is_unlimited_and_negative_counts_are_refused()
    {
        Assert.Equal(CountLimit.Unlimited, default(CountLimit));
        Assert.NotEqual(CountLimit.Unlimited, CountLimit.Of(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CountLimit.Of(-1));
        CountLimit implicitFive = 5;
        Assert.Equal(CountLimit.Of(5), implicitFive);
    }

    [Theory]
    [InlineData("unlimited", null)]
    [InlineData("0", null)]
    [InlineData("500", 500L)]
    [InlineData("500M", 500L)]
    [InlineData("10240m", 10240L)]
    [InlineData("4194304", 4194304L)]          // 4 TB
    [InlineData("4294967296", 4294967296L)]    // beyond 32 bits
    public void MegabyteLimit_parses_sizes_with_suffix_and_zero_as_unlimited(string text, long? expected)
    {
        MegabyteLimit limit = MegabyteLimit.Parse(text);

        Assert.Equal(expected, limit.Megabytes);
        Assert.Equal(expected?.ToString() ?? "unlimited", limit.ToString());
    }

    [Fact]
    public void MegabyteLimit_of_zero_is_refused_with_a_hint()
    {
        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => MegabyteLimit.Of(0));

        Assert.Contains("Unlimited", thrown.Message);
        Assert.Throws<FormatException>(() => MegabyteLimit.Parse("1 GB"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("*unknown*")]
    [InlineData(null)]
    public void MegabyteLimit_refuses_other_text(string? text) => Assert.False(MegabyteLimit.TryParse(text, out _));

    [Fact]
    public void Limits_compare_by_value()
    {
        Assert.Equal(CountLimit.Of(5), CountLimit.Parse("5"));
        Assert.True(CountLimit.Unlimited == CountLimit.Parse("unlimited"));
        Assert.True(CountLimit.Of(5) != CountLimit.Of(6));
        Assert.Equal(MegabyteLimit.Of(5_000_000_000), MegabyteLimit.Parse("5000000000M"));
        Assert.Equal(MegabyteLimit.Unlimited, MegabyteLimit.Parse("0"));
        Assert.True(MegabyteLimit.Of(1) != MegabyteLimit.Unlimited);
    }
}

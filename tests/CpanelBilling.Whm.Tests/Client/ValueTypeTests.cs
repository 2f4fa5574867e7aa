using System;
using CpanelBilling.Core.Whm;
using Xunit;

namespace CpanelBilling.Whm.Tests.Client;

public sealed class ValueTypeTests
{
    [Theory]
    [InlineData("unlimited", null)]
    [InlineData("Unlimited", null)]
    [InlineData("0", 0)]
    [InlineData(" 25 ", 25)]
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
    [InlineData("*unknown*")]
    [InlineData("5M")]
    public void CountLimit_refuses_other_text(string text)
    {
        Assert.False(CountLimit.TryParse(text, out _));
        Assert.Throws<FormatException>(() => CountLimit.Parse(text));
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
}

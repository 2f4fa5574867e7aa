using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using Xunit;

namespace CpanelBilling.Billing.Tests;

/// <summary>Names as PowerShell users type them, turned into what the database compares and matched exactly.</summary>
public sealed class NamePatternTests
{
    [Theory]
    [InlineData("Bob", "bob")]
    [InlineData("a`*b", "a*b")]
    [InlineData("a`[1`]", "a[1]")]
    [InlineData("50%_off", "50%_off")]
    public void A_name_without_wildcards_is_exact_and_lower_case(string text, string exact)
    {
        NamePattern pattern = NamePattern.Parse(text, "user name");

        Assert.True(pattern.IsExact);
        Assert.Equal(exact, pattern.Exact);
        Assert.True(pattern.IsMatch(exact.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("an*", "an%")]
    [InlineData("?ob", "_ob")]
    [InlineData("[a-c]x*", "_x%")]
    [InlineData("*.Example.COM", "%.example.com")]
    [InlineData("50%_*", @"50\%\_%")]
    [InlineData(@"back\slash*", @"back\\slash%")]
    [InlineData("x`[*", @"x\[%")]
    public void A_pattern_becomes_an_escaped_LIKE_pattern_that_matches_at_least_as_much(string text, string like)
    {
        NamePattern pattern = NamePattern.Parse(text, "user name");

        Assert.False(pattern.IsExact);
        Assert.Equal(like, pattern.ToLike());
    }

    [Theory]
    [InlineData("an*", "anna", true)]
    [InlineData("an*", "AN", true)]
    [InlineData("an*", "bann", false)]
    [InlineData("?ob", "bob", true)]
    [InlineData("?ob", "boob", false)]
    [InlineData("[a-c]*", "bert", true)]
    [InlineData("[a-c]*", "dora", false)]
    [InlineData("[xz]ed", "zed", true)]
    [InlineData("[xz]ed", "yed", false)]
    [InlineData("*b*b*b*", "abxbyb", true)]
    [InlineData("*b*b*b*", "abxb", false)]
    [InlineData("a`*", "a*", true)]
    [InlineData("a`*", "ab", false)]
    [InlineData("*", "", true)]
    public void A_pattern_matches_as_PowerShell_wildcards_do(string text, string value, bool matches)
    {
        Assert.Equal(matches, NamePattern.Parse(text, "user name").IsMatch(value));
    }

    [Fact]
    public void Matching_a_pattern_of_many_stars_against_a_long_name_does_not_backtrack_exponentially()
    {
        NamePattern pattern = NamePattern.Parse("*a*a*a*a*a*a*a*a*a*a*b", "domain name");

        Assert.False(pattern.IsMatch(new string('a', 250)));
    }

    [Theory]
    [InlineData("[ab")]
    [InlineData("x[]")]
    public void An_unclosed_or_empty_set_is_an_invalid_value(string text)
    {
        var error = Assert.Throws<BillingInvalidValueException>(() => NamePattern.Parse(text, "user name"));

        Assert.Equal(FailureKind.InvalidArgument, error.Kind);
        Assert.Contains(text, error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_literal_prefix_is_escaped_for_LIKE()
    {
        Assert.Equal(@"a\_b\%c\[d\\e", NamePattern.EscapeLike(@"a_b%c[d\e"));
    }
}

using System.Collections.Generic;
using System.Linq;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Operations.Accounts.Validation;
using Xunit;

namespace CpanelBilling.Operations.Tests.Accounts;

/// <summary>cPanel's name rules and the generators, without a server.</summary>
public sealed class NameAndPasswordRulesTests
{
    [Theory]
    [InlineData("alice")]
    [InlineData("a")]
    [InlineData("_legacy")]
    [InlineData("abcdefghijklmnop")]
    [InlineData("web2024")]
    public void Names_cpanel_accepts_pass(string name) => Assert.Null(CpanelUserName.Problem(name));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("abcdefghijklmnopq", "at most 16")]
    [InlineData("9lives", "must not start with a digit")]
    [InlineData("Alice", "lowercase")]
    [InlineData("al.ice", "lowercase")]
    [InlineData("nobody", "reserved")]
    [InlineData("postmaster", "reserved")]
    [InlineData("test42", "starts with 'test'")]
    [InlineData("cpanelfan", "starts with 'cpanel'")]
    [InlineData("mypassword", "ends with 'assword'")]
    [InlineData("_123", "reserved")]
    public void Names_cpanel_refuses_say_why(string name, string why) => Assert.Contains(why, CpanelUserName.Problem(name));

    [Theory]
    [InlineData("longname", "longname12", true)]
    [InlineData("longnam1", "longname12", false)]
    [InlineData("myshop1", "myshop1x", false)]
    [InlineData("abcdefghij", "abcdefghxy", true)]
    [InlineData("bob", "bob", true)]
    public void Names_collide_on_their_first_8_characters(string name, string other, bool collide) =>
        Assert.Equal(collide, CpanelUserName.Collide(name, other));

    [Theory]
    [InlineData("example.com")]
    [InlineData("a.b.example.co.uk")]
    [InlineData("xn--bcher-kva.example")]
    [InlineData("1-2-3.example.org")]
    public void Domains_cpanel_accepts_pass(string domain) => Assert.Null(CpanelDomainName.Problem(domain));

    [Theory]
    [InlineData("localhost")]
    [InlineData("example.123")]
    [InlineData("ex--ample-.com")]
    [InlineData("a..b.com")]
    [InlineData("www.shop.example")]
    [InlineData("my.json")]
    [InlineData("cpanel.com")]
    [InlineData("::1")]
    public void Domains_cpanel_refuses_have_a_reason(string domain) => Assert.NotNull(CpanelDomainName.Problem(domain));

    [Fact]
    public void A_domain_is_normalized_as_cpanel_stores_it() =>
        Assert.Equal("shop.example.com", CpanelDomainName.Normalize("  Shop.Example.COM. "));

    [Fact]
    public void Generated_passwords_are_long_mixed_unique_and_drawn_from_the_safe_alphabet()
    {
        var seen = new HashSet<string>();
        for (int i = 0; i < 200; i++)
        {
            using var secure = PasswordGenerator.Generate();
            string password = AccountWorld.Reveal(secure);
            Assert.Equal(PasswordGenerator.Length, password.Length);
            Assert.Contains(password, char.IsLower);
            Assert.Contains(password, char.IsUpper);
            Assert.Contains(password, char.IsDigit);
            Assert.Contains(password, c => "!#%+-=@_".IndexOf(c) >= 0);
            Assert.DoesNotContain(password, c => "lIO01\"'`$\\ ".IndexOf(c) >= 0);
            Assert.True(secure.IsReadOnly());
            Assert.True(seen.Add(password));
        }
    }

    [Theory]
    [InlineData("my-shop.example.com", "myshop")]
    [InlineData("testtest.example.com", "site")]
    [InlineData("cpanelfans.example.com", null)]
    public void User_name_candidates_are_valid_short_and_share_their_start(string domain, string? first)
    {
        var candidates = new UserNameCandidates(domain);

        List<string> all = candidates.All().ToList();

        Assert.True(all.Count >= 5);
        Assert.All(all, name =>
        {
            Assert.Null(CpanelUserName.Problem(name));
            Assert.True(name.Length <= CpanelUserName.UniquePrefixLength);
            Assert.StartsWith(candidates.SharedStart, name);
        });
        Assert.Equal(all.Count, all.Distinct().Count());
        if (first != null)
        {
            Assert.Equal(first, all[0]);
        }
    }

    [Fact]
    public void A_start_a_random_tail_can_turn_into_a_reserved_name_still_gives_five_random_candidates_every_time()
    {
        // "cpanelfans" gives only names starting with the reserved "cpanel", and "cpan" plus a tail beginning "el" is one too.
        var candidates = new UserNameCandidates("cpanelfans.example.com");

        for (int run = 0; run < 2000; run++)
        {
            List<string> all = candidates.All().ToList();
            Assert.Equal(5, all.Count);
            Assert.All(all, name => Assert.Null(CpanelUserName.Problem(name)));
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Testing.Operations;
using Xunit;

namespace CpanelBilling.Operations.Tests.Accounts;

/// <summary>Listing accounts by name as Get-CpAccount does: filtered by billing, then NotFound for each exact name nothing matched.</summary>
public sealed class AccountListingTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;

    public AccountListingTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task Accounts_come_first_then_one_NotFound_per_exact_name_that_nothing_matched()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        foreach (string user in new[] { "anna", "andy", "bert" })
        {
            await world.AddActiveAccountAsync(user, user + ".example.com", onServer: false);
        }

        List<AccountListing> listing = await FindAsync(world, new AccountFilter { UserNames = new[] { "An*", "Nobody", "BERT", "nobody", "z*" } });

        Assert.Equal(new[] { "anna", "andy", "bert" }, listing.TakeWhile(l => l.Account != null).Select(l => l.Account!.UserName));
        AccountOperationException missing = Assert.Single(listing, l => l.Missing != null).Missing!;
        Assert.Same(missing, listing.Last().Missing);
        AccountWorld.AssertFailure(missing, AccountErrorIds.AccountNotFound, FailureKind.NotFound);
        Assert.Equal("Nobody", missing.Target);
        Assert.DoesNotContain("other filters", missing.Message);
    }

    [Fact]
    public async Task An_exact_name_another_filter_excludes_is_reported_as_not_matching_them()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.AddActiveAccountAsync("bert", "bert.example.com", onServer: false);
        await world.AddActiveAccountAsync("cleo", "cleo.example.org", onServer: false);

        List<AccountListing> suspended = await FindAsync(world, new AccountFilter { ServerName = "WEB01", UserNames = new[] { "bert" }, Status = AccountStatus.Suspended });
        List<AccountListing> byDomain = await FindAsync(world, new AccountFilter { DomainNames = new[] { "*.ORG" } });

        AccountOperationException missing = Assert.Single(suspended).Missing!;
        Assert.Contains("other filters", missing.Message);
        Assert.Equal(new[] { "cleo" }, byDomain.Select(l => l.Account!.UserName));
    }

    [Fact]
    public async Task A_malformed_pattern_is_an_invalid_argument_before_anything_is_listed()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);

        var failure = await Assert.ThrowsAnyAsync<CpanelBillingException>(() => FindAsync(world, new AccountFilter { UserNames = new[] { "[ab" } }));

        Assert.Equal(FailureKind.InvalidArgument, failure.Kind);
    }

    private static async Task<List<AccountListing>> FindAsync(OperationsWorld world, AccountFilter filter)
    {
        var listing = new List<AccountListing>();
        await foreach (AccountListing item in world.Accounts().FindAsync(filter))
        {
            listing.Add(item);
        }

        return listing;
    }
}

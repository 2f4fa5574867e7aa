using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Operations.Accounts.Validation;
using CpanelBilling.Core.Operations.Packages;
using CpanelBilling.Operations.Tests.Accounts;
using CpanelBilling.Testing.Operations;
using Xunit;

namespace CpanelBilling.Operations.Tests.Hardening;

/// <summary>
/// The defects the input fuzz found, each pinned by the smallest input that showed it: refused with the typed
/// InvalidArgument error, before any server call and without billing being touched.
/// </summary>
public sealed class InputDefectTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;

    public InputDefectTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public void A_reference_that_names_no_account_is_refused_as_invalid_input_not_as_a_programming_error()
    {
        AssertInvalid(Assert.Throws<AccountOperationException>(() => AccountReference.ById(0)), AccountErrorIds.InvalidRequest);
        AssertInvalid(Assert.Throws<AccountOperationException>(() => AccountReference.ById(long.MinValue)), AccountErrorIds.InvalidRequest);
        AssertInvalid(Assert.Throws<AccountOperationException>(() => AccountReference.ByUserName(" ", "bob")), AccountErrorIds.InvalidRequest);
        AssertInvalid(Assert.Throws<AccountOperationException>(() => AccountReference.ByUserName("web01", "\t")), AccountErrorIds.InvalidUserName);
    }

    [Theory]
    [InlineData("shop\n.example.com")]
    [InlineData("example.com\n.")]
    [InlineData("a.b\n.example.org")]
    public async Task A_domain_with_a_line_break_at_the_end_of_a_label_is_refused_before_any_call(string domain)
    {
        await using OperationsWorld world = await QuietWorldAsync();

        var failure = await Assert.ThrowsAsync<AccountOperationException>(() => world.Accounts().OpenAsync(world.Request(domain, "shop")));

        AssertInvalid(failure, AccountErrorIds.InvalidDomain);
        Assert.NotNull(CpanelDomainName.Problem(CpanelDomainName.Normalize(domain)));
        Assert.Empty(world.Simulator.Server.Requests);
        Assert.Empty(await world.AccountsAsync());
    }

    [Fact]
    public void A_user_name_ending_in_a_line_break_is_not_a_user_name()
    {
        Assert.NotNull(CpanelUserName.Problem("bob\n"));
        Assert.NotNull(CpanelUserName.Problem("123\n"));
    }

    [Theory]
    [InlineData("\u212Aitchen.example.com", "kitchen", AccountErrorIds.InvalidDomain)]
    [InlineData("\u0130nfo-shop.example.com", "infoshop", AccountErrorIds.InvalidDomain)]
    [InlineData("kitchen.example.com", "\u212Aitchen", AccountErrorIds.InvalidUserName)]
    [InlineData("bob.example.com", "\u0130bob", AccountErrorIds.InvalidUserName)]
    public async Task A_letter_that_only_looks_like_ascii_is_refused_not_turned_into_another_name(string domain, string userName, string errorId)
    {
        await using OperationsWorld world = await QuietWorldAsync();

        var failure = await Assert.ThrowsAsync<AccountOperationException>(() => world.Accounts().OpenAsync(world.Request(domain, userName)));

        AssertInvalid(failure, errorId);
        Assert.Empty(world.Simulator.Server.Requests);
        Assert.Empty(await world.AccountsAsync());
    }

    [Fact]
    public async Task A_suspension_reason_that_is_not_one_line_of_well_formed_text_is_refused_before_any_call()
    {
        await using OperationsWorld world = await QuietWorldAsync();
        Core.Billing.Account bob = await world.AddActiveAccountAsync("bob", "bob.example.com");

        // Built here, not in [InlineData]: the test runner would replace the half surrogate pairs before the test saw them.
        foreach (string reason in new[] { "Unpaid\u2028invoice 42", "Unpaid\u2029invoice 42", "Unpaid \uD800 invoice", "Unpaid invoice \uDC00" })
        {
            var failure = await Assert.ThrowsAsync<AccountOperationException>(() => world.Accounts().SuspendAsync(world.Ref("bob"), reason));
            AssertInvalid(failure, AccountErrorIds.InvalidSuspendReason);
        }

        Assert.Empty(world.Simulator.Server.Requests);
        Assert.Empty(await world.JournalAsync());
        Assert.Equal(bob.RowVersion, (await world.Billing.GetAccountAsync(bob.Id)).RowVersion);
    }

    [Fact]
    public async Task A_contact_address_with_a_control_character_or_half_a_surrogate_pair_is_refused_before_any_call()
    {
        await using OperationsWorld world = await QuietWorldAsync();

        foreach (string email in new[] { "bob\u0000@example.com", "bob@exam\u0008ple.com", "bob@example.com\u001b", "bob@ex\uDC00ample.com" })
        {
            OpenAccountRequest request = world.Request("bob.example.com", "bob");
            request.ContactEmail = email;
            var failure = await Assert.ThrowsAsync<AccountOperationException>(() => world.Accounts().OpenAsync(request));
            AssertInvalid(failure, AccountErrorIds.InvalidContactEmail);
        }

        Assert.Empty(world.Simulator.Server.Requests);
        Assert.Empty(await world.AccountsAsync());
    }

    [Fact]
    public async Task Package_text_with_half_a_surrogate_pair_is_refused_before_any_call()
    {
        await using OperationsWorld world = await QuietWorldAsync();
        var packages = new PackageOperations(world.Context);

        foreach (PackageRequest request in new[]
        {
            new PackageRequest { Name = "gold\uD800" },
            new PackageRequest { Name = "\uDC00gold" },
            new PackageRequest { Name = "gold", FeatureList = "premium\uD800" },
        })
        {
            var failure = await Assert.ThrowsAsync<OperationArgumentException>(() => packages.AddAsync("web01", request));
            AssertInvalid(failure, OperationErrorIds.InvalidPackage);
        }

        AssertInvalid(await Assert.ThrowsAsync<OperationArgumentException>(() => packages.RemoveAsync("web01", "gold\uD800")), OperationErrorIds.InvalidPackage);
        Assert.Empty(world.Simulator.Server.Requests);
        Assert.Empty(await world.JournalAsync());
    }

    [Fact]
    public async Task A_package_size_the_server_cannot_store_is_refused_before_any_call_and_one_pebibyte_is_accepted()
    {
        await using OperationsWorld world = await QuietWorldAsync();
        var packages = new PackageOperations(world.Context);

        var failure = await Assert.ThrowsAsync<OperationArgumentException>(() => packages.AddAsync("web01", new PackageRequest { Name = "huge", Quota = "9223372036854775807" }));
        PackageChangeResult largest = await packages.AddAsync("web01", new PackageRequest { Name = "largest", Quota = "1073741824", BandwidthLimit = "1073741824" });

        AssertInvalid(failure, OperationErrorIds.InvalidPackage);
        Assert.Contains("unlimited", failure.Message);
        Assert.DoesNotContain(world.Simulator.Server.Requests, r => r.Function == "addpkg" && r.FormValue("name") == "huge");
        Assert.Equal("1073741824", world.SimState.FindPackage("largest")?.Quota);
        Assert.Equal(MegabyteLimit.Of(1L << 30), largest.Package?.Settings.Quota);
    }

    [Fact]
    public async Task An_opening_that_names_neither_plan_nor_package_is_refused_as_invalid_before_any_name_is_looked_up()
    {
        await using OperationsWorld world = await QuietWorldAsync();
        OpenAccountRequest request = world.Request("bob.example.com", "bob");
        request.ServerName = "web99";
        request.PlanName = " ";
        request.PackageName = null;

        var failure = await Assert.ThrowsAsync<AccountOperationException>(() => world.Accounts().OpenAsync(request));

        AssertInvalid(failure, AccountErrorIds.InvalidRequest);
        Assert.Empty(world.Simulator.Server.Requests);
    }

    [Fact]
    public async Task A_limit_with_a_nul_after_its_digits_is_not_a_number()
    {
        await using OperationsWorld world = await QuietWorldAsync();
        await world.AddActiveAccountAsync("bob", "bob.example.com");
        world.Simulator.Server.ClearRequests();

        // Built here, not in [InlineData]: NUL characters are what this is about.
        var limit = Assert.Throws<AccountOperationException>(() => AccountLimitsChange.FromText(null, null, "342\u0000", null, null));
        var package = await Assert.ThrowsAsync<OperationArgumentException>(() => new PackageOperations(world.Context).AddAsync("web01", new PackageRequest { Name = "gold", Quota = "100\u0000", MaxFtp = "7\u0000" }));

        AssertInvalid(limit, AccountErrorIds.InvalidLimit);
        AssertInvalid(package, OperationErrorIds.InvalidPackage);
        Assert.Contains("MaxFtp", package.Message);
        Assert.False(CountLimit.TryParse("5\u0000", out _));
        Assert.False(MegabyteLimit.TryParse("5\u0000M", out _));
        Assert.Empty(world.Simulator.Server.Requests);
    }

    [Fact]
    public void A_compare_or_repair_scope_with_a_blank_name_is_refused_as_invalid_input()
    {
        var scope = new Core.Operations.Reconcile.ReconcileScope();

        AssertInvalid(Assert.Throws<OperationArgumentException>(() => scope.AddServer(" ")), OperationErrorIds.InvalidReconcileScope);
        AssertInvalid(Assert.Throws<OperationArgumentException>(() => scope.AddAccount("\t", "bob")), OperationErrorIds.InvalidReconcileScope);
        AssertInvalid(Assert.Throws<OperationArgumentException>(() => scope.AddAccount("web01", "")), OperationErrorIds.InvalidReconcileScope);
        Assert.True(scope.IsAllServers);
    }

    private static void AssertInvalid(CpanelBillingException failure, string errorId)
    {
        Assert.Equal(FailureKind.InvalidArgument, failure.Kind);
        Assert.Equal(errorId, failure.ErrorId);
        Assert.False(string.IsNullOrWhiteSpace(failure.Message));
    }

    private async Task<OperationsWorld> QuietWorldAsync()
    {
        OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        world.Simulator.Server.ClearRequests();
        return world;
    }
}

using CpanelBilling.Core;
using CpanelBilling.Core.Operations.Accounts;
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

    private static void AssertInvalid(CpanelBillingException failure, string errorId)
    {
        Assert.Equal(FailureKind.InvalidArgument, failure.Kind);
        Assert.Equal(errorId, failure.ErrorId);
        Assert.False(string.IsNullOrWhiteSpace(failure.Message));
    }
}

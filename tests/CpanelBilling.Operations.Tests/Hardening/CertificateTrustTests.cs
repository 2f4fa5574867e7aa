using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Operations.Journal;
using CpanelBilling.Core.Operations.Servers;
using CpanelBilling.Core.Whm;
using CpanelBilling.Operations.Tests.Accounts;
using CpanelBilling.Testing.Operations;
using Xunit;

namespace CpanelBilling.Operations.Tests.Hardening;

/// <summary>
/// TLS trust as account operations meet it: the simulator's self-signed certificate is refused unless pinned, a
/// wrong pin is refused, and the error shows the presented thumbprint with the command that pins it. A refused
/// certificate means nothing was sent: the token never left this machine and billing is unchanged.
/// </summary>
public sealed class CertificateTrustTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;

    public CertificateTrustTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    private string Presented => simulator.CertificateSha256.ToUpperInvariant();

    [Fact]
    public async Task An_account_operation_on_a_server_whose_certificate_is_neither_trusted_nor_pinned_is_refused_with_how_to_pin_it()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account bob = await world.AddActiveAccountAsync("bob", "bob.example.com");
        await new ServerOperations(world.Context).UpdateAsync("web01", new ServerUpdate { CertificateThumbprint = "" });
        world.Simulator.Server.ClearRequests();

        var failure = await Assert.ThrowsAsync<WhmCertificateException>(() => world.Accounts().SuspendAsync(world.Ref("bob"), "unpaid"));

        Assert.Equal(FailureKind.AuthenticationFailed, failure.Kind);
        Assert.Equal(Presented, failure.PresentedThumbprint);
        Assert.Contains($"Set-CpServer -Name 'web01' -CertificateThumbprint '{Presented}'", failure.Message);
        await AssertNothingSentAndBobUntouchedAsync(world, bob);
    }

    [Fact]
    public async Task An_account_operation_on_a_server_presenting_another_certificate_than_the_pinned_one_is_refused()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        Account bob = await world.AddActiveAccountAsync("bob", "bob.example.com");
        string otherPin = new('a', 64);
        await new ServerOperations(world.Context).UpdateAsync("web01", new ServerUpdate { CertificateThumbprint = otherPin });
        world.Simulator.Server.ClearRequests();

        var failure = await Assert.ThrowsAsync<WhmCertificateException>(() => world.Accounts().SuspendAsync(world.Ref("bob"), "unpaid"));

        Assert.Contains(otherPin.ToUpperInvariant(), failure.Message);
        Assert.Contains($"Set-CpServer -Name 'web01' -CertificateThumbprint '{Presented}'", failure.Message);
        await AssertNothingSentAndBobUntouchedAsync(world, bob);
    }

    [Fact]
    public async Task The_pinned_certificate_is_trusted_for_account_operations_and_the_connection_check()
    {
        await using OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        await world.AddActiveAccountAsync("bob", "bob.example.com");

        AccountChangeResult suspended = await world.Accounts().SuspendAsync(world.Ref("bob"), "unpaid");
        ServerConnectionReport check = await new ServerConnectionCheck(world.Context).CheckAsync("web01");

        Assert.Equal(AccountStatus.Suspended, suspended.Account.Status);
        Assert.Equal(ConnectionCheckStatus.Connected, check.Status);
        Assert.Equal(CertificateTrust.Pin, check.Certificate!.Trust);
        Assert.Equal(Presented, check.Certificate.Sha256Thumbprint);
    }

    private static async Task AssertNothingSentAndBobUntouchedAsync(OperationsWorld world, Account bob)
    {
        Assert.Empty(world.Simulator.Server.Requests);
        Assert.Equal(bob.RowVersion, (await world.Billing.GetAccountAsync(bob.Id)).RowVersion);
        OperationJournalEntry entry = Assert.Single(await world.JournalAsync(WhmFunctions.SuspendAccount));
        Assert.Equal(OperationStatus.Failed, entry.Status);
        Assert.Null(await world.Billing.GetAccountLeaseAsync(bob.Id));
    }
}

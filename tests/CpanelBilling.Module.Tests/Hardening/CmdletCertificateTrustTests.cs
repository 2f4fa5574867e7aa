using System;
using System.Management.Automation;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Module.Tests.Commands;
using CpanelBilling.Module.Tests.Harness;
using CpanelBilling.Testing.Operations;
using CpanelBilling.Types;
using Xunit;

namespace CpanelBilling.Module.Tests.Hardening;

/// <summary>
/// TLS trust at the console: the simulator's self-signed certificate is refused by Test-CpServerConnection and by
/// Suspend-CpAccount while it is neither trusted nor pinned (or another certificate is pinned), nothing is sent, and
/// what they say to do (the presented thumbprint, the pin command) works as given.
/// </summary>
public sealed class CmdletCertificateTrustTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;

    public CmdletCertificateTrustTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    private string Presented => simulator.CertificateSha256.ToUpperInvariant();

    private string PinCommand => $"Set-CpServer -Name 'web01' -CertificateThumbprint '{Presented}'";

    [Fact]
    public async Task An_unpinned_untrusted_certificate_is_refused_with_the_command_that_pins_it_and_that_command_makes_it_work()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        Account bob = await world.World.AddActiveAccountAsync("bob", "bob.example.com");
        world.PS.Invoke("Set-CpServer web01 -CertificateThumbprint ''").AssertSuccess();
        world.World.Simulator.Server.ClearRequests();

        CpConnectionTest check = Assert.Single(world.PS.Invoke("Test-CpServerConnection web01").AssertSuccess().OutputOf<CpConnectionTest>());
        HarnessResult suspend = world.PS.Invoke("Suspend-CpAccount -Server web01 -UserName bob -Reason 'unpaid'");

        Assert.Equal("CertificateNotTrusted", check.Status);
        Assert.Equal(Presented, check.CertificateThumbprint);
        Assert.Equal("NotTrusted", check.CertificateTrust);
        Assert.Equal(PinCommand, check.PinHint);
        Assert.Contains(PinCommand, check.Message);
        AssertRefusedWithPinCommand(suspend);
        Assert.Empty(world.World.Simulator.Server.Requests);
        Assert.Equal(AccountStatus.Active, (await world.World.Billing.GetAccountAsync(bob.Id)).Status);

        world.PS.Invoke(check.PinHint).AssertSuccess();
        world.PS.Invoke("Suspend-CpAccount -Server web01 -UserName bob -Reason 'unpaid'").AssertSuccess();

        Assert.Equal(AccountStatus.Suspended, (await world.World.Billing.GetAccountAsync(bob.Id)).Status);
        Assert.Equal("Pin", Assert.Single(world.PS.Invoke("Test-CpServerConnection web01").AssertSuccess().OutputOf<CpConnectionTest>()).CertificateTrust);
    }

    [Fact]
    public async Task A_certificate_other_than_the_pinned_one_is_refused_with_both_thumbprints()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        Account bob = await world.World.AddActiveAccountAsync("bob", "bob.example.com");
        string otherPin = new('b', 64);
        world.PS.Invoke("Set-CpServer web01 -CertificateThumbprint $args[0]", otherPin).AssertSuccess();
        world.World.Simulator.Server.ClearRequests();

        CpConnectionTest check = Assert.Single(world.PS.Invoke("Test-CpServerConnection web01").AssertSuccess().OutputOf<CpConnectionTest>());
        HarnessResult suspend = world.PS.Invoke("Suspend-CpAccount -Server web01 -UserName bob -Reason 'unpaid'");

        Assert.Equal("CertificateNotTrusted", check.Status);
        Assert.Contains(otherPin.ToUpperInvariant(), check.Message);
        Assert.Equal(PinCommand, check.PinHint);
        ErrorRecord error = AssertRefusedWithPinCommand(suspend);
        Assert.Contains(otherPin.ToUpperInvariant(), error.Exception.Message);
        Assert.Empty(world.World.Simulator.Server.Requests);
        Assert.Equal(AccountStatus.Active, (await world.World.Billing.GetAccountAsync(bob.Id)).Status);
    }

    [Fact]
    public async Task A_host_checked_before_it_is_added_is_trusted_only_with_its_thumbprint()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        world.PS.SetVariable("credential", new PSCredential(simulator.User, CommandWorld.Secure(simulator.Token)));
        string check = $"Test-CpServerConnection -HostName {simulator.BaseUri.Host} -Port {simulator.BaseUri.Port} -Credential $credential";
        world.World.Simulator.Server.ClearRequests();

        CpConnectionTest unpinned = Assert.Single(world.PS.Invoke(check).AssertSuccess().OutputOf<CpConnectionTest>());
        Assert.Empty(world.World.Simulator.Server.Requests);
        CpConnectionTest pinned = Assert.Single(world.PS.Invoke(check + " -CertificateThumbprint $args[0]", unpinned.CertificateThumbprint).AssertSuccess().OutputOf<CpConnectionTest>());

        Assert.Equal("CertificateNotTrusted", unpinned.Status);
        Assert.Equal($"-CertificateThumbprint '{Presented}'", unpinned.PinHint);
        Assert.True(pinned.Succeeded);
        Assert.Equal("Pin", pinned.CertificateTrust);
    }

    private ErrorRecord AssertRefusedWithPinCommand(HarnessResult result)
    {
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("WhmCertificateRejected", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains(Presented, error.Exception.Message);
        Assert.Contains(PinCommand, error.Exception.Message);
        return error;
    }
}

using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using CpanelBilling.Module.Tests.Harness;
using CpanelBilling.Testing.Operations;
using CpanelBilling.Types;
using Xunit;

namespace CpanelBilling.Module.Tests.Commands;

/// <summary>
/// A token the server refused, through the cmdlets, with cPHulk-style lockout on: a bulk command reports every
/// account as a non-terminating authentication error after one refused login, and a token given again (by
/// Connect-CpBilling -Credential, Set-CpServer -Credential or a changed vault secret) is used by the next command.
/// </summary>
public sealed class RefusedTokenCommandTests : IClassFixture<OperationsWorldFixture>
{
    private const string RevokedToken = "REVOKED0TOKEN1234567890ABCDEFGHI";

    /// <summary>A stand-in for Microsoft.PowerShell.SecretManagement: Get-Secret and Set-Secret over an in-memory table.</summary>
    private const string FakeSecretManagement = """
        New-Module -Name Microsoft.PowerShell.SecretManagement -ScriptBlock {
            $secrets = @{}
            function Get-Secret { [CmdletBinding()] param([string] $Name, [string] $Vault) if ($secrets.ContainsKey($Name)) { $secrets[$Name] } }
            function Set-Secret { [CmdletBinding()] param([string] $Name, [string] $Vault, [securestring] $SecureStringSecret) $secrets[$Name] = $SecureStringSecret }
            Export-ModuleMember -Function Get-Secret, Set-Secret
        } | Import-Module
        """;

    private readonly OperationsWorldFixture simulator;

    public RefusedTokenCommandTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task A_bulk_suspension_with_a_refused_token_reports_every_account_after_one_login_and_Connect_CpBilling_Credential_clears_it()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        string[] users = Enumerable.Range(1, 10).Select(i => "overdue" + i).ToArray();
        foreach (string user in users)
        {
            await world.World.AddActiveAccountAsync(user, user + ".example.com");
        }

        world.PS.Invoke("Connect-CpBilling -Server web01 -Credential $args[0]", Credential(RevokedToken)).AssertSuccess();
        world.World.Simulator.Server.ClearRequests();

        HarnessResult result = world.PS.Invoke("Get-CpAccount -Status Active | Suspend-CpAccount -Reason 'Overdue' -PassThru -ThrottleLimit 8");

        Assert.Null(result.TerminatingError);
        Assert.Empty(result.Output);
        Assert.Single(world.World.Simulator.Server.Requests);
        Assert.Equal(users.OrderBy(u => u), result.Errors.Select(e => Assert.IsType<CpAccount>(e.TargetObject).UserName).OrderBy(u => u));
        Assert.All(result.Errors, error =>
        {
            Assert.StartsWith("WhmAuthenticationFailed", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.DoesNotContain(RevokedToken, error.ToString());
        });
        Assert.Equal(users.Length - 1, result.Errors.Count(e => e.Exception.Message.StartsWith("Not sent", StringComparison.Ordinal)));

        world.PS.Invoke("Connect-CpBilling -Server web01 -Credential $args[0]", Credential(simulator.Token)).AssertSuccess();
        world.PS.Invoke("Suspend-CpAccount -Server web01 -UserName overdue1 -Reason 'Overdue'").AssertSuccess();

        Assert.True(world.World.SimState.GetAccount("overdue1").Suspended);
    }

    [Fact]
    public async Task A_refused_token_read_again_from_the_vault_is_not_sent_and_a_changed_vault_secret_is_used()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        await world.World.AddActiveAccountAsync("ann", "ann.example.com");
        await world.World.AddActiveAccountAsync("ben", "ben.example.com");
        world.PS.Invoke(FakeSecretManagement).AssertSuccess();
        world.PS.Invoke("Set-CpServer -Name web01 -Credential $args[0]", Credential(RevokedToken)).AssertSuccess();
        world.World.Simulator.Server.ClearRequests();
        Assert.StartsWith("WhmAuthenticationFailed", Assert.Single(world.PS.Invoke("Suspend-CpAccount -Server web01 -UserName ann -Reason x").Errors).FullyQualifiedErrorId, StringComparison.Ordinal);

        HarnessResult again = world.PS.Invoke("Suspend-CpAccount -Server web01 -UserName ann -Reason x -Verbose");

        Assert.StartsWith("Not sent", Assert.Single(again.Errors).Exception.Message, StringComparison.Ordinal);
        Assert.Contains(again.Verbose, line => line.Contains("is the one the server refused", StringComparison.Ordinal));
        Assert.Single(world.World.Simulator.Server.Requests);

        // The admin fixes the secret in the vault, not through the module: the next command reads it.
        world.PS.Invoke("Microsoft.PowerShell.SecretManagement\\Set-Secret -Name web01-whm-token -SecureStringSecret $args[0]", CommandWorld.Secure(simulator.Token)).AssertSuccess();
        world.PS.Invoke("Suspend-CpAccount -Server web01 -UserName ben -Reason x").AssertSuccess();

        Assert.True(world.World.SimState.GetAccount("ben").Suspended);
    }

    private PSCredential Credential(string token) => new(simulator.User, CommandWorld.Secure(token));
}

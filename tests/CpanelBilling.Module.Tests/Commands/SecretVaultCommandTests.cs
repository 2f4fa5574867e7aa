using System;
using System.Collections;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Threading.Tasks;
using CpanelBilling.Module.Tests.Harness;
using CpanelBilling.Testing.Operations;
using CpanelBilling.Types;
using Xunit;

namespace CpanelBilling.Module.Tests.Commands;

/// <summary>
/// API tokens kept in SecretManagement between sessions: Add-CpServer stores the token there, and a later session
/// that was given no token reads it from there. SecretManagement itself is not installed here, so
/// SecretManagementStub.ps1 stands in for it (the same commands, parameters and errors; see that file).
/// </summary>
public sealed class SecretVaultCommandTests : IClassFixture<OperationsWorldFixture>
{
    private const string DefaultVault = "SecretStore";
    private static readonly string Stub = RepoPaths.InRepo("tests", "CpanelBilling.Module.Tests", "Commands", "SecretManagementStub.ps1");

    private readonly OperationsWorldFixture simulator;
    private readonly Hashtable vaults = new() { [DefaultVault] = new Hashtable(StringComparer.OrdinalIgnoreCase) };

    public SecretVaultCommandTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    private Hashtable Secrets => (Hashtable)vaults[DefaultVault]!;

    [Fact]
    public async Task Add_CpServer_stores_the_token_in_the_vault_and_a_session_given_no_token_reads_it_from_there()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        InstallSecretManagement(world.PS);

        HarnessResult added = AddWeb02(world.PS, vault: null).AssertSuccess();

        Assert.Empty(added.Warnings);
        Assert.Contains("API token of 'web02' stored in SecretManagement as secret 'CpanelBilling-web02' (default vault).", added.Verbose);
        Assert.Equal(simulator.Token, new NetworkCredential("", Assert.IsType<SecureString>(Secrets["CpanelBilling-web02"])).Password);

        using PowerShellHarness later = NewSession(world, "later");
        HarnessResult tested = later.Invoke("Test-CpServerConnection web02 -Verbose").AssertSuccess();

        CpConnectionTest test = Assert.Single(tested.OutputOf<CpConnectionTest>());
        Assert.True(test.Succeeded, test.Message);
        Assert.Contains("API token of server 'web02' read from SecretManagement (secret 'CpanelBilling-web02').", tested.Verbose);
        Assert.Empty(tested.Warnings);
    }

    [Fact]
    public async Task Without_the_secret_a_session_given_no_token_says_how_to_supply_one()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        InstallSecretManagement(world.PS);
        AddWeb02(world.PS, vault: null).AssertSuccess();
        Secrets.Remove("CpanelBilling-web02");

        using PowerShellHarness later = NewSession(world, "later");
        HarnessResult synced = later.Invoke("Sync-CpServer web02");
        CpConnectionTest test = Assert.Single(later.Invoke("Test-CpServerConnection web02").AssertSuccess().OutputOf<CpConnectionTest>());

        ErrorRecord error = Assert.Single(synced.Errors);
        Assert.StartsWith("ServerCredentialMissing,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal("web02", error.TargetObject);
        Assert.Contains("Pass -Credential", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("Set-Secret -Name 'CpanelBilling-web02'", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(synced.Warnings); // a secret that is not there is no vault failure
        Assert.Equal("CredentialMissing", test.Status);
        Assert.False(test.Succeeded);
    }

    [Fact]
    public async Task A_vault_that_is_not_registered_is_named_when_the_token_is_stored_and_when_it_is_read()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        InstallSecretManagement(world.PS);

        HarnessResult added = AddWeb02(world.PS, vault: "Elsewhere").AssertSuccess();

        Assert.Contains(added.Warnings, w => w.Contains("could not be stored in SecretManagement (Vault not found in registry: Elsewhere)", StringComparison.Ordinal)
            && w.Contains("Set-Secret -Name 'CpanelBilling-web02' -Vault 'Elsewhere'", StringComparison.Ordinal));
        Assert.Empty(Secrets);

        using PowerShellHarness later = NewSession(world, "later");
        HarnessResult synced = later.Invoke("Sync-CpServer web02");

        Assert.Equal(new[] { "SecretManagement could not read the secret 'CpanelBilling-web02' from vault 'Elsewhere': Vault not found in registry: Elsewhere" }, synced.Warnings);
        Assert.StartsWith("ServerCredentialMissing,", Assert.Single(synced.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stub_answers_as_SecretManagement_does()
    {
        using PowerShellHarness ps = PowerShellHarness.ForScripts();
        InstallSecretManagement(ps);
        Secrets["plain"] = "text";

        HarnessResult missing = ps.Invoke("Microsoft.PowerShell.SecretManagement\\Get-Secret -Name nosuch");
        HarnessResult secure = ps.Invoke("Get-Secret plain").AssertSuccess();
        HarnessResult plain = ps.Invoke("Get-Secret plain -AsPlainText").AssertSuccess();
        HarnessResult unknownVault = ps.Invoke("Get-Secret plain -Vault nosuch -ErrorAction Ignore");

        Assert.StartsWith("GetSecretNotFound,", Assert.Single(missing.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Null(missing.TerminatingError);
        Assert.IsType<SecureString>(Assert.Single(secure.Output).BaseObject);
        Assert.Equal("text", Assert.Single(plain.Output).BaseObject);
        // Terminating: -ErrorAction Ignore would have swallowed a non-terminating one.
        Assert.StartsWith("GetSecretVaultNotFound,", Assert.Single(unknownVault.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    private HarnessResult AddWeb02(PowerShellHarness ps, string? vault) =>
        ps.Invoke(
            "Add-CpServer -Name web02 -HostName $args[0] -Port $args[1] -Credential $args[2] -CertificateThumbprint $args[3] -Verbose" + (vault is null ? "" : " -TokenVault $args[4]"),
            simulator.BaseUri.Host, simulator.BaseUri.Port, new PSCredential(simulator.User, CommandWorld.Secure(simulator.Token)), simulator.CertificateSha256, vault);

    /// <summary>Another PowerShell session on the same billing database, connected without any -Credential.</summary>
    private PowerShellHarness NewSession(CommandWorld world, string name)
    {
        var ps = PowerShellHarness.ForModule();
        InstallSecretManagement(ps);
        ps.Invoke(
            "Connect-CpBilling -Database $args[0] -LogPath $args[1]",
            world.World.DatabasePath,
            Path.Combine(Path.GetDirectoryName(world.World.DatabasePath)!, name + "-calls.log")).AssertSuccess();
        return ps;
    }

    private void InstallSecretManagement(PowerShellHarness ps) =>
        ps.Invoke(
            "New-Module -Name Microsoft.PowerShell.SecretManagement -ScriptBlock ([scriptblock]::Create([System.IO.File]::ReadAllText($args[0]))) -ArgumentList $args[1], $args[2] | Import-Module",
            Stub, vaults, DefaultVault).AssertSuccess();
}

using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using CpanelBilling.Errors;
using CpanelBilling.Module.Tests.Harness;
using CpanelBilling.Testing.Operations;
using CpanelBilling.Types;
using Xunit;

namespace CpanelBilling.Module.Tests.Commands;

/// <summary>Connect-CpBilling and Get-CpServer through real pipelines on the real engine.</summary>
public sealed class SessionCommandTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;

    public SessionCommandTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task Connect_with_PassThru_shows_the_database_and_which_servers_have_a_token_but_never_the_token()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);

        HarnessResult result = world.PS.Invoke("Connect-CpBilling -PassThru -Verbose").AssertSuccess();

        CpBillingConnection connection = Assert.Single(result.OutputOf<CpBillingConnection>());
        Assert.Equal(world.World.DatabasePath, connection.Database);
        Assert.Equal("Sqlite", connection.Backend);
        Assert.True(connection.SchemaVersion >= 1);
        Assert.Equal(world.LogPath, connection.LogPath);
        Assert.Equal(new[] { "web01" }, connection.ServersWithToken);
        string everything = string.Join("\n", result.Output.Select(o => o.ToString()).Concat(result.Verbose).Concat(result.HostLines));
        Assert.DoesNotContain(simulator.Token, everything);
    }

    [Fact]
    public void Connect_WhatIf_neither_creates_nor_opens_the_database()
    {
        using var ps = PowerShellHarness.ForModule();
        string path = Path.Combine(Path.GetTempPath(), "cpbilling-whatif-" + Guid.NewGuid().ToString("N"), "billing.db");

        HarnessResult result = ps.Invoke("Connect-CpBilling -Database $args[0] -WhatIf", path).AssertSuccess();

        Assert.Contains(result.WhatIf, line => line.Contains(path, StringComparison.Ordinal));
        Assert.False(File.Exists(path));
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public void Connect_with_a_credential_but_no_server_stops_with_a_clear_error()
    {
        using var ps = PowerShellHarness.ForModule();

        // A terminating error ends its statement: what follows in the script still runs, as in PowerShell.
        HarnessResult result = ps.Invoke(
            "Connect-CpBilling -Credential $args[0] -PassThru; 'next statement'",
            new PSCredential("root", CommandWorld.Secure("TOKEN")));

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith(ErrorIds.CredentialWithoutServer, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(new[] { "next statement" }, result.OutputOf<string>());
    }

    [Fact]
    public async Task Connect_with_a_token_WHM_could_not_have_issued_stops_as_Add_CpServer_does_and_keeps_the_session()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);

        HarnessResult result = world.PS.Invoke(
            "Connect-CpBilling -Server web01 -Credential $args[0] -PassThru",
            new PSCredential("root", CommandWorld.Secure("TOKEN WITH SPACE")));

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith(ErrorIds.InvalidCredential + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("web01", error.TargetObject);
        Assert.DoesNotContain("TOKEN WITH SPACE", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(result.Output);

        // The token given earlier in the session is still the one in use.
        Assert.True(Assert.Single(world.PS.Invoke("Test-CpServerConnection -Server web01").AssertSuccess().OutputOf<CpConnectionTest>()).Succeeded);
    }

    [Fact]
    public async Task Get_CpServer_lists_servers_by_name_and_wildcard_and_pipes_into_itself_by_property_name()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);

        CpServer server = Assert.Single(world.PS.Invoke("Get-CpServer").AssertSuccess().OutputOf<CpServer>());
        Assert.Equal("web01", server.Name);
        Assert.Equal(simulator.BaseUri.Port, server.Port);
        Assert.Equal(simulator.CertificateSha256, server.CertificateThumbprint, ignoreCase: true);
        Assert.True(server.Enabled);
        Assert.Equal("web01-whm-token", server.TokenSecretName);

        Assert.Single(world.PS.Invoke("Get-CpServer -Name 'WEB*'").AssertSuccess().OutputOf<CpServer>());
        Assert.Empty(world.PS.Invoke("Get-CpServer -Name 'db*'").AssertSuccess().Output);
        Assert.Single(world.PS.Invoke("Get-CpServer web01 | Get-CpServer").AssertSuccess().OutputOf<CpServer>());
    }

    [Fact]
    public async Task Get_CpServer_reports_an_unknown_name_as_a_non_terminating_not_found_error_and_goes_on()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);

        HarnessResult result = world.PS.Invoke("Get-CpServer -Name nosuch, web01");

        Assert.Null(result.TerminatingError);
        Assert.Single(result.OutputOf<CpServer>());
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("ServerNotFound", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("nosuch", error.TargetObject);
    }

    [Fact]
    public async Task Server_names_complete_from_billing()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        const string line = "Get-CpServer -Name w";

        CommandCompletion completion = CommandCompletion.CompleteInput(line, line.Length, null, PowerShell.Create(world.PS.Runspace));

        Assert.Contains(completion.CompletionMatches, m => m.CompletionText == "web01");
    }
}

using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Module.Tests.Harness;
using CpanelBilling.Testing.Operations;
using CpanelBilling.Types;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Module.Tests.Commands;

/// <summary>Add-/Set-/Remove-/Test-/Sync-CpServer through real pipelines on the real engine.</summary>
public sealed class ServerCommandTests : IClassFixture<OperationsWorldFixture>
{
    private readonly OperationsWorldFixture simulator;

    public ServerCommandTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task Add_CpServer_keeps_the_token_for_the_session_says_how_to_persist_it_and_the_server_answers()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);

        HarnessResult added = world.PS.Invoke(
            "Add-CpServer -Name web02 -HostName $args[0] -Port $args[1] -Credential $args[2] -CertificateThumbprint $args[3]",
            simulator.BaseUri.Host, simulator.BaseUri.Port, new PSCredential(simulator.User, CommandWorld.Secure(simulator.Token)), simulator.CertificateSha256).AssertSuccess();

        CpServer server = Assert.Single(added.OutputOf<CpServer>());
        Assert.Equal("web02", server.Name);
        Assert.Equal("CpanelBilling-web02", server.TokenSecretName);
        Assert.Equal(simulator.User, server.WhmUser);
        Assert.Contains(added.Warnings, w => w.Contains("this session only") && w.Contains("Set-Secret -Name 'CpanelBilling-web02'"));
        CpConnectionTest test = Assert.Single(world.PS.Invoke("Test-CpServerConnection -Name web02").AssertSuccess().OutputOf<CpConnectionTest>());
        Assert.True(test.Succeeded, test.Message);
        string everything = string.Join("\n", added.Warnings.Concat(added.Verbose).Concat(added.HostLines).Concat(added.Output.Select(o => o.ToString())));
        Assert.DoesNotContain(simulator.Token, everything);
    }

    [Fact]
    public async Task Add_CpServer_refuses_settings_that_could_not_work_and_WhatIf_adds_nothing()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);

        HarnessResult refused = world.PS.Invoke("Add-CpServer web02 web02.example.net -Port 2086");
        world.PS.Invoke("Add-CpServer web03 web03.example.net -WhatIf").AssertSuccess();

        ErrorRecord error = Assert.Single(refused.Errors);
        Assert.StartsWith("InvalidServerSettings", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("web02", error.TargetObject);
        Assert.Single(await world.World.Billing.ListServersAsync());

        // -WhatIf refuses what the real run would: no What if line promises it.
        int port = (await world.World.Billing.FindServerAsync("web01"))!.Settings.Port;
        HarnessResult addWhatIf = world.PS.Invoke("Add-CpServer web04 web04.example.net -Port 2086 -WhatIf");
        HarnessResult setWhatIf = world.PS.Invoke("Set-CpServer web01 -Port 2086 -WhatIf");
        Assert.All(new[] { addWhatIf, setWhatIf }, run =>
        {
            Assert.Empty(run.WhatIf);
            Assert.StartsWith("InvalidServerSettings", Assert.Single(run.Errors).FullyQualifiedErrorId);
        });
        Assert.Equal(port, (await world.World.Billing.FindServerAsync("web01"))!.Settings.Port);
    }

    [Fact]
    public async Task A_token_pasted_with_a_space_stops_the_command_before_anything_is_added()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);

        HarnessResult result = world.PS.Invoke("Add-CpServer web02 web02.example.net -Credential $args[0]", new PSCredential("root", CommandWorld.Secure("TOKEN WITH SPACE")));

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("CpInvalidCredential", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("white space", error.Exception.Message);
        Assert.DoesNotContain("TOKEN WITH SPACE", error.Exception.Message);
        Assert.Single(await world.World.Billing.ListServersAsync());
    }

    [Fact]
    public async Task Set_CpServer_takes_servers_from_the_pipeline_and_changes_only_what_is_given()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);

        CpServer changed = Assert.Single(world.PS.Invoke("Get-CpServer web01 | Set-CpServer -MaxConcurrentRequests 6 -PassThru").AssertSuccess().OutputOf<CpServer>());
        world.PS.Invoke("Set-CpServer web01 -Enabled:$false").AssertSuccess();

        Assert.Equal(simulator.BaseUri.Port, changed.Port);
        BillingServer stored = (await world.World.Billing.FindServerAsync("web01"))!;
        Assert.Equal(6, stored.Settings.MaxConcurrentRequests);
        Assert.False(stored.Settings.Enabled);
        Assert.Equal(simulator.CertificateSha256, stored.Settings.PinnedCertificateThumbprint, ignoreCase: true);
    }

    [Fact]
    public async Task Accounts_piped_into_Remove_CpServer_do_not_name_their_server()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        await world.World.AddActiveAccountAsync("bob", "bob.example.com");

        HarnessResult result = world.PS.Invoke("Get-CpAccount | Remove-CpServer -Force");

        Assert.StartsWith("InputObjectNotBound,", Assert.Single(result.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Empty(result.WhatIf);
        Assert.NotNull(await world.World.Billing.FindServerAsync("web01"));
    }

    [Fact]
    public async Task Remove_CpServer_refuses_a_server_with_live_accounts_unless_forced_and_WhatIf_says_what_would_go()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        await world.World.AddActiveAccountAsync("bob", "bob.example.com");

        HarnessResult whatIf = world.PS.Invoke("Remove-CpServer web01 -WhatIf");
        HarnessResult forcedWhatIf = world.PS.Invoke("Remove-CpServer web01 -Force -WhatIf").AssertSuccess();
        world.PS.Host.UI.ConfirmAnswers.Enqueue(ConfirmAnswer.Yes);
        HarnessResult refused = world.PS.Invoke("Remove-CpServer web01 -Confirm");

        // Without -Force the removal would be refused: no What if line and no prompt promise it, the error says so.
        Assert.Empty(whatIf.WhatIf);
        Assert.StartsWith("ServerHasLiveAccounts", Assert.Single(whatIf.Errors).FullyQualifiedErrorId);
        Assert.Contains(forcedWhatIf.WhatIf, line => line.Contains("1 live account(s)"));
        Assert.Empty(refused.Prompts);
        ErrorRecord error = Assert.Single(refused.Errors);
        Assert.StartsWith("ServerHasLiveAccounts", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.NotNull(await world.World.Billing.FindServerAsync("web01"));
        world.PS.Host.UI.ConfirmAnswers.Clear();

        CpServer removed = Assert.Single(world.PS.Invoke("Get-CpServer web01 | Remove-CpServer -Force -PassThru").AssertSuccess().OutputOf<CpServer>());
        Assert.Equal("web01", removed.Name);
        Assert.Null(await world.World.Billing.FindServerAsync("web01"));
    }

    [Fact]
    public async Task Test_CpServerConnection_reports_failures_as_results_with_the_thumbprint_to_pin()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);

        CpConnectionTest good = Assert.Single(world.PS.Invoke("Get-CpServer | Test-CpServerConnection").AssertSuccess().OutputOf<CpConnectionTest>());
        HarnessResult adHoc = world.PS.Invoke(
            "Test-CpServerConnection -HostName $args[0] -Port $args[1] -Credential $args[2]",
            simulator.BaseUri.Host, simulator.BaseUri.Port, new PSCredential(simulator.User, CommandWorld.Secure(simulator.Token))).AssertSuccess();
        HarnessResult quiet = world.PS.Invoke("Test-CpServerConnection web01 -Quiet").AssertSuccess();
        HarnessResult unknown = world.PS.Invoke("Test-CpServerConnection nosuch, web01 -Quiet");

        Assert.True(good.Succeeded);
        Assert.Equal("Pin", good.CertificateTrust);
        Assert.Equal(SimulatorState.DefaultVersion, good.Version);
        Assert.Empty(good.MissingFunctions);
        CpConnectionTest untrusted = Assert.Single(adHoc.OutputOf<CpConnectionTest>());
        Assert.False(untrusted.Succeeded);
        Assert.Equal("CertificateNotTrusted", untrusted.Status);
        Assert.Equal($"-CertificateThumbprint '{simulator.CertificateSha256.ToUpperInvariant()}'", untrusted.PinHint);
        Assert.Equal(new[] { true }, quiet.OutputOf<bool>());
        Assert.Equal(new[] { true }, unknown.OutputOf<bool>());
        ErrorRecord error = Assert.Single(unknown.Errors);
        Assert.StartsWith("ServerNotFound", error.FullyQualifiedErrorId);
        Assert.Equal("nosuch", error.TargetObject);
    }

    [Fact]
    public async Task Connection_tests_and_packages_show_as_tables()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);

        HarnessResult shown = world.PS.Invoke(
            "Test-CpServerConnection -HostName $args[0] -Port $args[1] -Credential $args[2] | Out-Host; Get-CpServerPackage -Server web01 | Out-Host",
            simulator.BaseUri.Host, simulator.BaseUri.Port, new PSCredential(simulator.User, CommandWorld.Secure(simulator.Token))).AssertSuccess();

        Assert.Contains(shown.HostLines, line => line.Contains($"{simulator.BaseUri.Host}:{simulator.BaseUri.Port}") && line.Contains("CertificateNotTrusted"));
        Assert.Contains(shown.HostLines, line => line.Contains("basic") && line.Contains("1024") && line.Contains("10240"));
    }

    [Fact]
    public async Task Sync_CpServer_reads_packages_into_billing_and_WhatIf_reads_nothing()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        world.World.SimState.PutPackage(new SimulatedPackage { Name = "gold", Quota = "2048" });
        world.World.SimState.RemovePackage(OperationsWorld.ProPackage);
        int requestsBefore = simulator.Server.Requests.Count;

        world.PS.Invoke("Sync-CpServer web01 -WhatIf").AssertSuccess();
        Assert.Equal(requestsBefore, simulator.Server.Requests.Count);

        HarnessResult result = world.PS.Invoke("Get-CpServer | Sync-CpServer").AssertSuccess();

        CpServerSync sync = Assert.Single(result.OutputOf<CpServerSync>());
        Assert.Equal(new[] { "gold" }, sync.PackagesAdded);
        Assert.Equal(new[] { "pro" }, sync.PackagesRemoved);
        Assert.Contains(result.Warnings, w => w.Contains("Plan 'Pro'"));
        Assert.NotNull(await world.World.Billing.FindServerPackageAsync(world.World.Server.Id, "gold"));
    }
}

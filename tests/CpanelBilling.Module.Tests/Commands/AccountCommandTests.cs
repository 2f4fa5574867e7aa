using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Errors;
using CpanelBilling.Module.Tests.Harness;
using CpanelBilling.Testing.Billing;
using CpanelBilling.Testing.Operations;
using CpanelBilling.Types;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Module.Tests.Commands;

/// <summary>The account cmdlets through real pipelines on the real engine, against the simulator and a SQLite file.</summary>
public sealed class AccountCommandTests : IClassFixture<OperationsWorldFixture>
{
    private const string Open = "New-CpAccount -Server web01 -Customer alice -Plan Basic";
    private readonly OperationsWorldFixture simulator;

    public AccountCommandTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task New_CpAccount_opens_the_account_and_outputs_it()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);

        HarnessResult result = world.PS.Invoke(Open + " -Domain shop.example.com -Disk 700 -Databases unlimited -Verbose").AssertSuccess();

        CpAccount account = Assert.Single(result.OutputOf<CpAccount>());
        Assert.IsNotType<CpNewAccount>(account);
        Assert.Equal("shop", account.UserName);
        Assert.Equal(CpAccountStatus.Active, account.Status);
        Assert.Equal("700", account.DiskLimit);
        Assert.Equal("700", world.World.SimState.GetAccount("shop").Limits.Quota);
        Assert.Contains(result.Verbose, line => line.Contains("createacct (journal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task New_CpAccount_ReturnCredential_gives_the_generated_password_once_and_nowhere_else()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);

        HarnessResult result = world.PS.Invoke(Open + " -Domain secret.example.com -UserName secret -ReturnCredential -Verbose").AssertSuccess();

        CpNewAccount account = Assert.Single(result.OutputOf<CpNewAccount>());
        string password = account.Credential!.GetNetworkCredential().Password;
        Assert.Equal("secret", account.Credential.UserName);
        Assert.Equal(world.World.SimState.GetAccount("secret").Password, password);
        string shown = string.Join("\n", result.Verbose.Concat(result.Warnings).Concat(result.HostLines));
        Assert.DoesNotContain(password, shown);
        Assert.DoesNotContain(password, File.ReadAllText(world.LogPath));
        Assert.DoesNotContain(simulator.Token, File.ReadAllText(world.LogPath));
    }

    [Fact]
    public async Task New_CpAccount_takes_orders_by_property_name_and_reports_a_bad_one_without_stopping_the_others()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);

        HarnessResult result = world.PS.Invoke(
            "@([pscustomobject]@{ Server='web01'; Customer='alice'; Plan='Basic'; Domain='one.example.com'; UserName='one' }," +
            " [pscustomobject]@{ Server='web01'; Customer='alice'; Plan='Basic'; Domain='www.bad.example'; UserName='bad' }," +
            " [pscustomobject]@{ Server='web01'; Customer='alice'; Plan='Pro'; Domain='two.example.com'; UserName='two' }) | New-CpAccount");

        Assert.Equal(new[] { "one", "two" }, result.OutputOf<CpAccount>().Select(a => a.UserName).OrderBy(n => n));
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("AccountInvalidDomain", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("web01/www.bad.example", error.TargetObject);
        Assert.NotNull(world.World.SimState.GetAccount("two").Ip);
    }

    [Fact]
    public async Task Orders_billing_holds_as_new_are_opened_by_piping_them_and_packages_name_plans()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        await world.World.Billing.OpenAccountAsync(world.World.Opening("order1", "order1.example.com", world.World.ProPlan));

        CpAccount opened = Assert.Single(world.PS.Invoke("Get-CpAccount -Status New | New-CpAccount").AssertSuccess().OutputOf<CpAccount>());
        CpAccount moved = Assert.Single(world.PS.Invoke("Set-CpAccountPackage order1 -Server web01 -Package basic -PassThru").AssertSuccess().OutputOf<CpAccount>());

        Assert.Equal(CpAccountStatus.Active, opened.Status);
        Assert.Equal("Pro", opened.Plan);
        Assert.Equal("Basic", moved.Plan);
        Assert.Equal(OperationsWorld.BasicPackage, world.World.SimState.GetAccount("order1").Plan);
    }

    [Fact]
    public async Task Get_CpAccount_filters_by_name_pattern_domain_and_status_and_reports_an_unknown_name()
    {
        await using CommandWorld world = await OpenedAsync("anna", "andy", "bert");
        world.PS.Invoke("Suspend-CpAccount -Server web01 -UserName bert -Reason Overdue").AssertSuccess();

        Assert.Equal(new[] { "anna", "andy" }, Names(world.PS.Invoke("Get-CpAccount -UserName 'an*'").AssertSuccess()));
        Assert.Equal(new[] { "bert" }, Names(world.PS.Invoke("Get-CpAccount -Status Suspended").AssertSuccess()));
        Assert.Equal(new[] { "andy" }, Names(world.PS.Invoke("Get-CpAccount -Server web01 -Domain '*andy*'").AssertSuccess()));

        HarnessResult missing = world.PS.Invoke("Get-CpAccount -UserName nobody1, anna");
        Assert.Equal(new[] { "anna" }, Names(missing));
        ErrorRecord error = Assert.Single(missing.Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("nobody1", error.TargetObject);

        HarnessResult noServer = world.PS.Invoke("Get-CpAccount -Server web99");
        Assert.Empty(noServer.Output);
        Assert.StartsWith("ServerNotFound", Assert.Single(noServer.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bulk_suspension_runs_every_account_and_one_failure_is_a_non_terminating_error_with_the_account_as_target()
    {
        await using CommandWorld world = await OpenedAsync("ann", "ben", "cid", "dora", "emil");
        world.World.SimState.RemoveAccount("cid");

        HarnessResult result = world.PS.Invoke("Get-CpAccount -Status Active | Suspend-CpAccount -Reason 'Overdue' -PassThru -ThrottleLimit 3");

        Assert.Null(result.TerminatingError);
        Assert.Equal(new[] { "ann", "ben", "dora", "emil" }, result.OutputOf<CpAccount>().Select(a => a.UserName).OrderBy(n => n));
        Assert.All(result.OutputOf<CpAccount>(), a => Assert.Equal(CpAccountStatus.Suspended, a.Status));
        Assert.All(new[] { "ann", "ben", "dora", "emil" }, u => Assert.True(world.World.SimState.GetAccount(u).Suspended));
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("WhmCallFailed", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("cid", Assert.IsType<CpAccount>(error.TargetObject).UserName);
        Assert.Equal(AccountStatus.Active, (await world.World.Billing.FindAccountAsync(world.World.Server.Id, "cid"))!.Status);
        Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
    }

    [Fact]
    public async Task WhatIf_sends_nothing_and_changes_nothing()
    {
        await using CommandWorld world = await OpenedAsync("keep1", "keep2");
        world.World.Simulator.Server.ClearRequests();

        HarnessResult result = world.PS.Invoke(
            "Get-CpAccount | Remove-CpAccount -WhatIf; Get-CpAccount | Suspend-CpAccount -Reason x -WhatIf;" +
            " Set-CpAccountPackage -Server web01 -UserName keep1 -Plan Pro -WhatIf; Set-CpAccountLimit -Server web01 -UserName keep1 -Disk 10 -WhatIf;" +
            " New-CpAccount -Server web01 -Customer alice -Plan Basic -Domain new.example.com -WhatIf").AssertSuccess();

        Assert.Equal(7, result.WhatIf.Count);
        Assert.Empty(world.World.Simulator.Server.Requests);
        Assert.All(await world.World.AccountsAsync(), a => Assert.Equal(AccountStatus.Active, a.Status));
        Assert.Equal(2, (await world.World.AccountsAsync()).Count);
    }

    [Fact]
    public async Task New_CpAccount_WhatIf_reports_input_the_opening_would_refuse_instead_of_promising_it()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        world.World.Simulator.Server.ClearRequests();

        HarnessResult result = world.PS.Invoke(
            "New-CpAccount -Server web01 -Customer alice -Plan Basic -Domain 'www.bad.example' -WhatIf;" +
            " New-CpAccount -Server web01 -Customer alice -Plan Basic -Domain good.example.com -UserName '1abc' -WhatIf;" +
            " New-CpAccount -Server web01 -Customer alice -Plan Basic -Domain fine.example.com -UserName fine -WhatIf");

        Assert.Equal(
            new[] { "AccountInvalidDomain", "AccountInvalidUserName" },
            result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category));
        string whatIf = Assert.Single(result.WhatIf);
        Assert.Contains("web01/fine.example.com", whatIf, StringComparison.Ordinal);
        Assert.Empty(world.World.Simulator.Server.Requests);
        Assert.Empty(await world.World.AccountsAsync());
    }

    [Fact]
    public async Task Set_CpAccountPackage_without_a_plan_or_package_refuses_once_before_any_prompt()
    {
        await using CommandWorld world = await OpenedAsync("keep1", "keep2");
        world.World.Simulator.Server.ClearRequests();

        HarnessResult result = world.PS.Invoke("Get-CpAccount | Set-CpAccountPackage -Confirm");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("AccountInvalidRequest", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Empty(result.Prompts);
        Assert.Empty(world.World.Simulator.Server.Requests);
    }

    [Fact]
    public async Task Remove_CpAccount_asks_first_and_removes_with_Force()
    {
        await using CommandWorld world = await OpenedAsync("gone");
        world.PS.Host.UI.ConfirmAnswers.Enqueue(ConfirmAnswer.No);

        HarnessResult declined = world.PS.Invoke("Remove-CpAccount -Server web01 -UserName gone").AssertSuccess();
        Assert.Single(declined.Prompts);
        Assert.NotNull(world.World.SimState.FindAccount("gone"));

        CpAccount removed = Assert.Single(world.PS.Invoke("Remove-CpAccount -Server web01 -UserName gone -Force -PassThru").AssertSuccess().OutputOf<CpAccount>());
        Assert.Equal(CpAccountStatus.Deleted, removed.Status);
        Assert.Null(world.World.SimState.FindAccount("gone"));
    }

    [Fact]
    public async Task Resume_Package_and_Limit_cmdlets_bind_server_and_user_name_by_property_name()
    {
        await using CommandWorld world = await OpenedAsync("pipe");
        world.PS.Invoke("Suspend-CpAccount -Server web01 -UserName pipe -Reason Overdue").AssertSuccess();

        world.PS.Invoke("[pscustomobject]@{ Server = 'web01'; UserName = 'pipe' } | Resume-CpAccount").AssertSuccess();
        world.PS.Invoke("Get-CpAccount pipe | Set-CpAccountPackage -Plan Pro").AssertSuccess();
        CpAccount limited = Assert.Single(world.PS.Invoke("Get-CpAccount pipe | Set-CpAccountLimit -Disk 333 -AddonDomains package -PassThru").AssertSuccess().OutputOf<CpAccount>());

        SimulatedAccount onServer = world.World.SimState.GetAccount("pipe");
        Assert.False(onServer.Suspended);
        Assert.Equal(OperationsWorld.ProPackage, onServer.Plan);
        Assert.Equal("333", onServer.Limits.Quota);
        Assert.Equal("10", onServer.Limits.MaxAddon);
        Assert.Equal("Pro", limited.Plan);
        Assert.Equal("333", limited.DiskLimit);
        Assert.Null(limited.AddonDomainsLimit);
    }

    [Fact]
    public async Task Results_stream_downstream_as_items_finish_not_when_the_input_ends()
    {
        await using CommandWorld world = await OpenedAsync("first", "last");

        // The source sends 'first', then keeps feeding items that fail at once (a blank user name) until first's
        // output has arrived downstream, and only then reads 'last'. Were output held back until the throttle fills
        // or the input ends, 'read last' would come before 'out first'.
        HarnessResult result = world.PS.Invoke(
            "$log = [System.Collections.Generic.List[string]]::new();" +
            " & { $log.Add('read first'); [pscustomobject]@{ Server = 'web01'; UserName = 'first' };" +
            "     for ($i = 0; $i -lt 1000 -and -not $log.Contains('out first'); $i++) { [System.Threading.Thread]::Sleep(10); [pscustomobject]@{ Server = 'web01'; UserName = ' ' } };" +
            "     $log.Add('read last'); [pscustomobject]@{ Server = 'web01'; UserName = 'last' } }" +
            " | Suspend-CpAccount -Reason Overdue -PassThru -ThrottleLimit 8 -ErrorAction SilentlyContinue | ForEach-Object { $log.Add('out ' + $_.UserName) };" +
            " $log");

        var log = result.OutputOf<string>().ToList();
        Assert.Equal(new[] { "read first", "out first", "read last", "out last" }, log);
        Assert.True(world.World.SimState.GetAccount("last").Suspended);
    }

    [Fact]
    public async Task An_account_object_from_another_billing_database_changes_nothing_here()
    {
        await using CommandWorld world = await OpenedAsync("victim");
        await using var staging = new TempSqliteDatabase();
        Account alpha = await AddAccountElsewhereAsync(staging, "alpha");
        Account victim = (await world.World.Billing.FindAccountAsync(world.World.Server.Id, "victim"))!;
        Assert.Equal(victim.Id, alpha.Id); // the Id the stale object carries names another account here
        world.World.Simulator.Server.ClearRequests();

        // Read from one database, then Connect-CpBilling to another (the production one) and pipe the object on.
        HarnessResult result = world.PS.Invoke(
            "Connect-CpBilling -Database $args[0] -LogPath $args[2]; $stale = Get-CpAccount alpha;" +
            " Connect-CpBilling -Database $args[1] -LogPath $args[2] -Server web01 -Credential $args[3];" +
            " $stale | Remove-CpAccount -Force -PassThru",
            staging.FilePath,
            world.World.DatabasePath,
            world.LogPath,
            new PSCredential(simulator.User, CommandWorld.Secure(simulator.Token)));

        Assert.Empty(result.Output);
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith(ErrorIds.AccountObjectMismatch + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("alpha", Assert.IsType<CpAccount>(error.TargetObject).UserName);
        Assert.Contains("web01/victim", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(world.World.Simulator.Server.Requests);
        Assert.NotNull(world.World.SimState.FindAccount("victim"));
        Assert.Equal(victim.RowVersion, (await world.World.Billing.GetAccountAsync(victim.Id)).RowVersion);
    }

    [Fact]
    public async Task An_edited_account_object_changes_neither_the_account_it_names_nor_the_one_its_Id_is()
    {
        await using CommandWorld world = await OpenedAsync("keep", "other");
        world.World.Simulator.Server.ClearRequests();

        HarnessResult result = world.PS.Invoke("$a = Get-CpAccount other; $a.UserName = 'keep'; $a | Suspend-CpAccount -Reason Overdue");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith(ErrorIds.AccountObjectMismatch + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("is web01/other", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(world.World.Simulator.Server.Requests);
        Assert.All(await world.World.AccountsAsync(), a => Assert.Equal(AccountStatus.Active, a.Status));

        // The same object, unedited, still works: the check refuses only what does not match.
        world.PS.Invoke("Get-CpAccount other | Suspend-CpAccount -Reason Overdue").AssertSuccess();
        Assert.True(world.World.SimState.GetAccount("other").Suspended);
    }

    [Fact]
    public async Task Customers_and_plans_are_added_listed_and_used_to_open_accounts()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);

        CpCustomer bob = Assert.Single(world.PS.Invoke("New-CpCustomer bob -DisplayName 'Bob B.' -Email bob@example.org").AssertSuccess().OutputOf<CpCustomer>());
        CpPlan gold = Assert.Single(world.PS.Invoke("New-CpPlan Gold -Server web01 -Package pro -DedicatedIp").AssertSuccess().OutputOf<CpPlan>());
        HarnessResult opened = world.PS.Invoke("Get-CpCustomer bob | New-CpAccount -Server web01 -Plan Gold -Domain bob.example.org").AssertSuccess();

        Assert.Equal("bob", bob.Login);
        Assert.Equal(new[] { "web01:pro" }, gold.Packages);
        Assert.True(gold.DedicatedIp);
        Assert.Equal(new[] { "alice", "bob" }, world.PS.Invoke("Get-CpCustomer").AssertSuccess().OutputOf<CpCustomer>().Select(c => c.Login));
        Assert.Equal(new[] { "Gold" }, world.PS.Invoke("Get-CpPlan -Name 'G*'").AssertSuccess().OutputOf<CpPlan>().Select(p => p.Name));
        CpAccount account = Assert.Single(opened.OutputOf<CpAccount>());
        Assert.Equal("bob", account.Customer);
        Assert.NotNull(account.DedicatedIp);

        HarnessResult duplicate = world.PS.Invoke("New-CpCustomer bob");
        Assert.Equal(ErrorCategory.ResourceExists, Assert.Single(duplicate.Errors).CategoryInfo.Category);
    }

    [Fact]
    public async Task User_names_complete_from_billing_for_the_server_given()
    {
        await using CommandWorld world = await OpenedAsync("zeta");
        const string line = "Suspend-CpAccount -Server web01 -UserName ze";

        CommandCompletion completion = CommandCompletion.CompleteInput(line, line.Length, null, PowerShell.Create(world.PS.Runspace));

        Assert.Contains(completion.CompletionMatches, m => m.CompletionText == "zeta");
    }

    /// <summary>An account in another billing database that also has a server named web01 (a staging copy, say).</summary>
    private static async Task<Account> AddAccountElsewhereAsync(TempSqliteDatabase database, string userName)
    {
        IBillingRepository billing = await database.OpenRepositoryAsync();
        BillingServer web01 = await billing.AddServerAsync("web01", new ServerSettings { HostName = "web01.staging.example.net", TokenSecretName = "staging-token" });
        await billing.SyncServerPackagesAsync(web01.Id, new[] { new Core.Whm.WhmPackage(OperationsWorld.BasicPackage, new Core.PackageSettings()) });
        BillingPlan plan = await billing.MapPlanToPackageAsync((await billing.AddPlanAsync("Basic", includesDedicatedIp: false)).Id, web01.Id, OperationsWorld.BasicPackage);
        Customer customer = await billing.AddCustomerAsync(new NewCustomer { Login = "carol" });
        return await billing.OpenAccountAsync(new AccountOpening
        {
            CustomerId = customer.Id,
            ServerId = web01.Id,
            PlanId = plan.Id,
            DomainName = userName + ".example.net",
            UserName = userName,
            Status = AccountStatus.Active,
        });
    }

    private static string[] Names(HarnessResult result) => result.OutputOf<CpAccount>().Select(a => a.UserName).ToArray();

    private async Task<CommandWorld> OpenedAsync(params string[] users)
    {
        CommandWorld world = await CommandWorld.CreateAsync(simulator);
        foreach (string user in users)
        {
            world.PS.Invoke(Open + $" -Domain {user}.example.com -UserName {user}").AssertSuccess();
        }

        return world;
    }
}

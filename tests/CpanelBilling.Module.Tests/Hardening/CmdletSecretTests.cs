using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using CpanelBilling.Module.Tests.Commands;
using CpanelBilling.Module.Tests.Harness;
using CpanelBilling.Testing.Operations;
using CpanelBilling.Testing.Secrets;
using CpanelBilling.Types;
using CpanelBilling.WhmSimulator;
using Microsoft.Data.Sqlite;
using Xunit;

namespace CpanelBilling.Module.Tests.Hardening;

/// <summary>
/// A day at the console: accounts opened with given and generated passwords, a plan change, a suspension, limits,
/// bandwidth, a call the server refuses quoting the password, a server added with a wrong token, everything run
/// with -Verbose and -Debug. Then every password and token is searched for in what PowerShell showed (every
/// stream, the host, every output object and property, every error record), the call log, the requests the
/// server received and the billing database file.
/// </summary>
public sealed class CmdletSecretTests : IClassFixture<OperationsWorldFixture>
{
    private const string WrongToken = "QX9WRONGTOKEN0CMDLETS4HARDENING";
    private const string OtherWrongToken = "QX9OTHERWRONGTOKEN0HOSTCHECK77";

    private readonly OperationsWorldFixture simulator;

    public CmdletSecretTests(OperationsWorldFixture simulator) => this.simulator = simulator;

    [Fact]
    public async Task No_password_or_token_appears_in_any_stream_output_error_log_request_or_the_database()
    {
        await using CommandWorld world = await CommandWorld.CreateAsync(simulator);
        const string given = "Cm7&pw=+%2Fq\"é'Z9!word";
        const string refused = "Refused!Cm9=word&pass";
        DateTime lastMonth = DateTime.UtcNow.AddMonths(-1);
        world.PS.SetVariable("given", CommandWorld.Secure(given));
        world.PS.SetVariable("refused", CommandWorld.Secure(refused));
        world.PS.SetVariable("wrong", new PSCredential(simulator.User, CommandWorld.Secure(WrongToken)));
        world.PS.SetVariable("otherWrong", new PSCredential(simulator.User, CommandWorld.Secure(OtherWrongToken)));
        var runs = new List<(string Script, HarnessResult Result)>();
        HarnessResult Run(string script)
        {
            // -Debug makes PowerShell ask before going on after a warning; the person answers Yes to All.
            world.PS.Host.UI.ConfirmAnswers.Enqueue(ConfirmAnswer.YesToAll);
            HarnessResult result = world.PS.Invoke("& { " + script + " } 5>&1"); // the debug stream goes to the output, where the search sees it
            world.PS.Host.UI.ConfirmAnswers.Clear();
            runs.Add((script, result));
            return result;
        }

        const string Open = "New-CpAccount -Server web01 -Customer alice -Plan Basic -Verbose -Debug";
        Run(Open + " -Domain given.example.com -UserName given -Password $given").AssertSuccess();
        CpNewAccount returned = Assert.Single(Run(Open + " -Domain returned.example.com -UserName returned -ReturnCredential").AssertSuccess().OutputOf<CpNewAccount>());
        string generatedAndReturned = returned.Credential!.GetNetworkCredential().Password;
        Run(Open + " -Domain hidden.example.com -UserName hidden").AssertSuccess();
        string generatedAndHidden = world.World.SimState.GetAccount("hidden").Password!;

        Run("Set-CpAccountPackage -Server web01 -UserName given -Plan Pro -Verbose -Debug").AssertSuccess();
        Run("Get-CpAccount -Server web01 -Status Active -Verbose -Debug | Suspend-CpAccount -Reason 'Unpaid invoice 42' -PassThru -Verbose -Debug").AssertSuccess();
        Run("Get-CpAccount -Server web01 -Verbose -Debug | Resume-CpAccount -PassThru -Verbose -Debug").AssertSuccess();
        Run("Set-CpAccountLimit -Server web01 -UserName hidden -EmailAccounts 20 -PassThru -Verbose -Debug").AssertSuccess();
        world.World.SimState.AddBandwidth("given", lastMonth.Year, lastMonth.Month, 5_000_000);
        Run("Get-CpBandwidth -Server web01 -Verbose -Debug | Save-CpBandwidth -PassThru -Verbose -Debug").AssertSuccess();

        world.World.Faults.Set("createacct", Fault.Failure($"The password \u201C{refused}\u201D is too weak to use."), 1);
        Assert.NotEmpty(Run(Open + " -Domain refused.example.com -UserName refused -Password $refused").Errors);

        string add = $"Add-CpServer web02 -HostName {simulator.BaseUri.Host} -Port {simulator.BaseUri.Port} -CertificateThumbprint '{simulator.CertificateSha256}' -Credential $wrong -Verbose -Debug";
        Run(add).AssertSuccess();
        Assert.Equal("AuthenticationRefused", Assert.Single(Run("Test-CpServerConnection web02 -Verbose -Debug").OutputOf<CpConnectionTest>()).Status);
        Assert.NotEmpty(Run("Get-CpBandwidth -Server web02 -Verbose -Debug").Errors);
        string host = $"Test-CpServerConnection -HostName {simulator.BaseUri.Host} -Port {simulator.BaseUri.Port} -Credential $otherWrong -CertificateThumbprint '{simulator.CertificateSha256}' -Verbose -Debug";
        Assert.Equal("AuthenticationRefused", Assert.Single(Run(host).OutputOf<CpConnectionTest>()).Status);
        Run("Test-CpServerConnection web01 -Verbose -Debug").AssertSuccess();
        Run("Get-CpServer -Verbose -Debug; Get-CpAccount -IncludeDeleted -Verbose -Debug; Connect-CpBilling -PassThru -Verbose -Debug").AssertSuccess();
        Assert.NotEmpty(Run("Get-CpOperation -Server web01 -Verbose -Debug").AssertSuccess().Output);
        Run("Compare-CpAccount -Server web01 -Verbose -Debug").AssertSuccess();

        // The search only means something if the secrets did travel where they belong.
        IReadOnlyList<RecordedRequest> requests = world.World.Simulator.Server.Requests;
        Assert.Contains(requests, r => r.Function == "createacct" && r.FormValue("password") == given);
        Assert.Contains(requests, r => r.Header("Authorization") == $"whm {simulator.User}:{simulator.Token}");
        Assert.Contains(requests, r => r.Header("Authorization") == $"whm {simulator.User}:{WrongToken}");
        Assert.Contains(requests, r => r.Header("Authorization") == $"whm {simulator.User}:{OtherWrongToken}");
        Assert.Contains(runs, run => run.Result.Verbose.Any(line => line.Contains("createacct", StringComparison.Ordinal)));

        world.PS.Dispose();
        SqliteConnection.ClearAllPools();
        SecretSearch search = new SecretSearch(
                new Secret("the API token", simulator.Token, SecretKind.Token),
                new Secret("a wrong API token", WrongToken, SecretKind.Token),
                new Secret("another wrong API token", OtherWrongToken, SecretKind.Token),
                new Secret("a given password", given, SecretKind.Password),
                new Secret("a generated password returned as a credential", generatedAndReturned, SecretKind.Password),
                new Secret("a generated password never shown", generatedAndHidden, SecretKind.Password),
                new Secret("a password the server quoted", refused, SecretKind.Password))
            .InRequests(requests)
            .InFile(world.LogPath)
            .InFiles(Path.GetDirectoryName(world.World.DatabasePath)!, Path.GetFileName(world.World.DatabasePath));
        foreach ((string script, HarnessResult result) in runs)
        {
            search.InRun(script, result);
        }

        search.AssertNoneFound();
    }
}

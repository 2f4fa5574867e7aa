using System;
using System.IO;
using System.Management.Automation;
using System.Security;
using System.Threading.Tasks;
using CpanelBilling.Module.Tests.Harness;
using CpanelBilling.Testing.Operations;

namespace CpanelBilling.Module.Tests.Commands;

/// <summary>
/// A PowerShell session with the module imported and connected (Connect-CpBilling) to the billing database of an
/// <see cref="OperationsWorld"/>: server web01 pointing at the simulator, its API token given for the session.
/// Cmdlet tests run real pipelines here and check the simulator and billing through <see cref="World"/>.
/// </summary>
public sealed class CommandWorld : IAsyncDisposable
{
    private CommandWorld(OperationsWorld world, PowerShellHarness ps, string logPath)
    {
        World = world;
        PS = ps;
        LogPath = logPath;
    }

    public OperationsWorld World { get; }

    public PowerShellHarness PS { get; }

    /// <summary>The session's WHM call log file.</summary>
    public string LogPath { get; }

    public static async Task<CommandWorld> CreateAsync(OperationsWorldFixture simulator)
    {
        OperationsWorld world = await OperationsWorld.CreateAsync(simulator);
        string logPath = Path.Combine(Path.GetDirectoryName(world.DatabasePath)!, "session-calls.log");
        var ps = PowerShellHarness.ForModule();
        ps.Invoke(
            "Connect-CpBilling -Database $args[0] -LogPath $args[1] -Server web01 -Credential $args[2]",
            world.DatabasePath,
            logPath,
            new PSCredential(simulator.User, Secure(simulator.Token))).AssertSuccess();
        return new CommandWorld(world, ps, logPath);
    }

    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (char c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }

    public async ValueTask DisposeAsync()
    {
        PS.Dispose();
        await World.DisposeAsync();
    }
}

using System;
using System.Globalization;
using System.Management.Automation.Host;

namespace CpanelBilling.Module.Tests.Harness;

/// <summary>
/// The PowerShell host our tests run under. PowerShell talks to a person only through the host: "What if:" lines
/// and Confirm prompts go to <see cref="UI"/>, which records them and answers prompts as the test scripted.
/// </summary>
public sealed class HarnessHost : PSHost
{
    private readonly Guid instanceId = Guid.NewGuid();

    public override HarnessHostUserInterface UI { get; } = new();

    public override string Name => "CpanelBilling.TestHost";

    public override Version Version { get; } = new(1, 0);

    public override Guid InstanceId => instanceId;

    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    public override void SetShouldExit(int exitCode)
    {
    }

    public override void EnterNestedPrompt() =>
        throw new NotSupportedException("A cmdlet under test asked for a nested prompt (the Suspend answer); tests never suspend.");

    public override void ExitNestedPrompt() => throw new NotSupportedException();

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }
}

using System;

namespace CpanelBilling.WhmSimulator.Api;

/// <summary>
/// Everything a function call sees: its arguments, the API version, the server state, the clock, and the test knobs
/// that shape what a call leaves behind.
/// </summary>
internal sealed class FunctionContext
{
    public FunctionContext(ApiArguments arguments, int apiVersion, SimulatorState state, string apiUser, TimeProvider clock, long newAccountUsageMb = 0)
    {
        Arguments = arguments;
        ApiVersion = apiVersion;
        State = state;
        ApiUser = apiUser;
        Clock = clock;
        NewAccountUsageMb = newAccountUsageMb;
    }

    public ApiArguments Arguments { get; }

    /// <summary>1 for WHM API 1 (<c>api.version=1</c>), 0 for the legacy API 0.</summary>
    public int ApiVersion { get; }

    public SimulatorState State { get; }

    /// <summary>The authenticated WHM user (root).</summary>
    public string ApiUser { get; }

    public TimeProvider Clock { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Test knob, not WHM behaviour: megabytes of bandwidth usage createacct gives a new account (see <see cref="SimulatorOptions.NewAccountUsageMb"/>).</summary>
    public long NewAccountUsageMb { get; }

    public FunctionContext WithArguments(ApiArguments arguments, int apiVersion) =>
        new(arguments, apiVersion, State, ApiUser, Clock, NewAccountUsageMb);
}

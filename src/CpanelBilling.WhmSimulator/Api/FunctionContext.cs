using System;

namespace CpanelBilling.WhmSimulator.Api;

/// <summary>Everything a function call sees: its arguments, the API version, the server state and the clock.</summary>
internal sealed class FunctionContext
{
    public FunctionContext(ApiArguments arguments, int apiVersion, SimulatorState state, string apiUser, TimeProvider clock)
    {
        Arguments = arguments;
        ApiVersion = apiVersion;
        State = state;
        ApiUser = apiUser;
        Clock = clock;
    }

    public ApiArguments Arguments { get; }

    /// <summary>1 for WHM API 1 (<c>api.version=1</c>), 0 for the legacy API 0.</summary>
    public int ApiVersion { get; }

    public SimulatorState State { get; }

    /// <summary>The authenticated WHM user (root).</summary>
    public string ApiUser { get; }

    public TimeProvider Clock { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public FunctionContext WithArguments(ApiArguments arguments, int apiVersion) =>
        new(arguments, apiVersion, State, ApiUser, Clock);
}

using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace CpanelBilling.WhmSimulator.Api;

/// <summary>
/// What a WHM function produced, independent of the API version: success, reason, optional data and the optional
/// <c>metadata.output</c> parts. The API 1 envelope and each function's API 0 shape are rendered from it.
/// </summary>
internal sealed record FunctionOutcome
{
    private FunctionOutcome(bool success, string reason, JsonObject? data)
    {
        Success = success;
        Reason = reason;
        Data = data;
    }

    public bool Success { get; }

    public string Reason { get; }

    /// <summary>The <c>data</c> object; null means the reply has no <c>data</c> key at all.</summary>
    public JsonObject? Data { get; }

    /// <summary><c>metadata.output.raw</c>, or null for none.</summary>
    public string? Raw { get; init; }

    /// <summary><c>metadata.output.messages</c>, or null for none.</summary>
    public IReadOnlyList<string>? Messages { get; init; }

    /// <summary><c>metadata.output.warnings</c>, or null for none.</summary>
    public IReadOnlyList<string>? Warnings { get; init; }

    public static FunctionOutcome Ok(JsonObject? data = null, string reason = "OK") => new(true, reason, data);

    public static FunctionOutcome Fail(string reason, JsonObject? data = null) => new(false, reason, data);
}

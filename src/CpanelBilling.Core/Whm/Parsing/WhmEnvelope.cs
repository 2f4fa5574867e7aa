using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// The API 1 envelope: <c>{"metadata":{"command","version","result","reason","output":{…}},"data":{…}}</c>.
/// <c>result</c> arrives as 1/0 or "1"/"0"; <c>data</c> is absent for functions that return nothing.
/// Texts are scrubbed of the call's secrets as they are read.
/// </summary>
internal sealed class WhmEnvelope
{
    private WhmEnvelope(bool succeeded, string reason, JsonElement data, string? rawOutput, IReadOnlyList<string> messages, IReadOnlyList<string> warnings)
    {
        Succeeded = succeeded;
        Reason = reason;
        Data = data;
        RawOutput = rawOutput;
        Messages = messages;
        Warnings = warnings;
    }

    public bool Succeeded { get; }

    public string Reason { get; }

    /// <summary>The <c>data</c> object; <c>default</c> (Undefined) when the reply has none.</summary>
    public JsonElement Data { get; }

    public string? RawOutput { get; }

    public IReadOnlyList<string> Messages { get; }

    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Reads the envelope; a FormatException means the reply is not a WHM API 1 response.</summary>
    public static WhmEnvelope Parse(JsonElement root, SecretScrubber scrubber)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("metadata", out JsonElement metadata) || metadata.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("the reply has no 'metadata' object (is api.version=1 honoured?)");
        }

        bool succeeded = ReadResult(metadata);
        string reason = scrubber.Scrub(JsonValues.GetString(metadata, "reason")) ?? string.Empty;

        string? raw = null;
        IReadOnlyList<string> messages = Array.Empty<string>();
        IReadOnlyList<string> warnings = Array.Empty<string>();
        if (JsonValues.TryGet(metadata, "output", out JsonElement output) && output.ValueKind == JsonValueKind.Object)
        {
            raw = scrubber.Scrub(JsonValues.GetString(output, "raw"));
            messages = scrubber.Scrub(JsonValues.GetStringList(output, "messages"));
            warnings = scrubber.Scrub(JsonValues.GetStringList(output, "warnings"));
        }

        JsonElement data = JsonValues.TryGet(root, "data", out JsonElement found) ? found : default;
        return new WhmEnvelope(succeeded, reason, data, raw, messages, warnings);
    }

    /// <summary>
    /// True for the legacy API 2 refusal cpsrvd sends for bad credentials even on API 1 URLs:
    /// <c>{"cpanelresult":{"error":"Access denied","data":{"reason":"Access denied","result":"0"}}}</c>.
    /// </summary>
    public static bool IsLegacyAccessDenied(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("cpanelresult", out JsonElement legacy))
        {
            return false;
        }

        string? error = JsonValues.GetString(legacy, "error");
        string? reason = JsonValues.TryGet(legacy, "data", out JsonElement data) ? JsonValues.GetString(data, "reason") : null;
        return ReasonClassifier.Normalize(error ?? reason).IndexOf("access denied", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    private static bool ReadResult(JsonElement metadata)
    {
        if (!metadata.TryGetProperty("result", out JsonElement result))
        {
            throw new FormatException("the reply's metadata has no 'result'");
        }

        // Servers send 1/0 and, now and then, "1"/"0".
        string? text = result.ValueKind switch
        {
            JsonValueKind.Number => result.GetRawText(),
            JsonValueKind.String => result.GetString()?.Trim(),
            JsonValueKind.True => "1",
            JsonValueKind.False => "0",
            _ => null,
        };
        return text switch
        {
            "1" => true,
            "0" => false,
            _ => throw new FormatException($"the reply's metadata.result is {result.GetRawText()}, not 0 or 1"),
        };
    }
}

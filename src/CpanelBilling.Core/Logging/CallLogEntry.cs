using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace CpanelBilling.Core.Logging;

/// <summary>One WHM request as the call log records it. Parameters are masked before an entry is created.</summary>
public sealed class CallLogEntry
{
    public CallLogEntry(
        DateTimeOffset timestamp,
        string server,
        string user,
        string function,
        int attempt,
        TimeSpan duration,
        CallOutcome outcome,
        int? httpStatus,
        string? reason,
        FailureKind? failureKind,
        bool mayHaveExecuted,
        IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        Timestamp = timestamp;
        Server = server;
        User = user;
        Function = function;
        Attempt = attempt;
        Duration = duration;
        Outcome = outcome;
        HttpStatus = httpStatus;
        Reason = reason;
        FailureKind = failureKind;
        MayHaveExecuted = mayHaveExecuted;
        Parameters = parameters;
    }

    /// <summary>When the request started (UTC).</summary>
    public DateTimeOffset Timestamp { get; }

    public string Server { get; }

    /// <summary>The WHM user whose token was used.</summary>
    public string User { get; }

    public string Function { get; }

    /// <summary>1 for the first request, 2 for the first retry, …</summary>
    public int Attempt { get; }

    public TimeSpan Duration { get; }

    public CallOutcome Outcome { get; }

    public int? HttpStatus { get; }

    /// <summary>The server's reason, or what went wrong on the way.</summary>
    public string? Reason { get; }

    public FailureKind? FailureKind { get; }

    public bool MayHaveExecuted { get; }

    /// <summary>The call's parameters, secrets masked.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

    /// <summary>The entry as one line of JSON (no line break).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("time", Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("server", Server);
            json.WriteString("user", User);
            json.WriteString("function", Function);
            json.WriteNumber("attempt", Attempt);
            json.WriteNumber("durationMs", (long)Math.Round(Duration.TotalMilliseconds));
            json.WriteString("outcome", Outcome.ToString());
            WriteNullable(json, "httpStatus", HttpStatus);
            json.WriteString("reason", Reason);
            json.WriteString("failureKind", FailureKind?.ToString());
            json.WriteBoolean("mayHaveExecuted", MayHaveExecuted);
            json.WriteStartObject("parameters");
            foreach (KeyValuePair<string, string> parameter in Parameters)
            {
                json.WriteString(parameter.Key, parameter.Value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public override string ToString() => ToJson();

    private static void WriteNullable(Utf8JsonWriter json, string name, int? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteNumber(name, value.Value);
        }
    }
}

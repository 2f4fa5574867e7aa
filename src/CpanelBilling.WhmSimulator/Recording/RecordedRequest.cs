using System;
using System.Collections.Generic;

namespace CpanelBilling.WhmSimulator;

/// <summary>
/// One HTTP request exactly as the simulator received it, recorded before authentication, so tests can assert what
/// went over the wire (for example that no password or token ever appears in a URL).
/// </summary>
public sealed record RecordedRequest
{
    public required DateTimeOffset Time { get; init; }
    public required string Method { get; init; }

    /// <summary>The request path, e.g. <c>/json-api/createacct</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The raw query string without the leading <c>?</c>; empty when there is none.</summary>
    public required string QueryString { get; init; }

    /// <summary>Request headers by name (case-insensitive); repeated headers are joined with <c>", "</c>.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>The raw body as UTF-8 text; empty when there is none.</summary>
    public required string Body { get; init; }

    /// <summary>The query string parsed into name/value pairs, in order.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Query { get; init; }

    /// <summary>The body parsed as an <c>application/x-www-form-urlencoded</c> form, in order (empty when the body is
    /// not a form).</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Form { get; init; }

    /// <summary>The client's IP address.</summary>
    public required string RemoteAddress { get; init; }

    /// <summary>The WHM function named by a <c>/json-api/FUNCTION</c> path, or null for other paths.</summary>
    public string? Function { get; init; }

    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The first value of a form field, or null.</summary>
    public string? FormValue(string name) => FirstValue(Form, name);

    /// <summary>The first value of a query parameter, or null.</summary>
    public string? QueryValue(string name) => FirstValue(Query, name);

    private static string? FirstValue(IReadOnlyList<KeyValuePair<string, string>> pairs, string name)
    {
        foreach (var pair in pairs)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }
}

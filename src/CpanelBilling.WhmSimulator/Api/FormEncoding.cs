using System;
using System.Collections.Generic;

namespace CpanelBilling.WhmSimulator.Api;

/// <summary>Parses <c>application/x-www-form-urlencoded</c> text (and query strings) keeping order and repeats.</summary>
internal static class FormEncoding
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string? text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(text))
        {
            return pairs;
        }

        if (text[0] == '?')
        {
            text = text[1..];
        }

        foreach (var part in text.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? "" : part[(equals + 1)..];
            pairs.Add(new KeyValuePair<string, string>(Decode(name), Decode(value)));
        }

        return pairs;
    }

    // Invalid percent sequences are kept literally, as lenient CGI parsers do.
    private static string Decode(string component) => Uri.UnescapeDataString(component.Replace('+', ' '));
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// Lenient readers for WHM's JSON, which types values loosely: numbers arrive as numbers or strings, flags as
/// 0/1, "0"/"1" or "y"/"n", limits as "unlimited", and unknown values as "*unknown*" or null.
/// </summary>
internal static class JsonValues
{
    private const string UnknownSentinel = "*unknown*";

    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The value as text (numbers as written); null when missing, null or "*unknown*".</summary>
    public static string? GetString(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out JsonElement value))
        {
            return null;
        }

        string text = AsText(value);
        return text == UnknownSentinel ? null : text;
    }

    public static string GetRequiredString(JsonElement obj, string name) =>
        GetString(obj, name) is { Length: > 0 } text
            ? text
            : throw new FormatException($"The reply lacks the field '{name}'.");

    public static long? GetInt64(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetInt64(out long number) ? number : (long)Math.Truncate(value.GetDouble());
        }

        return value.ValueKind == JsonValueKind.String
            && long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed)
                ? parsed
                : null;
    }

    /// <summary>1, "1", true, "y" and "yes" are true; anything else, missing included, is false.</summary>
    public static bool GetFlag(JsonElement obj, string name) => WhmFlag.TryParse(GetString(obj, name), out bool flag) && flag;

    /// <summary>A count limit; null when missing or unknown.</summary>
    public static CountLimit? GetCountLimit(JsonElement obj, string name) =>
        GetString(obj, name) is { } text && CountLimit.TryParse(text, out CountLimit limit) ? limit : null;

    /// <summary>A megabyte limit ("500", "500M", "unlimited", 0 = unlimited); null when missing or unknown.</summary>
    public static MegabyteLimit? GetMegabyteLimit(JsonElement obj, string name) =>
        GetString(obj, name) is { } text && MegabyteLimit.TryParse(text, out MegabyteLimit limit) ? limit : null;

    /// <summary>A used amount such as listaccts' diskused: "14M" is 14, "none" is 0; null when missing or unknown.</summary>
    public static long? GetMegabytesUsed(JsonElement obj, string name)
    {
        string? text = GetString(obj, name)?.Trim();
        if (text is null)
        {
            return null;
        }

        if (string.Equals(text, "none", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        if (text.EndsWith("M", StringComparison.OrdinalIgnoreCase))
        {
            text = text.Substring(0, text.Length - 1);
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long parsed) ? parsed : null;
    }

    public static DateTimeOffset? GetUnixTime(JsonElement obj, string name) =>
        GetInt64(obj, name) is long seconds && seconds > 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    public static IReadOnlyList<string> GetStringList(JsonElement obj, string name)
    {
        var items = new List<string>();
        if (TryGet(obj, name, out JsonElement value) && value.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    items.Add(item.GetString() ?? string.Empty);
                }
                else if (item.ValueKind != JsonValueKind.Null)
                {
                    items.Add(item.GetRawText());
                }
            }
        }

        return items;
    }

    /// <summary>The elements of an array-valued field; empty when the field is missing or null (WHM's "no results").</summary>
    public static IEnumerable<JsonElement> GetObjects(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out JsonElement value))
        {
            yield break;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"The field '{name}' is a {value.ValueKind}, not a list.");
        }

        foreach (JsonElement item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                yield return item;
            }
        }
    }

    /// <summary>Every field of an object as text (null for a JSON null), for results read key by key (packages).</summary>
    public static IEnumerable<KeyValuePair<string, string?>> GetFields(JsonElement obj)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (JsonProperty property in obj.EnumerateObject())
        {
            yield return new KeyValuePair<string, string?>(
                property.Name, property.Value.ValueKind == JsonValueKind.Null ? null : AsText(property.Value));
        }
    }

    /// <summary>Every field of an object as text (a JSON null as empty), for results that keep the server's raw keys (cpuser).</summary>
    public static IReadOnlyDictionary<string, string> GetStringMap(JsonElement obj)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, string?> field in GetFields(obj))
        {
            map[field.Key] = field.Value ?? string.Empty;
        }

        return map;
    }

    // Strings as they are, booleans as 1/0, numbers as written.
    private static string AsText(JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? string.Empty,
            JsonValueKind.True => "1",
            JsonValueKind.False => "0",
            _ => value.GetRawText(),
        };
}

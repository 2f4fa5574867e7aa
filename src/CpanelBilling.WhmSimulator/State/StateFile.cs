using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace CpanelBilling.WhmSimulator;

/// <summary>
/// Reads the JSON state file that seeds a simulator (<c>--state FILE.json</c>); the format is documented in
/// README.md. Errors name the offending entry so a hand-written file is easy to fix.
/// </summary>
public static class StateFile
{
    /// <exception cref="InvalidDataException">The file is not a valid state file.</exception>
    public static SimulatorState Load(string path) => Parse(File.ReadAllText(path), path);

    /// <exception cref="InvalidDataException">The text is not a valid state file.</exception>
    public static SimulatorState Parse(string json, string source = "state")
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return Build(document.RootElement);
        }
        catch (Exception error) when (error is JsonException or ArgumentException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"{source}: {error.Message}", error);
        }
    }

    private static SimulatorState Build(JsonElement root)
    {
        var state = new SimulatorState();
        if (Optional(root, "hostname") is { } hostname)
        {
            state.Hostname = hostname;
        }

        if (Optional(root, "version") is { } version)
        {
            state.Version = version;
        }

        if (Optional(root, "mainIp") is { } mainIp)
        {
            state.SetMainIp(mainIp);
        }

        foreach (var ip in Array(root, "ips"))
        {
            state.AddIp(ip.ValueKind == JsonValueKind.String
                ? new SimulatedIp { Address = ip.GetString()! }
                : new SimulatedIp
                {
                    Address = Required(ip, "address", "ips[]"),
                    Interface = Optional(ip, "interface") ?? "eth0",
                    Netmask = Optional(ip, "netmask") ?? "255.255.255.0",
                    PublicIp = Optional(ip, "publicIp"),
                });
        }

        foreach (var package in Array(root, "packages"))
        {
            state.PutPackage(ReadPackage(package));
        }

        foreach (var account in Array(root, "accounts"))
        {
            state.PutAccount(ReadAccount(account, state));
        }

        foreach (var usage in Array(root, "bandwidth"))
        {
            var user = Required(usage, "user", "bandwidth[]");
            state.AddBandwidth(user, Int(usage, "year"), Int(usage, "month"), usage.GetProperty("bytes").GetInt64(), Optional(usage, "domain"));
        }

        return state;
    }

    private static SimulatedPackage ReadPackage(JsonElement element)
    {
        var package = new SimulatedPackage { Name = Required(element, "name", "packages[]") };
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == "name")
            {
                continue;
            }

            if (!PackageFile.IsKey(property.Name))
            {
                throw new FormatException($"package '{package.Name}': unknown key '{property.Name}' (use cPanel keys such as QUOTA, BWLIMIT, IP).");
            }

            package = PackageFile.Set(package, property.Name, Scalar(property.Value));
        }

        return package;
    }

    private static SimulatedAccount ReadAccount(JsonElement element, SimulatorState state)
    {
        var user = Required(element, "user", "accounts[]");
        var plan = Optional(element, "plan") ?? SimulatorState.DefaultPackageName;
        var package = state.FindPackage(plan) ?? throw new FormatException($"account '{user}': no package named '{plan}'.");
        var limits = package.ToAccountLimits();
        if (element.TryGetProperty("limits", out var overrides))
        {
            foreach (var limit in overrides.EnumerateObject())
            {
                if (!AccountLimits.IsLimitKey(limit.Name))
                {
                    throw new FormatException($"account '{user}': unknown limit '{limit.Name}'.");
                }

                limits = limits.With(limit.Name, Scalar(limit.Value));
            }
        }

        var suspended = Bool(element, "suspended");
        var suspendReason = Optional(element, "suspendReason");
        return new SimulatedAccount
        {
            User = user,
            Domain = Required(element, "domain", $"account '{user}'"),
            Plan = plan,
            Ip = Optional(element, "ip") ?? "",
            Owner = Optional(element, "owner") ?? "root",
            ContactEmail = Optional(element, "email") ?? "",
            Theme = Optional(element, "theme") ?? package.CpMod ?? "jupiter",
            Locale = Optional(element, "locale") ?? package.Lang ?? "en",
            FeatureList = Optional(element, "featureList") ?? package.FeatureList ?? "default",
            Shell = Optional(element, "shell") ?? (package.HasShell == "y" ? SimulatedAccount.DefaultShell : SimulatedAccount.NoShell),
            IsReseller = Bool(element, "reseller"),
            StartDate = Date(element, "startDate") ?? DateTimeOffset.UtcNow,
            Uid = element.TryGetProperty("uid", out var uid) ? uid.GetInt32() : 0,
            Suspended = suspended,
            SuspendReason = suspendReason,
            SuspendTime = Date(element, "suspendTime") ?? (suspended ? DateTimeOffset.UtcNow : null),
            IsLocked = Bool(element, "locked"),
            Limits = limits,
            DiskUsedMb = element.TryGetProperty("diskUsedMb", out var disk) ? disk.GetInt64() : 0,
            OtherDomains = Array(element, "otherDomains").ConvertAll(d => d.GetString()!),
        };
    }

    private static List<JsonElement> Array(JsonElement element, string name)
    {
        var items = new List<JsonElement>();
        if (element.TryGetProperty(name, out var array) && array.ValueKind != JsonValueKind.Null)
        {
            items.AddRange(array.EnumerateArray());
        }

        return items;
    }

    private static string Required(JsonElement element, string name, string where) =>
        Optional(element, name) ?? throw new FormatException($"{where}: '{name}' is required.");

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Scalar(value) : null;

    // Numbers are accepted where cPanel stores strings ("QUOTA": 1024 is read as "1024").
    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        _ => throw new FormatException($"expected a string or number, found {value.ValueKind}."),
    };

    private static bool Bool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static int Int(JsonElement element, string name) => element.GetProperty(name).GetInt32();

    private static DateTimeOffset? Date(JsonElement element, string name) =>
        Optional(element, name) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null;
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CpanelBilling.WhmSimulator.Api;

namespace CpanelBilling.WhmSimulator.Functions;

/// <summary><c>version</c>: the four-part cPanel version.</summary>
internal sealed class VersionFunction : WhmFunction
{
    public override string Name => "version";

    public override FunctionOutcome Invoke(FunctionContext context) =>
        FunctionOutcome.Ok(new JsonObject { ["version"] = context.State.Version });

    // API 0: {"version":"11.120.0.16"}
    public override JsonObject RenderApi0(FunctionOutcome outcome, FunctionContext context) => (JsonObject)outcome.Data!.DeepClone();
}

/// <summary><c>gethostname</c>: the server's hostname.</summary>
internal sealed class GetHostnameFunction : WhmFunction
{
    public override string Name => "gethostname";

    public override FunctionOutcome Invoke(FunctionContext context) =>
        FunctionOutcome.Ok(new JsonObject { ["hostname"] = context.State.Hostname });

    // API 0: {"hostname":"server.example.com"}
    public override JsonObject RenderApi0(FunctionOutcome outcome, FunctionContext context) => (JsonObject)outcome.Data!.DeepClone();
}

/// <summary><c>applist</c>: the functions the caller may use (root: all), sorted.</summary>
internal sealed class ApplistFunction : WhmFunction
{
    private readonly Func<IReadOnlyList<string>> _names;

    public ApplistFunction(Func<IReadOnlyList<string>> names)
    {
        _names = names;
    }

    public override string Name => "applist";

    public override FunctionOutcome Invoke(FunctionContext context) =>
        FunctionOutcome.Ok(new JsonObject { ["app"] = new JsonArray(_names().Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()) });

    // API 0: {"app":[...]}
    public override JsonObject RenderApi0(FunctionOutcome outcome, FunctionContext context) => (JsonObject)outcome.Data!.DeepClone();
}

/// <summary><c>listips</c>: the bound IPv4 addresses with their pool status.</summary>
internal sealed class ListIpsFunction : WhmFunction
{
    public override string Name => "listips";

    public override FunctionOutcome Invoke(FunctionContext context)
    {
        var items = new JsonArray();
        foreach (var ip in context.State.Ips)
        {
            var dedicated = context.State.DedicatedIpHolder(ip.Address) is not null;
            // "used" is 0 only for addresses in the unallocated pool: the main IP and dedicated ones are used.
            var used = ip.IsMain || dedicated;
            items.Add(new JsonObject
            {
                ["ip"] = ip.Address,
                ["public_ip"] = ip.PublicIp ?? ip.Address,
                ["if"] = ip.Interface,
                ["netmask"] = ip.Netmask,
                ["network"] = Network(ip.Address, ip.Netmask),
                ["mainaddr"] = ip.IsMain ? 1 : 0,
                ["active"] = 1,
                ["used"] = used ? 1 : 0,
                ["dedicated"] = dedicated ? 1 : 0,
                ["removable"] = ip.IsMain || used ? 0 : 1,
            });
        }

        return FunctionOutcome.Ok(new JsonObject { ["ip"] = items });
    }

    // API 0: {"result":[ …the same objects without public_ip… ]}
    public override JsonObject RenderApi0(FunctionOutcome outcome, FunctionContext context)
    {
        var items = (JsonArray)outcome.Data!["ip"]!.DeepClone();
        foreach (var item in items)
        {
            item!.AsObject().Remove("public_ip");
        }

        return new JsonObject { ["result"] = items };
    }

    private static string Network(string address, string netmask)
    {
        var ip = System.Net.IPAddress.Parse(address).GetAddressBytes();
        var mask = System.Net.IPAddress.TryParse(netmask, out var parsed) ? parsed.GetAddressBytes() : new byte[] { 255, 255, 255, 0 };
        return new System.Net.IPAddress(ip.Zip(mask, (a, m) => (byte)(a & m)).ToArray()).ToString();
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CpanelBilling.WhmSimulator.Functions;

namespace CpanelBilling.WhmSimulator.Api;

/// <summary>The function table and the API 1 / API 0 reply rendering around it.</summary>
internal sealed class WhmApi
{
    private readonly Dictionary<string, WhmFunction> _functions = new(StringComparer.Ordinal);

    public WhmApi()
    {
        Register(new VersionFunction());
        Register(new GetHostnameFunction());
        Register(new ApplistFunction(() => FunctionNames));
        Register(new ListIpsFunction());
        Register(new CreateAccountFunction());
        Register(new RemoveAccountFunction());
        Register(new SuspendAccountFunction());
        Register(new UnsuspendAccountFunction());
        Register(new ChangePackageFunction());
        Register(new ModifyAccountFunction());
        Register(new PasswdFunction());
        Register(new ListAccountsFunction());
        Register(new AccountSummaryFunction());
        Register(new SetSiteIpFunction());
        Register(new ListPackagesFunction());
        Register(new AddPackageFunction());
        Register(new EditPackageFunction());
        Register(new KillPackageFunction());
        Register(new ShowBandwidthFunction());
        Register(new LimitBandwidthFunction());
        Register(new EditQuotaFunction());
        Register(new BatchFunction(this));
    }

    /// <summary>The supported function names, sorted.</summary>
    public IReadOnlyList<string> FunctionNames => _functions.Keys.OrderBy(n => n, StringComparer.Ordinal).ToArray();

    /// <summary>Runs a call and renders the whole reply body for its API version. Holds the state lock throughout.</summary>
    public JsonObject Call(string function, FunctionContext context, bool resultAsString)
    {
        lock (context.State.Gate)
        {
            if (!_functions.TryGetValue(function, out var handler))
            {
                return context.ApiVersion == 1
                    ? Envelope(function, UnknownApp(function, 1), resultAsString)
                    : new JsonObject { ["status"] = 0, ["statusmsg"] = UnknownApp(function, 0).Reason };
            }

            var outcome = Run(handler, context);
            return context.ApiVersion == 1 ? Envelope(function, outcome, resultAsString) : handler.RenderApi0(outcome, context);
        }
    }

    /// <summary>Runs one API 1 call (used by batch for its inner commands) and renders its envelope.</summary>
    public (JsonObject Reply, bool Success) CallInner(string function, FunctionContext context)
    {
        var outcome = _functions.TryGetValue(function, out var handler) ? Run(handler, context) : UnknownApp(function, 1);
        return (Envelope(function, outcome, resultAsString: false), outcome.Success);
    }

    /// <summary>The API 1 envelope: <c>metadata</c> {command, version, result, reason[, output]} and <c>data</c> when
    /// the function returned data.</summary>
    public static JsonObject Envelope(string command, FunctionOutcome outcome, bool resultAsString)
    {
        var metadata = new JsonObject
        {
            ["command"] = command,
            ["version"] = 1,
            ["result"] = resultAsString ? JsonValue.Create(outcome.Success ? "1" : "0") : JsonValue.Create(outcome.Success ? 1 : 0),
            ["reason"] = outcome.Reason,
        };

        if (outcome.Raw is not null || outcome.Messages is not null || outcome.Warnings is not null)
        {
            var output = new JsonObject();
            if (outcome.Raw is not null)
            {
                output["raw"] = outcome.Raw;
            }

            if (outcome.Messages is not null)
            {
                output["messages"] = new JsonArray(outcome.Messages.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray());
            }

            if (outcome.Warnings is not null)
            {
                output["warnings"] = new JsonArray(outcome.Warnings.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray());
            }

            metadata["output"] = output;
        }

        var reply = new JsonObject { ["metadata"] = metadata };
        if (outcome.Data is not null)
        {
            reply["data"] = outcome.Data.DeepClone();
        }

        return reply;
    }

    private static FunctionOutcome Run(WhmFunction handler, FunctionContext context)
    {
        try
        {
            return handler.Invoke(context);
        }
        catch (WhmApiException failure)
        {
            // Wrapper.pm: an exception inside a function becomes result 0 with "API failure: <error>".
            return FunctionOutcome.Fail("API failure: " + failure.Message);
        }
    }

    private static FunctionOutcome UnknownApp(string function, int version) => FunctionOutcome.Fail(version == 1
        ? $"Unknown app (\"{function}\") requested for this version (1) of the API."
        : $"Unknown app ({function}) requested for this version (0) of the API.");

    private void Register(WhmFunction function) => _functions.Add(function.Name, function);
}

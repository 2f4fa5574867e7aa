using System;
using System.Text.Json.Nodes;
using CpanelBilling.WhmSimulator.Api;

namespace CpanelBilling.WhmSimulator.Functions;

/// <summary>
/// <c>batch</c>: runs each <c>command</c> (<c>function?url-encoded-args</c>; repeated or numbered <c>command-N</c>) as
/// an API 1 call, in order, and returns their complete replies in <c>data.result</c>. One failing command makes the
/// outer result 0; with <c>abort_on_error=1</c> the commands after it are not run (and not listed).
/// </summary>
internal sealed class BatchFunction : WhmFunction
{
    private readonly WhmApi _api;

    public BatchFunction(WhmApi api)
    {
        _api = api;
    }

    public override string Name => "batch";

    public override FunctionOutcome Invoke(FunctionContext context)
    {
        var commands = context.Arguments.GetAll("command");
        if (commands.Count == 0)
        {
            throw WhmApiException.MissingParameter("command");
        }

        var abortOnError = context.Arguments.Flag("abort_on_error");
        var results = new JsonArray();
        var allSucceeded = true;
        foreach (var command in commands)
        {
            var question = command.IndexOf('?', StringComparison.Ordinal);
            var function = Uri.UnescapeDataString(question < 0 ? command : command[..question]);
            var arguments = new ApiArguments(FormEncoding.Parse(question < 0 ? "" : command[(question + 1)..]));
            var (reply, success) = _api.CallInner(function, context.WithArguments(arguments, apiVersion: 1));
            results.Add(reply);
            allSucceeded &= success;
            if (!success && abortOnError)
            {
                break;
            }
        }

        var data = new JsonObject { ["result"] = results };
        // The outer reason for a partial failure is not documented; this wording is the simulator's own.
        return allSucceeded ? FunctionOutcome.Ok(data) : FunctionOutcome.Fail("One or more commands failed.", data);
    }
}

using System.Text.Json.Nodes;

namespace CpanelBilling.WhmSimulator.Api;

/// <summary>One WHM API function. Invoked under the state lock, so an implementation may read and write freely.</summary>
internal abstract class WhmFunction
{
    public abstract string Name { get; }

    /// <summary>Runs the function. May throw <see cref="WhmApiException"/> where cPanel throws.</summary>
    public abstract FunctionOutcome Invoke(FunctionContext context);

    /// <summary>
    /// The legacy API 0 body. Most API 0 functions answer <c>{"result":[{"status":…,"statusmsg":…}]}</c>; functions
    /// with another shape override this.
    /// </summary>
    public virtual JsonObject RenderApi0(FunctionOutcome outcome, FunctionContext context) => StatusResult(outcome);

    protected static JsonObject StatusResult(FunctionOutcome outcome, string? statusMessage = null, JsonObject? extra = null)
    {
        var item = new JsonObject
        {
            ["status"] = outcome.Success ? 1 : 0,
            ["statusmsg"] = statusMessage ?? outcome.Reason,
        };
        if (extra is not null)
        {
            foreach (var (key, value) in extra)
            {
                item[key] = value?.DeepClone();
            }
        }

        return new JsonObject { ["result"] = new JsonArray(item) };
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace CpanelBilling.Whm.Tests.Simulator;

/// <summary>Raw WHM calls over HTTP, the way cPanel's own clients make them (POST with a form body).</summary>
internal static class WhmHttp
{
    /// <summary>POSTs an API 1 call (<c>api.version=1</c> in the form), expects HTTP 200 and returns the JSON reply.</summary>
    public static Task<JsonObject> Api1Async(HttpClient client, string function, params (string Name, string Value)[] arguments) =>
        CallAsync(client, function, new[] { ("api.version", "1") }.Concat(arguments));

    /// <summary>POSTs a legacy API 0 call (no <c>api.version</c>), expects HTTP 200 and returns the JSON reply.</summary>
    public static Task<JsonObject> Api0Async(HttpClient client, string function, params (string Name, string Value)[] arguments) =>
        CallAsync(client, function, arguments);

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string function, IEnumerable<(string Name, string Value)> arguments) =>
        client.PostAsync("json-api/" + function, new FormUrlEncodedContent(arguments.Select(a => new KeyValuePair<string, string>(a.Name, a.Value))));

    private static async Task<JsonObject> CallAsync(HttpClient client, string function, IEnumerable<(string Name, string Value)> arguments)
    {
        using var response = await PostAsync(client, function, arguments);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public static int Result(JsonObject reply) => reply["metadata"]!["result"]!.GetValue<int>();

    public static string Reason(JsonObject reply) => reply["metadata"]!["reason"]!.GetValue<string>();

    public static JsonObject Data(JsonObject reply) => reply["data"]!.AsObject();

    /// <summary>Asserts a reason of the form <c>API failure: (XID abc123) MESSAGE</c> and returns nothing else.</summary>
    public static void AssertXidFailure(string expectedMessage, JsonObject reply, string prefix = "API failure: ")
    {
        Assert.Equal(0, Result(reply));
        Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape(prefix) + @"\(XID [a-z0-9]{6}\) "
                       + System.Text.RegularExpressions.Regex.Escape(expectedMessage) + "$", Reason(reply));
    }
}

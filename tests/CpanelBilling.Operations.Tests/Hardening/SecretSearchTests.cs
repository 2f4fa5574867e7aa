using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using CpanelBilling.Testing.Secrets;
using CpanelBilling.WhmSimulator;
using Xunit;
using Xunit.Sdk;

namespace CpanelBilling.Operations.Tests.Hardening;

/// <summary>The secret search finds a secret in each form it can take, so a clean search means something.</summary>
public sealed class SecretSearchTests
{
    private const string Password = "Pa ss&w=rd+é\"9";
    private const string Token = "TOKEN0123456789ABCDEF";

    [Theory]
    [InlineData("log line {\"password\":\"Pa ss\\u0026w=rd\\u002B\\u00E9\\u00229\"}")]
    [InlineData("password=Pa%20ss%26w%3Drd%2B%C3%A9%229")]
    [InlineData("password=Pa%20ss%26w%3drd%2b%c3%a9%229")]
    [InlineData("password=Pa+ss%26w%3Drd%2B%C3%A9%229")]
    [InlineData("plain Pa ss&w=rd+é\"9 text")]
    public void Finds_a_password_as_given_url_encoded_or_json_escaped(string text)
    {
        SecretSearch search = Search().InText("text", text);

        Assert.Single(search.Findings);
        Assert.Throws<XunitException>(search.AssertNoneFound);
    }

    [Fact]
    public void Finds_a_token_in_a_file_as_utf8_or_utf16_and_in_exceptions_inner_ones_included()
    {
        string folder = Path.Combine(Path.GetTempPath(), "cpbilling-search-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "db.sqlite"), Encoding.Unicode.GetBytes("x" + Token + "x"));
            File.WriteAllText(Path.Combine(folder, "db.sqlite-wal"), "clean");
            var failure = new InvalidOperationException("outer", new InvalidOperationException("inner " + Token));

            SecretSearch search = Search().InFiles(folder, "db.sqlite").InException("error", failure);

            Assert.Contains("the token in file db.sqlite", search.Findings);
            Assert.Contains(search.Findings, f => f.StartsWith("the token in error (InvalidOperationException.Message)", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Allows_a_password_only_in_createacct_and_passwd_bodies_and_a_token_only_in_the_authorization_header()
    {
        string body = "api.version=1&password=" + Uri.EscapeDataString(Password);
        var allowed = new[]
        {
            Request("createacct", body, "whm root:" + Token),
            Request("passwd", body, "whm root:" + Token),
        };
        var leaking = new[]
        {
            Request("modifyacct", body, "whm root:" + Token),
            Request("listaccts", "api.version=1", "whm root:x", query: "token=" + Token),
        };

        Search().InRequests(allowed).AssertNoneFound();
        Assert.Equal(
            new[] { "the password in the body of POST /json-api/modifyacct", "the token in GET /json-api/listaccts query string" },
            Search().InRequests(leaking).Findings);
    }

    private static SecretSearch Search() => new(new Secret("the password", Password, SecretKind.Password), new Secret("the token", Token, SecretKind.Token));

    private static RecordedRequest Request(string function, string body, string authorization, string query = "") => new()
    {
        Time = DateTimeOffset.UtcNow,
        Method = query.Length > 0 ? "GET" : "POST",
        Path = "/json-api/" + function,
        QueryString = query,
        Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Authorization"] = authorization },
        Body = body,
        Query = Array.Empty<KeyValuePair<string, string>>(),
        Form = Array.Empty<KeyValuePair<string, string>>(),
        RemoteAddress = "127.0.0.1",
        Function = function,
    };
}

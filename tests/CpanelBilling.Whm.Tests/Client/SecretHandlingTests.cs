using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Security;
using System.Text.Json;
using System.Threading.Tasks;
using CpanelBilling.Core.Whm;
using CpanelBilling.Whm.Tests.Client.Support;
using Xunit;

namespace CpanelBilling.Whm.Tests.Client;

/// <summary>Tokens and passwords never show: not in ToString, the debugger, serializers, exceptions or results.</summary>
public sealed class SecretHandlingTests
{
    private const string Token = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private const string Password = "Tr0ub4dor&3-horse";

    [Fact]
    public void Credential_ToString_and_debugger_display_show_the_user_only()
    {
        var credential = new WhmCredential("root", Token);

        Assert.Equal("root (API token)", credential.ToString());
        Assert.DoesNotContain(Token, credential.ToString());
        var display = typeof(WhmCredential).GetCustomAttribute<DebuggerDisplayAttribute>();
        Assert.NotNull(display);
        Assert.DoesNotContain("token", display.Value, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("********", new WhmSecret(Password).ToString());
    }

    [Fact]
    public void System_text_json_serializes_no_secret()
    {
        var credential = new WhmCredential("root", Token);
        var request = new CreateAccountRequest("bob", "bob.example") { Password = new WhmSecret(Password) };

        string json = JsonSerializer.Serialize(new object[] { credential, request, new WhmSecret(Password) });

        Assert.DoesNotContain(Token, json);
        Assert.DoesNotContain(Password, json);
        Assert.Contains("\"User\":\"root\"", json);
    }

    [Fact]
    public void No_public_property_of_any_depth_reveals_the_secret()
    {
        // What reflection-based serializers and PowerShell's formatter see.
        var objects = new object[]
        {
            new WhmCredential("root", Token),
            new CreateAccountRequest("bob", "bob.example") { Password = new WhmSecret(Password) },
            new WhmSecret(Password),
        };

        foreach (object value in objects)
        {
            Assert.DoesNotContain(Token, DumpPublicProperties(value, depth: 3));
            Assert.DoesNotContain(Password, DumpPublicProperties(value, depth: 3));
        }
    }

    [Fact]
    public void A_secure_string_token_is_copied_so_the_caller_may_dispose_it()
    {
        var secure = new SecureString();
        foreach (char c in Token)
        {
            secure.AppendChar(c);
        }

        var credential = new WhmCredential("reseller1", secure);
        secure.Dispose();

        Assert.Equal("whm reseller1:" + Token, credential.BuildAuthorizationHeaderValue());
    }

    [Theory]
    [InlineData("root", "TOKEN WITH SPACE")]
    [InlineData("root", "TOKEN\r\nX-Injected: 1")]
    [InlineData("ro:ot", "TOKEN")]
    [InlineData(" ", "TOKEN")]
    public void Values_that_would_break_the_header_are_refused(string user, string token)
    {
        var thrown = Assert.Throws<ArgumentException>(() => new WhmCredential(user, token));

        Assert.DoesNotContain("TOKEN", thrown.Message);
    }

    [Fact]
    public async Task Exceptions_and_results_do_not_carry_the_password_even_when_the_server_echoes_it()
    {
        var server = new StubWhmServer();
        server.Reply($$$"""{"metadata":{"command":"passwd","version":1,"result":0,"reason":"Sorry, the password {{{Password}}} is too weak."}}""");

        var failure = await Assert.ThrowsAsync<WhmCallFailedException>(() => server.CreateClient().ChangePasswordAsync("bob", new WhmSecret(Password)));

        Assert.DoesNotContain(Password, failure.Message);
        Assert.DoesNotContain(Password, failure.Reason);
        Assert.DoesNotContain(StubWhmServer.Token, failure.ToString());
        Assert.DoesNotContain(Password, server.Log.Entries.Single().ToJson());
    }

    [Fact]
    public async Task Transport_failures_do_not_carry_secrets()
    {
        var server = new StubWhmServer();
        server.Reply($"<html>password={Password}</html>", System.Net.HttpStatusCode.OK, "text/html");

        var failure = await Assert.ThrowsAsync<WhmTransportException>(
            () => server.CreateClient().CreateAccountAsync(new CreateAccountRequest("bob", "bob.example") { Password = new WhmSecret(Password) }));

        Assert.DoesNotContain(Password, failure.ToString());
    }

    private static string DumpPublicProperties(object? value, int depth)
    {
        if (value is null || depth < 0)
        {
            return string.Empty;
        }

        if (value is string text)
        {
            return text;
        }

        var parts = new List<string> { value.ToString() ?? string.Empty };
        if (value is IEnumerable sequence)
        {
            parts.AddRange(sequence.Cast<object?>().Select(item => DumpPublicProperties(item, depth - 1)));
        }

        foreach (PropertyInfo property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                parts.Add(DumpPublicProperties(property.GetValue(value), depth - 1));
            }
        }

        return string.Join("|", parts);
    }
}

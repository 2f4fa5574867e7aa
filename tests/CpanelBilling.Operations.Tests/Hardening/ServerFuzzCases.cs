using System.Collections.Generic;
using System.Linq;
using CpanelBilling.Core;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Servers;
using CpanelBilling.Core.Whm;
using CpanelBilling.Testing.Fuzzing;

namespace CpanelBilling.Operations.Tests.Hardening;

/// <summary>
/// Cases for the server operations (add, change, look up, remove, count accounts) and the connection check of a
/// host not in billing. Settings are drawn from values known to be valid or invalid for each rule (a real host
/// name or address, a WHM HTTPS port, a usable WHM user, a SHA-256 pin, concurrency limits of at least 1; account
/// creations and removals are their own lane, so their limit may exceed the one for other calls).
/// </summary>
internal static class ServerFuzzCases
{
    private const string Sha256 = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";

    public static FuzzCase Next(InputGenerator g, FuzzTargets t) => g.Between(0, 4) switch
    {
        0 => Add(g, t),
        1 => Update(g, t),
        2 => CheckHost(g, t),
        _ => Lookup(g, t),
    };

    /// <summary>A server definition whose every setting is drawn as valid or invalid; valid only when all are.</summary>
    public static (ServerDefinition Definition, bool Valid, string Shown) Definition(InputGenerator g, string validName)
    {
        var verdicts = new List<bool>();
        string name = Pick(g, verdicts, new[] { validName, " " + validName + " " }, new[] { g.Blank(), new string('s', 101), validName + "*", "web?1", "[web]", "web\n01", "a\u0000b" });
        string host = Host(g, verdicts);
        int port = Pick(g, verdicts, new[] { 2087, 1, 65535, 443, g.Between(3000, 65000) }, new[] { 0, -1, 65536, int.MaxValue, int.MinValue, 2082, 2083, 2086, 2095, 2096 });
        string whmUser = Pick(g, verdicts, new[] { "root", "reseller1", "r" }, new[] { "", " ", "root:x", "ro ot", "ro\not", new string('u', 65) });
        string? vault = Pick(g, verdicts, new[] { null, "", "SecretStore", " Vault 2 " }, new[] { new string('v', 129), "vault\u0001" });
        string? secret = Pick(g, verdicts, new[] { null, "CpanelBilling-web", "token for ünïcode" }, new[] { new string('t', 257), "tok\r\nen" });
        string? thumbprint = Thumbprint(g, verdicts);
        int requests = g.Pick(4, 1, 8, 0, -3);
        int lifecycle = g.Pick(1, 2, 4, 0, 9);
        verdicts.Add(requests >= 1 && lifecycle >= 1);

        var definition = new ServerDefinition
        {
            Name = name,
            HostName = host,
            Port = port,
            WhmUser = whmUser,
            TokenVault = vault,
            TokenSecretName = secret,
            CertificateThumbprint = thumbprint,
            MaxConcurrentRequests = requests,
            MaxConcurrentAccountLifecycleCalls = lifecycle,
            Enabled = g.Chance(0.5),
        };
        string shown = FuzzText.Show(("name", name), ("host", host), ("port", port), ("whmUser", whmUser), ("vault", vault), ("secret", secret), ("thumbprint", thumbprint), ("requests", requests), ("lifecycle", lifecycle));
        return (definition, verdicts.All(v => v), shown);
    }

    private static FuzzCase Add(InputGenerator g, FuzzTargets t)
    {
        (ServerDefinition definition, bool valid, string shown) = Definition(g, "fz-" + g.From(InputGenerator.LowerLetters, 6));
        if (valid)
        {
            // A valid server would be stored; the fuzz sample adds those. Here one rule is broken on purpose.
            definition.Port = 0;
            shown += " (port 0)";
        }

        return new FuzzCase(
            "ServerOperations.AddAsync",
            shown,
            Expectation.Refused(FailureKind.InvalidArgument, OperationErrorIds.InvalidServerSettings),
            async () => await t.Servers.AddAsync(definition));
    }

    private static FuzzCase Update(InputGenerator g, FuzzTargets t)
    {
        NameChoice server = t.ServerChoice(g);
        var verdicts = new List<bool>();
        var update = new ServerUpdate
        {
            HostName = g.Chance(0.5) ? null : Host(g, verdicts),
            Port = g.Chance(0.5) ? null : Pick(g, verdicts, new[] { 2087, 8443 }, new[] { 0, 70000, 2086 }),
            WhmUser = g.Chance(0.6) ? null : Pick(g, verdicts, new[] { "root" }, new[] { " ", "a:b", "x y" }),
            CertificateThumbprint = g.Chance(0.5) ? null : Thumbprint(g, verdicts),
            MaxConcurrentRequests = g.Chance(0.6) ? null : g.Pick(1, 4, 0, -1),
            MaxConcurrentAccountLifecycleCalls = g.Chance(0.6) ? null : g.Pick(1, 0, 50),
        };
        int requests = update.MaxConcurrentRequests ?? t.World.Server.Settings.MaxConcurrentRequests;
        int lifecycle = update.MaxConcurrentAccountLifecycleCalls ?? t.World.Server.Settings.MaxConcurrentAccountLifecycleCalls;
        bool valid = verdicts.All(v => v) && requests >= 1 && lifecycle >= 1;
        if (valid && server.State == NameState.Known)
        {
            // Changing web01 for real would move it away from the simulator.
            server = new NameChoice(FuzzTargets.Unknown(g, "server"), NameState.Unknown);
        }

        Expectation expect = server.State switch
        {
            NameState.Invalid => Expectation.Refused(FailureKind.InvalidArgument),
            NameState.Unknown => Expectation.Refused(FailureKind.NotFound, OperationErrorIds.ServerNotFound),
            _ => Expectation.Refused(FailureKind.InvalidArgument, OperationErrorIds.InvalidServerSettings),
        };
        return new FuzzCase(
            "ServerOperations.UpdateAsync",
            FuzzText.Show(("server", server.Value), ("host", update.HostName), ("port", update.Port), ("whmUser", update.WhmUser), ("thumbprint", update.CertificateThumbprint), ("requests", update.MaxConcurrentRequests), ("lifecycle", update.MaxConcurrentAccountLifecycleCalls)),
            expect,
            async () => await t.Servers.UpdateAsync(server.Value, update));
    }

    private static FuzzCase CheckHost(InputGenerator g, FuzzTargets t)
    {
        var verdicts = new List<bool>();
        string host = Host(g, verdicts);
        int port = Pick(g, verdicts, new[] { 2087, 443 }, new[] { 0, -1, 65536, 2083, 2086 });
        string? thumbprint = Thumbprint(g, verdicts);
        if (verdicts.All(v => v))
        {
            // A valid host would be connected to; only 127.0.0.1 is reachable here, and the simulator is not this check's business.
            port = 0;
        }

        var credential = new WhmCredential("root", "FUZZTOKEN");
        return new FuzzCase(
            "ServerConnectionCheck.CheckHostAsync",
            FuzzText.Show(("host", host), ("port", port), ("thumbprint", thumbprint)),
            Expectation.Refused(FailureKind.InvalidArgument, OperationErrorIds.InvalidServerSettings),
            async () => await t.Check.CheckHostAsync(host, port, credential, thumbprint));
    }

    private static FuzzCase Lookup(InputGenerator g, FuzzTargets t)
    {
        NameChoice server = g.Chance(0.3) ? new NameChoice(g.Noise(30), NameState.Unknown) : t.ServerChoice(g);
        if (string.IsNullOrWhiteSpace(server.Value))
        {
            server = server with { State = NameState.Invalid };
        }

        int which = g.Between(0, 3);
        if (server.State == NameState.Known && which >= 2)
        {
            // Checking or removing web01 would reach the simulator or change billing.
            server = new NameChoice(FuzzTargets.Unknown(g, "server"), NameState.Unknown);
        }

        string entry = which switch
        {
            0 => "ServerOperations.GetAsync",
            1 => "ServerOperations.CountLiveAccountsAsync",
            2 => "ServerOperations.RemoveAsync",
            _ => "ServerConnectionCheck.CheckAsync",
        };
        bool force = g.Chance(0.5);
        Expectation expect = server.State switch
        {
            NameState.Invalid => Expectation.Refused(FailureKind.InvalidArgument),
            NameState.Unknown => Expectation.Refused(FailureKind.NotFound, OperationErrorIds.ServerNotFound),
            _ => Expectation.Completes(result => result switch
            {
                Core.Billing.BillingServer found => found.Id == t.World.Server.Id ? null : "found another server",
                int live => live == 1 ? null : $"counted {live} live accounts, not 1",
                _ => "returned " + result,
            }),
        };
        return new FuzzCase(entry, FuzzText.Show(("server", server.Value)), expect, async () => which switch
        {
            0 => await t.Servers.GetAsync(server.Value),
            1 => await t.Servers.CheckRemovalAsync(server.Value, force: true),
            2 => await t.Servers.RemoveAsync(server.Value, force),
            _ => await t.Check.CheckAsync(server.Value),
        });
    }

    private static string Host(InputGenerator g, List<bool> verdicts) => Pick(
        g,
        verdicts,
        new[] { "web01.example.net", "192.0.2.10", "2001:db8::1", "[2001:db8::1]", "localhost", " srv.example.org ", g.ValidDomainShape() },
        new[] { "", " ", "https://web01.example.net", "web01.example.net:2087", "web01.example.net/whm", "exa mple.com", "host\nname", "-bad-.example.com", "a..b", new string('h', 256), "web01\u0000.net" });

    private static string? Thumbprint(InputGenerator g, List<bool> verdicts) => Pick(
        g,
        verdicts,
        new string?[] { null, "", "  ", Sha256, Sha256.ToUpperInvariant(), Spaced(Sha256, ":"), Spaced(Sha256.ToUpperInvariant(), " "), Spaced(Sha256, "-") },
        new[] { Sha256.Substring(0, 40), Sha256.Substring(1), Sha256 + "a", "z" + Sha256.Substring(1), "\uFF10" + Sha256.Substring(1), Sha256.Substring(0, 32) + "\n" + Sha256.Substring(32, 31), g.Noise(70) + "!" });

    private static string Spaced(string hex, string separator) =>
        string.Join(separator, Enumerable.Range(0, hex.Length / 2).Select(i => hex.Substring(i * 2, 2)));

    /// <summary>One of the valid values or one of the invalid ones, noting which in <paramref name="verdicts"/>.</summary>
    private static T Pick<T>(InputGenerator g, List<bool> verdicts, T[] valid, T[] invalid)
    {
        bool good = g.Chance(0.75);
        verdicts.Add(good);
        return good ? g.Pick(valid) : g.Pick(invalid);
    }
}

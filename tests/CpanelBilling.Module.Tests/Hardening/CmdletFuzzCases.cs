using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using CpanelBilling.Testing.Fuzzing;

namespace CpanelBilling.Module.Tests.Hardening;

/// <summary>
/// One generated command line: a cmdlet with some of its parameters (or objects piped into it), the values in
/// session variables so any text reaches the cmdlet as it is. Each case carries at least one "spoiler", a value
/// that must make it fail (a name billing does not have, a value the rules refuse), so every case must end in an
/// error, and none may reach a server or change billing.
/// </summary>
internal sealed record CmdletCase(string Script, IReadOnlyList<object?> Values, string Shown);

/// <summary>Builds <see cref="CmdletCase"/>s for every cmdlet that takes input.</summary>
internal static class CmdletFuzzCases
{
    public const string KnownUser = "known1";

    private static readonly string[] Cmdlets =
    {
        "New-CpAccount", "Suspend-CpAccount", "Resume-CpAccount", "Remove-CpAccount", "Set-CpAccountPackage", "Set-CpAccountLimit", "piped",
        "New-CpPackage", "Set-CpPackage", "Remove-CpPackage", "Add-CpServer", "Set-CpServer", "Get-CpBandwidth", "Save-CpBandwidth",
        "New-CpCustomer", "New-CpPlan", "Test-CpServerConnection", "Get-CpAccount", "Compare-CpAccount", "Repair-CpAccount", "Get-CpOperation",
    };

    public static CmdletCase Next(InputGenerator g) => g.Pick(Cmdlets) switch
    {
        "New-CpAccount" => NewAccount(g),
        "Suspend-CpAccount" => AccountChange(g, "Suspend-CpAccount", ("Reason", g.Reason())),
        "Resume-CpAccount" => AccountChange(g, "Resume-CpAccount"),
        "Remove-CpAccount" => AccountChange(g, "Remove-CpAccount"),
        "Set-CpAccountPackage" => AccountChange(g, "Set-CpAccountPackage", g.Chance(0.5) ? ("Plan", Unknown(g, "plan")) : ("Package", Unknown(g, "package"))),
        "Set-CpAccountLimit" => AccountChange(g, "Set-CpAccountLimit", (g.Pick("Disk", "Bandwidth", "EmailAccounts", "Databases", "AddonDomains"), g.Pick(InvalidLimits))),
        "piped" => Piped(g),
        "New-CpPackage" or "Set-CpPackage" => Package(g, g.Chance(0.5) ? "New-CpPackage" : "Set-CpPackage"),
        "Remove-CpPackage" => Build("Remove-CpPackage -Confirm:$false", Spoil(g, ("Server", g.Pick("web01", Unknown(g, "server"))), ("Name", PackageName(g)))),
        "Add-CpServer" => Server(g, "Add-CpServer", "fz-" + g.From(InputGenerator.LowerLetters, 6)),
        "Set-CpServer" => Server(g, "Set-CpServer", "web01"),
        "Get-CpBandwidth" or "Save-CpBandwidth" => Bandwidth(g, g.Chance(0.5) ? "Get-CpBandwidth" : "Save-CpBandwidth -Confirm:$false"),
        "New-CpCustomer" => Build("New-CpCustomer", ("Login", g.Pick("alice", " ALICE ", g.Blank(), new string('c', 101))), ("Email", g.ContactEmail()), ("DisplayName", g.Chance(0.5) ? null : g.Noise(30))),
        "New-CpPlan" => Plan(g),
        "Test-CpServerConnection" => Build("Test-CpServerConnection -Credential $fuzzCredential", ("HostName", g.Pick("", " ", "https://web01.example.net", "host:2087", "exa mple.com", "a\nb")), ("Port", g.Pick<object>(2087, 0, 70000)), ("CertificateThumbprint", g.Chance(0.5) ? null : g.Noise(20) + "!")),
        "Compare-CpAccount" or "Repair-CpAccount" => Build(
            g.Chance(0.5) ? "Compare-CpAccount" : "Repair-CpAccount -Confirm:$false",
            ("Server", g.Pick(Unknown(g, "server"), " ", "\t")),
            ("UserName", g.Chance(0.5) ? null : g.UserName())),
        "Get-CpOperation" => g.Chance(0.2)
            ? Build("Get-CpOperation", ("UserName", g.UserName() + "x"))
            : Build("Get-CpOperation", ("Server", g.Pick(Unknown(g, "server"), " ")), ("UserName", g.Chance(0.5) ? null : g.UserName()), ("Newest", g.Pick<object?>(null, 5, 0, -1))),
        _ => Build("Get-CpAccount", ("Server", Unknown(g, "server")), ("Customer", g.Chance(0.5) ? null : g.Noise(10)), ("Plan", g.Chance(0.5) ? null : g.Noise(10)), ("UserName", g.Chance(0.5) ? null : g.UserName())),
    };

    private static CmdletCase NewAccount(InputGenerator g)
    {
        (string, object?)[] parameters =
        {
            ("Server", g.Pick("web01", "web01", Unknown(g, "server"), g.Blank())),
            ("Customer", g.Pick("alice", "alice", Unknown(g, "customer"), g.Blank())),
            g.Chance(0.7) ? ("Plan", g.Pick("Basic", Unknown(g, "plan"), g.Blank())) : ("Package", g.Pick("basic", Unknown(g, "package"))),
            ("Domain", g.Domain()),
            ("UserName", g.Chance(0.3) ? null : g.UserName()),
            ("ContactEmail", g.ContactEmail()),
            ("Disk", g.Chance(0.6) ? null : LimitText(g)),
            ("EmailAccounts", g.Chance(0.6) ? null : LimitText(g)),
        };

        // Everything right and known would open an account: the domain is broken then. A blank user name is none
        // (New-CpAccount derives one, as for an empty CSV cell).
        bool fine = (string?)parameters[0].Item2 == "web01" && (string?)parameters[1].Item2 == "alice" && parameters[2].Item2 is "Basic" or "basic"
            && CpanelRulesOracle.IsValidDomain((string?)parameters[3].Item2)
            && (string.IsNullOrWhiteSpace((string?)parameters[4].Item2) || CpanelRulesOracle.IsValidUserName((string?)parameters[4].Item2))
            && CpanelRulesOracle.IsValidContactEmail((string?)parameters[5].Item2)
            && parameters[6..].All(p => p.Item2 is null || ValidLimits.Contains((string)p.Item2!));
        if (fine)
        {
            parameters[3] = ("Domain", "www." + g.ValidDomainShape());
        }

        return Build("New-CpAccount -Confirm:$false", parameters);
    }

    /// <summary>A change to one account by -Server and -UserName: a name billing does not have, or known1 with a value the rules refuse.</summary>
    private static CmdletCase AccountChange(InputGenerator g, string cmdlet, params (string Name, object? Value)[] values)
    {
        bool knownWithBadValue = values.Length > 0 && g.Chance(0.4);
        (string, object?) server = ("Server", knownWithBadValue ? "web01" : g.Pick("web01", Unknown(g, "server"), " "));
        (string, object?) user = ("UserName", knownWithBadValue ? KnownUser : Valid(g, x => x.Chance(0.2) ? x.Blank() : x.UserName(), u => u.Trim().ToLowerInvariant() != KnownUser));
        if (knownWithBadValue && cmdlet == "Suspend-CpAccount")
        {
            values = new[] { ("Reason", (object?)Valid(g, x => x.Reason(), r => !CpanelRulesOracle.IsValidSuspendReason(r))) };
        }

        return Build(cmdlet + " -Confirm:$false", new[] { server, user }.Concat(values).ToArray());
    }

    /// <summary>Objects piped by property name, as from Import-Csv: any server and user names, none of them known1 on web01.</summary>
    private static CmdletCase Piped(InputGenerator g)
    {
        var objects = new List<PSObject>();
        var shown = new List<string>();
        for (int n = g.Between(1, 4); n > 0; n--)
        {
            string server = g.Pick("web01", Unknown(g, "server"), " ", "");
            string user = Valid(g, x => x.Chance(0.3) ? x.Pick(" ", "\t") : x.UserName(), u => u.Trim().ToLowerInvariant() != KnownUser);
            var item = new PSObject();
            item.Properties.Add(new PSNoteProperty("Server", server));
            item.Properties.Add(new PSNoteProperty("UserName", user));
            objects.Add(item);
            shown.Add(FuzzText.Show(("Server", server), ("UserName", user)));
        }

        string cmdlet = g.Pick("Suspend-CpAccount -Reason 'piped'", "Resume-CpAccount", "Remove-CpAccount", "Set-CpAccountLimit -Disk 100");
        return new CmdletCase("$v0 | " + cmdlet + " -Confirm:$false", new object?[] { objects.ToArray() }, "piped [" + string.Join("; ", shown) + "] into " + cmdlet);
    }

    private static CmdletCase Package(InputGenerator g, string cmdlet)
    {
        string server = g.Pick("web01", Unknown(g, "server"));
        string name = PackageName(g);
        string? quota = g.Pick(null, "unlimited", "500", "0", "1073741825", "5\u0000", "abc");
        string? maxFtp = g.Pick(null, "10", "1000", "-1", "unlimited");
        string? theme = g.Pick(null, "jupiter", "bad theme", "..");
        bool valid = PackageRulesOracle.IsValidName(name) && PackageRulesOracle.IsValidMegabytes(quota) && PackageRulesOracle.IsValidCount(maxFtp, 0, 999) && PackageRulesOracle.IsValidTheme(theme);
        if (valid && server == "web01")
        {
            server = Unknown(g, "server");
        }

        return Build(cmdlet + " -Confirm:$false", ("Server", server), ("Name", name), ("Quota", quota), ("MaxFtp", maxFtp), ("Theme", theme));
    }

    private static CmdletCase Server(InputGenerator g, string cmdlet, string name)
    {
        // One setting is always wrong, so nothing is stored; the others are drawn valid or not.
        (string, object?)[] parameters =
        {
            ("Name", g.Chance(0.8) ? name : g.Pick(" ", "web*", "a\u0000b", new string('s', 101))),
            ("HostName", g.Pick("web01.example.net", "192.0.2.10", "https://x", "a b", " ")),
            ("Port", g.Pick<object>(2087, 0, 2086, 70000, -1)),
            ("CertificateThumbprint", g.Pick(null, new string('a', 64), new string('a', 40), "zz")),
            ("WhmUser", g.Pick(null, "root", "a:b", "a b")),
        };
        int spoiled = g.Between(2, 4);
        parameters[spoiled] = spoiled switch
        {
            2 => ("Port", g.Pick<object>(0, 2086, 70000)),
            3 => ("CertificateThumbprint", new string('a', 40)),
            _ => ("WhmUser", "a:b"),
        };
        return Build(cmdlet + " -Confirm:$false", parameters);
    }

    private static CmdletCase Bandwidth(InputGenerator g, string cmdlet)
    {
        object? month = g.Pick<object?>(null, 1, 6, 12, 0, 13, -1);
        object? year = g.Pick<object?>(null, 2024, 1969, 2999, int.MinValue);
        return Build(cmdlet, Spoil(g, ("Server", g.Pick("web01", Unknown(g, "server"))), ("Month", month), ("Year", year)));
    }

    private static CmdletCase Plan(InputGenerator g)
    {
        string name = g.Pick("Basic", "Pro", " ", Unknown(g, "plan"));
        string server = g.Pick("web01", Unknown(g, "server"), " ");
        string package = g.Pick("basic", "pro", Unknown(g, "package"));
        bool wouldAdd = name is not ("Basic" or "Pro" or " ") || (server == "web01" && package is "basic" or "pro");
        string dedicated = name == "Pro" ? "" : " -DedicatedIp";
        if (wouldAdd)
        {
            // Ask Basic to include a dedicated IP: an existing plan of the other kind is refused before any change.
            return Build("New-CpPlan -DedicatedIp -Confirm:$false", ("Name", "Basic"), ("Server", server), ("Package", package));
        }

        return Build("New-CpPlan" + dedicated + " -Confirm:$false", ("Name", name), ("Server", server), ("Package", package));
    }

    /// <summary>Makes sure one of the values fails the case: web01 becomes unknown unless another value already fails.</summary>
    private static (string Name, object? Value)[] Spoil(InputGenerator g, params (string Name, object? Value)[] parameters)
    {
        bool spoiled = parameters.Any(p => p.Value is string s && s.StartsWith("nosuch-", StringComparison.Ordinal))
            || (parameters.FirstOrDefault(p => p.Name == "Name").Value is string name && !PackageRulesOracle.IsValidName(name))
            || parameters.Any(p => p.Name == "Month" && p.Value is int m && (m < 1 || m > 12));
        return spoiled ? parameters : parameters.Select(p => p.Name == "Server" ? (p.Name, (object?)Unknown(g, "server")) : p).ToArray();
    }

    private static CmdletCase Build(string cmdlet, params (string Name, object? Value)[] parameters)
    {
        var given = parameters.Where(p => p.Value is not null).ToList();
        string script = cmdlet + string.Concat(given.Select((p, i) => $" -{p.Name} $v{i.ToString(CultureInfo.InvariantCulture)}"));
        return new CmdletCase(script, given.Select(p => p.Value).ToList(), cmdlet + " " + FuzzText.Show(given.ToArray()));
    }

    private static string Unknown(InputGenerator g, string what) => "nosuch-" + what + "-" + g.Between(1, 99_999).ToString(CultureInfo.InvariantCulture);

    private static string PackageName(InputGenerator g) => g.Pick("gold", "Gold Plan", "套餐", "extensions", "a,b", " lead", "gold\uD800", "", g.Noise(12));

    // Limit texts valid, or invalid, for every kind of limit (counts and sizes alike).
    private static readonly string[] ValidLimits = { "unlimited", "package", "100", "0" };
    private static readonly string[] InvalidLimits = { "1073741825", "-1", "1e3", "5\u0000", "abc", "", "12.5" };

    private static string LimitText(InputGenerator g) => g.Chance(0.5) ? g.Pick(ValidLimits) : g.Pick(InvalidLimits);

    private static T Valid<T>(InputGenerator g, Func<InputGenerator, T> make, Func<T, bool> wanted)
    {
        T value;
        do
        {
            value = make(g);
        }
        while (!wanted(value));

        return value;
    }
}

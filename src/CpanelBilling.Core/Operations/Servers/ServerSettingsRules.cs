using System;
using System.Collections.Generic;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Servers;

/// <summary>
/// The rules a server's settings must meet before billing stores them, so that a stored server can always be
/// connected to: a real host name, a WHM HTTPS port, a usable WHM user, a token reference, a SHA-256 pin.
/// </summary>
internal static class ServerSettingsRules
{
    // cPanel's own ports that cannot serve the WHM API (2082/2083 cPanel, 2095/2096 webmail), and WHM's plain-HTTP
    // port, which this module never uses: a token must not travel unencrypted.
    private static readonly Dictionary<int, string> WrongPorts = new()
    {
        [2082] = "is cPanel's (not WHM's) plain-HTTP port",
        [2083] = "is cPanel's (not WHM's) port, which cannot serve the WHM API",
        [2086] = "is WHM's plain-HTTP port; this module only speaks HTTPS, so the token never travels unencrypted",
        [2095] = "is the webmail port, which cannot serve the WHM API",
        [2096] = "is the webmail port, which cannot serve the WHM API",
    };

    public static string CheckName(string? name)
    {
        string trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
        {
            throw Invalid("The server name is empty; give the name admins will use for the server (e.g. 'web01').", null, "Name");
        }

        if (trimmed.Length > ColumnLimits.ServerName)
        {
            throw Invalid($"The server name is {trimmed.Length} characters long; at most {ColumnLimits.ServerName} are allowed.", trimmed, "Name");
        }

        // Cmdlets take server names with wildcards, so a name holding one could never be named on its own.
        if (trimmed.IndexOfAny(new[] { '*', '?', '[', ']' }) >= 0 || HasControlCharacter(trimmed))
        {
            throw Invalid($"The server name '{trimmed}' contains a wildcard ('*', '?', '[', ']') or a control character; use letters, digits, '.', '-' or '_'.", trimmed, "Name");
        }

        return trimmed;
    }

    /// <summary>Checks a host, port and optional pin given for one call (a host not in billing).</summary>
    public static WhmEndpoint CheckEndpoint(string? hostName, int port, string? thumbprint)
    {
        string host = CheckHost(null, hostName);
        CheckPort(null, port);
        return new WhmEndpoint(host, port, CheckThumbprint(null, thumbprint));
    }

    /// <summary>Checks every setting; returns them tidied (trimmed, thumbprint normalized, empty optional values null).</summary>
    public static ServerSettings Check(string serverName, ServerSettings settings)
    {
        string host = CheckHost(serverName, settings.HostName);
        CheckPort(serverName, settings.Port);

        return new ServerSettings
        {
            HostName = host,
            Port = settings.Port,
            WhmUser = CheckWhmUser(serverName, settings.WhmUser),
            TokenVault = Optional(settings.TokenVault, ColumnLimits.TokenVault, "TokenVault", serverName),
            TokenSecretName = Required(settings.TokenSecretName, ColumnLimits.TokenSecret, "TokenSecretName", serverName),
            PinnedCertificateThumbprint = CheckThumbprint(serverName, settings.PinnedCertificateThumbprint),
            MaxConcurrentRequests = CheckLimits(serverName, settings.MaxConcurrentRequests, settings.MaxConcurrentAccountLifecycleCalls),
            MaxConcurrentAccountLifecycleCalls = settings.MaxConcurrentAccountLifecycleCalls,
            Enabled = settings.Enabled,
        };
    }

    private static void CheckPort(string? serverName, int port)
    {
        if (port < 1 || port > 65535)
        {
            throw Invalid($"Port {port} does not exist; a port is 1 to 65535 (WHM's HTTPS port is {ServerSettings.DefaultPort}).", serverName, "Port");
        }

        if (WrongPorts.TryGetValue(port, out string? why))
        {
            throw Invalid($"Port {port} {why}. WHM's HTTPS port is {ServerSettings.DefaultPort}.", serverName, "Port");
        }
    }

    private static string CheckHost(string? serverName, string? hostName)
    {
        string host = (hostName ?? "").Trim();
        bool valid = host.Length > 0 && host.Length <= ColumnLimits.HostName && Uri.CheckHostName(host.Trim('[', ']')) != UriHostNameType.Unknown;
        if (!valid)
        {
            throw Invalid(
                $"'{host}' is not a host name or IP address. Give the WHM host alone (e.g. 'web01.example.net' or '192.0.2.10'), without 'https://', a port or a path.",
                serverName,
                "HostName");
        }

        return host;
    }

    private static string CheckWhmUser(string serverName, string? user)
    {
        string trimmed = (user ?? "").Trim();
        if (trimmed.Length == 0 || trimmed.Length > ColumnLimits.WhmUser || trimmed.IndexOf(':') >= 0 || HasWhiteSpaceOrControl(trimmed))
        {
            throw Invalid(
                $"The WHM user '{trimmed}' is not usable: give the user the API token belongs to (root or a reseller), at most {ColumnLimits.WhmUser} characters, without ':' or spaces.",
                serverName,
                "WhmUser");
        }

        return trimmed;
    }

    private static string? CheckThumbprint(string? serverName, string? thumbprint)
    {
        if (string.IsNullOrWhiteSpace(thumbprint))
        {
            return null;
        }

        try
        {
            return WhmEndpoint.NormalizeThumbprint(thumbprint!);
        }
        catch (ArgumentException)
        {
            throw Invalid(
                $"'{thumbprint!.Trim()}' is not a SHA-256 certificate thumbprint: give its 64 hex digits (':', '-' or spaces between the bytes are fine). "
                + "A 40-digit value is a SHA-1 thumbprint, which is not accepted; 'openssl x509 -noout -fingerprint -sha256' on the server shows the SHA-256 one.",
                serverName,
                "CertificateThumbprint");
        }
    }

    // The two limits are separate lanes of the server's throttle: account creations and removals do not count
    // against the ordinary calls, so neither bounds the other.
    private static int CheckLimits(string serverName, int requests, int lifecycleCalls)
    {
        if (requests < 1 || lifecycleCalls < 1)
        {
            throw Invalid(
                $"The concurrency limits are {requests} call(s) at once and {lifecycleCalls} account creation(s) or removal(s) at once; both must be at least 1.",
                serverName,
                requests < 1 ? "MaxConcurrentRequests" : "MaxConcurrentAccountLifecycleCalls");
        }

        return requests;
    }

    private static string Required(string? value, int maxLength, string what, string serverName) =>
        Optional(value, maxLength, what, serverName)
        ?? throw Invalid($"The {what} is empty; give the name of the secret that holds the server's API token.", serverName, what);

    private static string? Optional(string? value, int maxLength, string what, string serverName)
    {
        string? trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed!.Length > maxLength || HasControlCharacter(trimmed))
        {
            throw Invalid($"The {what} '{trimmed}' is longer than {maxLength} characters or contains control characters.", serverName, what);
        }

        return trimmed;
    }

    private static bool HasControlCharacter(string text)
    {
        foreach (char c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasWhiteSpaceOrControl(string text)
    {
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static OperationArgumentException Invalid(string message, string? target, string parameter) =>
        new(OperationErrorIds.InvalidServerSettings, message, target, parameter);
}

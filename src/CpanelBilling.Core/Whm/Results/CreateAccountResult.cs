using System.Collections.Generic;
using System.Text.Json;

namespace CpanelBilling.Core.Whm;

/// <summary>What createacct reports about the new account.</summary>
public sealed class CreateAccountResult
{
    private CreateAccountResult(string reason, string? ip, string? package, IReadOnlyList<string> nameservers, string? rawOutput)
    {
        Reason = reason;
        Ip = ip;
        Package = package;
        Nameservers = nameservers;
        RawOutput = rawOutput;
    }

    /// <summary>Normally "Account Creation Ok".</summary>
    public string Reason { get; }

    /// <summary>The account's (public) IP address; the dedicated one when one was requested.</summary>
    public string? Ip { get; }

    public string? Package { get; }

    public IReadOnlyList<string> Nameservers { get; }

    /// <summary>cPanel's creation log, with the password masked.</summary>
    public string? RawOutput { get; }

    internal static CreateAccountResult FromEnvelope(WhmEnvelope envelope)
    {
        JsonElement data = envelope.Data;
        var nameservers = new List<string>();
        foreach (string key in new[] { "nameserver", "nameserver2", "nameserver3", "nameserver4" })
        {
            if (JsonValues.GetString(data, key) is { Length: > 0 } nameserver)
            {
                nameservers.Add(nameserver);
            }
        }

        return new CreateAccountResult(
            envelope.Reason, JsonValues.GetString(data, "ip"), JsonValues.GetString(data, "package"), nameservers, envelope.RawOutput);
    }
}

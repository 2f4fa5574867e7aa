using System.Collections.Generic;
using System.Text.Json;

namespace CpanelBilling.Core.Whm;

/// <summary>What modifyacct reports: the account after the change, with cPanel's messages and warnings.</summary>
public sealed class ModifyAccountResult
{
    private ModifyAccountResult(string reason, string? user, string? domain, string? shell, IReadOnlyDictionary<string, string> cpUser, IReadOnlyList<string> messages, IReadOnlyList<string> warnings)
    {
        Reason = reason;
        User = user;
        Domain = domain;
        Shell = shell;
        CpUser = cpUser;
        Messages = messages;
        Warnings = warnings;
    }

    /// <summary>Normally "Account Modified".</summary>
    public string Reason { get; }

    /// <summary>The user name after the change (differs when renamed).</summary>
    public string? User { get; }

    public string? Domain { get; }

    public string? Shell { get; }

    /// <summary>The account's cpuser file as the server sent it (all values strings; BWLIMIT and QUOTA in bytes).</summary>
    public IReadOnlyDictionary<string, string> CpUser { get; }

    public IReadOnlyList<string> Messages { get; }

    public IReadOnlyList<string> Warnings { get; }

    internal static ModifyAccountResult FromEnvelope(WhmEnvelope envelope)
    {
        JsonElement data = envelope.Data;
        IReadOnlyDictionary<string, string> cpUser = JsonValues.TryGet(data, "cpuser", out JsonElement cpuser)
            ? JsonValues.GetStringMap(cpuser)
            : new Dictionary<string, string>();
        return new ModifyAccountResult(
            envelope.Reason,
            JsonValues.GetString(data, "user"),
            JsonValues.GetString(data, "domain"),
            JsonValues.GetString(data, "setshell"),
            cpUser,
            envelope.Messages,
            envelope.Warnings);
    }
}

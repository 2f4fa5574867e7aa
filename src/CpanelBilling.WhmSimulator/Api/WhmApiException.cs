using System;

namespace CpanelBilling.WhmSimulator.Api;

/// <summary>
/// An error a WHM function throws instead of returning. The API 1 wrapper turns it into result 0 with the reason
/// <c>API failure: MESSAGE</c>, as cPanel's Wrapper.pm does.
/// </summary>
internal sealed class WhmApiException : Exception
{
    public WhmApiException(string message)
        : base(message)
    {
    }

    /// <summary>The exception <c>verify_account_access</c> throws for a missing account (with an XID).</summary>
    public static WhmApiException UserNotFound(string user) =>
        new(Xid.Prefix($"You do not have a user named {CpanelText.Quote(user)}."));

    /// <summary>The exception a missing required argument raises (with an XID).</summary>
    public static WhmApiException MissingParameter(string name) =>
        new(Xid.Prefix($"Provide the {CpanelText.Quote(name)} parameter."));

    /// <summary>The exception an empty required argument raises (with an XID).</summary>
    public static WhmApiException EmptyParameter(string name) =>
        new(Xid.Prefix($"The value of {CpanelText.Quote(name)} may not be empty."));
}

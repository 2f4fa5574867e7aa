using System;

namespace CpanelBilling.Core.Billing;

/// <summary>A WHM server as billing knows it.</summary>
public sealed class BillingServer
{
    internal BillingServer(long id, string name, ServerSettings settings, DateTime createdUtc, DateTime changedUtc)
    {
        Id = id;
        Name = name;
        Settings = settings;
        CreatedUtc = createdUtc;
        ChangedUtc = changedUtc;
    }

    public long Id { get; }

    /// <summary>The unique name admins use for the server (not necessarily its host name).</summary>
    public string Name { get; }

    /// <summary>A copy of the stored settings; change it and pass it to UpdateServerAsync to save.</summary>
    public ServerSettings Settings { get; }

    public DateTime CreatedUtc { get; }

    public DateTime ChangedUtc { get; }

    public override string ToString() => Name;
}

using System;

namespace CpanelBilling.Core.Billing;

/// <summary>A domain a customer owns. A domain belongs to one customer.</summary>
public sealed class Domain
{
    internal Domain(long id, long customerId, string name, DateTime createdUtc)
    {
        Id = id;
        CustomerId = customerId;
        Name = name;
        CreatedUtc = createdUtc;
    }

    public long Id { get; }

    public long CustomerId { get; }

    /// <summary>The domain name, lower case.</summary>
    public string Name { get; }

    public DateTime CreatedUtc { get; }

    public override string ToString() => Name;
}

using System;

namespace CpanelBilling.Core.Billing;

/// <summary>A billing user: the person or company that owns accounts and domains.</summary>
public sealed class Customer
{
    internal Customer(long id, string login, string? displayName, string? email, DateTime createdUtc)
    {
        Id = id;
        Login = login;
        DisplayName = displayName;
        Email = email;
        CreatedUtc = createdUtc;
    }

    public long Id { get; }

    /// <summary>The customer's unique name in billing.</summary>
    public string Login { get; }

    public string? DisplayName { get; }

    public string? Email { get; }

    public DateTime CreatedUtc { get; }

    public override string ToString() => Login;
}

/// <summary>What is needed to add a customer.</summary>
public sealed class NewCustomer
{
    public string Login { get; set; } = "";

    public string? DisplayName { get; set; }

    public string? Email { get; set; }
}

using System;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Types;

/// <summary>A billing customer (Get-CpCustomer, New-CpCustomer). Pipes into -Customer by its Login (alias Customer).</summary>
public sealed class CpCustomer
{
    public long Id { get; set; }

    public string Login { get; set; } = "";

    /// <summary>The same as <see cref="Login"/>, so a customer binds -Customer by property name.</summary>
    public string Customer => Login;

    public string? DisplayName { get; set; }

    public string? Email { get; set; }

    public DateTime Created { get; set; }

    public override string ToString() => Login;

    internal static CpCustomer From(Customer customer) => new()
    {
        Id = customer.Id,
        Login = customer.Login,
        DisplayName = customer.DisplayName,
        Email = customer.Email,
        Created = customer.CreatedUtc,
    };
}

using System;

namespace CpanelBilling.Core.Operations.Reconcile;

/// <summary>What Repair may do beyond bringing billing and servers in line for accounts both sides know.</summary>
public sealed class RepairOptions
{
    /// <summary>
    /// Import server accounts billing does not know: a customer, the domain and the account are created in billing,
    /// on the plan mapped to the account's package, with its IP address and its own limits. Off by default.
    /// </summary>
    public bool ImportUnknown { get; set; }

    /// <summary>
    /// The customer imported accounts belong to. Null: each gets a customer of its own, named <c>user@server</c>
    /// (found again on a second run), with the account's contact address.
    /// </summary>
    public string? ImportCustomerLogin { get; set; }

    /// <summary>Mark billing accounts the server does not have (checked again just before) Deleted. Off by default.</summary>
    public bool MarkMissingDeleted { get; set; }

    /// <summary>
    /// Open journal entries younger than this are left alone when their operation or its request may still be
    /// running: package changes (they hold no account lease to wait for), and account changes whose call got no
    /// answer (Unknown) and that the server does not show yet (the server may still finish the request). Ages are
    /// measured by the billing database's clock, whichever host wrote the entry. Default 5 minutes.
    /// </summary>
    public TimeSpan ServerEntryGrace { get; set; } = TimeSpan.FromMinutes(5);
}

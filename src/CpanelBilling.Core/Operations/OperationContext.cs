using System;
using System.Diagnostics;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Journal;
using CpanelBilling.Core.Operations.Leases;
using CpanelBilling.Core.Operations.Servers;
using CpanelBilling.Core.Operations.Throttling;

namespace CpanelBilling.Core.Operations;

/// <summary>
/// What every operation works with: the billing repository, the way to reach servers, the journal, per-server
/// throttles, lease settings, and who is acting. One context per session (a PowerShell session after
/// Connect-CpBilling, or a test); it is safe to use from concurrent workers.
/// </summary>
public sealed class OperationContext
{
    public OperationContext(IBillingRepository billing, IServerConnector servers, string? actor = null, LeaseOptions? leases = null)
    {
        Billing = billing ?? throw new ArgumentNullException(nameof(billing));
        Servers = servers ?? throw new ArgumentNullException(nameof(servers));
        Actor = string.IsNullOrWhiteSpace(actor) ? DefaultActor() : actor!;
        Leases = leases ?? new LeaseOptions();
        Journal = new ServerCallJournal(billing, Actor);
    }

    public IBillingRepository Billing { get; }

    public IServerConnector Servers { get; }

    /// <summary>Who acts: written to the journal and used as lease owner. Default: user@host:pid.</summary>
    public string Actor { get; }

    public LeaseOptions Leases { get; }

    public ServerCallJournal Journal { get; }

    public ServerThrottle Throttle { get; } = new();

    /// <summary>
    /// How long a changing call that got no answer (timeout, reset, 5xx) may still be running on the server: within
    /// it, an opening whose earlier createacct is unsettled and not visible on the server does not send createacct
    /// again. Measured by the billing database's clock, whichever host sent the call. Default 5 minutes, like
    /// Repair's <c>RepairOptions.ServerEntryGrace</c>.
    /// </summary>
    public TimeSpan UnansweredCallGrace { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A lease owner for one operation: the actor plus a unique suffix, so two operations of one process (two
    /// runspaces, two workers) never pass as the same owner and share a lease.
    /// </summary>
    public string NewLeaseOwner() => Actor + "/" + Guid.NewGuid().ToString("N").Substring(0, 12);

    private static string DefaultActor()
    {
        using Process self = Process.GetCurrentProcess();
        return Environment.UserName + "@" + Environment.MachineName + ":" + self.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

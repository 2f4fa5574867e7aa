using System.Collections.Generic;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Core.Operations.Packages;

/// <summary>What adding, changing or removing a package did on the server and in billing.</summary>
public sealed class PackageChangeResult
{
    internal PackageChangeResult(
        BillingServer server, string packageName, ServerPackage? package, bool changed, bool adopted, long? journalEntryId, IReadOnlyList<string> warnings)
    {
        Server = server;
        PackageName = packageName;
        Package = package;
        Changed = changed;
        Adopted = adopted;
        JournalEntryId = journalEntryId;
        Warnings = warnings;
    }

    public BillingServer Server { get; }

    /// <summary>The name the server stores (a reseller's packages carry the <c>reseller_</c> prefix).</summary>
    public string PackageName { get; }

    /// <summary>Billing's copy of the package after the change, as the server lists it; marked removed after a removal.</summary>
    public ServerPackage? Package { get; }

    /// <summary>False when the server already was as asked, so no change was sent.</summary>
    public bool Changed { get; }

    /// <summary>The call's answer was lost (or refused), but the server shows the change made.</summary>
    public bool Adopted { get; }

    /// <summary>The journal entry of the change; null when none was sent.</summary>
    public long? JournalEntryId { get; }

    /// <summary>Things worth knowing: settings the server stored otherwise than asked, plans on a removed package …</summary>
    public IReadOnlyList<string> Warnings { get; }
}

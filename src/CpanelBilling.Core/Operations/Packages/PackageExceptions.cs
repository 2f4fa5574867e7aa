using System;
using System.Collections.Generic;
using System.Linq;

namespace CpanelBilling.Core.Operations.Packages;

/// <summary>The server has no package of that name (so nothing was changed: editpkg would have created it).</summary>
public sealed class PackageNotFoundException : CpanelBillingException
{
    public PackageNotFoundException(string serverName, string packageName, IEnumerable<string> known)
        : base(
            OperationErrorIds.PackageNotFound,
            FailureKind.NotFound,
            $"Server '{serverName}' has no package '{packageName}'. It has: {Listing(known)}. Add a package with New-CpPackage.",
            packageName)
    {
    }

    private static string Listing(IEnumerable<string> names)
    {
        string[] all = names.ToArray();
        return all.Length == 0 ? "none" : string.Join(", ", all.Take(20)) + (all.Length > 20 ? ", …" : string.Empty);
    }
}

/// <summary>The server already has a package of that name with other settings; nothing was changed.</summary>
public sealed class PackageAlreadyExistsException : CpanelBillingException
{
    public PackageAlreadyExistsException(string serverName, string packageName, IReadOnlyList<PackageDifference> differences, Exception? inner = null)
        : base(
            OperationErrorIds.PackageAlreadyExists,
            FailureKind.AlreadyExists,
            $"Server '{serverName}' already has a package '{packageName}' with other settings ({string.Join("; ", differences)}). "
            + "Change it with Set-CpPackage, or choose another name.",
            packageName,
            inner)
    {
        Differences = differences;
    }

    public IReadOnlyList<PackageDifference> Differences { get; }
}

/// <summary>Accounts still use the package, so it was not removed.</summary>
public sealed class PackageInUseException : CpanelBillingException
{
    public PackageInUseException(string message, string packageName, Exception? inner = null)
        : base(OperationErrorIds.PackageInUse, FailureKind.Conflict, message, packageName, inner)
    {
    }
}

/// <summary>
/// The server made the change, but bringing billing in line afterwards failed. The journal entry stays Pending;
/// syncing the server (or repair) finishes it from the server's state.
/// </summary>
public sealed class BillingBehindServerException : CpanelBillingException
{
    public BillingBehindServerException(string function, string serverName, string target, long journalEntryId, CpanelBillingException failure)
        : base(
            OperationErrorIds.BillingBehindServer,
            failure.Kind,
            $"{function} for '{target}' succeeded on server '{serverName}', but billing could not be updated afterwards: {failure.Message} "
            + $"Journal entry {journalEntryId} stays pending; run Repair-CpAccount -Server '{serverName}' to read the server's packages into billing and settle it "
            + "(Sync-CpServer reads the packages too, but leaves the entry pending).",
            target,
            failure)
    {
        JournalEntryId = journalEntryId;
    }

    public long JournalEntryId { get; }
}

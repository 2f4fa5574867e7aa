using System.Collections.Generic;

namespace CpanelBilling.Core.Billing;

/// <summary>What a sync of a server's packages or IP addresses changed in billing, by name or address.</summary>
public sealed class SyncResult
{
    internal SyncResult(IReadOnlyList<string> added, IReadOnlyList<string> updated, IReadOnlyList<string> removed)
    {
        Added = added;
        Updated = updated;
        Removed = removed;
    }

    /// <summary>New to billing, or back on the server after having been marked removed.</summary>
    public IReadOnlyList<string> Added { get; }

    /// <summary>Already known and still on the server (their settings are refreshed).</summary>
    public IReadOnlyList<string> Updated { get; }

    /// <summary>Known to billing but no longer on the server: now marked removed.</summary>
    public IReadOnlyList<string> Removed { get; }
}

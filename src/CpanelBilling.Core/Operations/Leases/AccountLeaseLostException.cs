using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CpanelBilling.Core.Operations.Leases;

/// <summary>
/// The account's lease could not be renewed: it expired (the process was held up longer than the lease lasts, or
/// renewing failed that long) and another actor holds it now. The operation stops before writing to billing, so it
/// does not overwrite what that actor decides; server changes it already made stay open in the journal for
/// Repair-CpAccount, which settles them from the server's state.
/// </summary>
public sealed class AccountLeaseLostException : CpanelBillingException
{
    public AccountLeaseLostException(long accountId, string? target, string holder, IReadOnlyCollection<long> openJournalEntries)
        : base(
            OperationErrorIds.LeaseLost,
            FailureKind.Conflict,
            $"The lease on account {accountId.ToString(CultureInfo.InvariantCulture)} ('{target}') was lost while this operation ran: '{holder}' holds it now. "
            + "Billing was not changed, so as not to overwrite what that actor does. "
            + (openJournalEntries.Count == 0
                ? "Every server change this operation made is already recorded in billing."
                : $"The server changes this operation made stay open in the journal (entries {string.Join(", ", openJournalEntries.Select(id => id.ToString(CultureInfo.InvariantCulture)))}); "
                  + "run Repair-CpAccount once the account is free to bring billing in line with the server."),
            target)
    {
        AccountId = accountId;
        Holder = holder;
        OpenJournalEntries = openJournalEntries.ToArray();
    }

    public long AccountId { get; }

    /// <summary>Who holds the lease now.</summary>
    public string Holder { get; }

    /// <summary>The journal entries of this operation left open (Pending) for Repair.</summary>
    public IReadOnlyList<long> OpenJournalEntries { get; }
}

using System;

namespace CpanelBilling.Core.Operations.Journal;

/// <summary>
/// A changing call may or may not have taken effect, and reading the server to find out failed too. The journal
/// entry is left Unknown; Repair-CpAccount (or running the operation again) resolves it from the server's state.
/// </summary>
public sealed class ServerOutcomeUnknownException : CpanelBillingException
{
    public ServerOutcomeUnknownException(string function, string? target, long journalEntryId, Exception callFailure, Exception checkFailure)
        : base(
            OperationErrorIds.OutcomeUnknown,
            FailureKind.Ambiguous,
            $"{function} for '{target}' may or may not have taken effect: {callFailure.Message} Reading the server to find out failed as well: {checkFailure.Message} "
            + $"Journal entry {journalEntryId} is marked Unknown; run Repair-CpAccount when the server is reachable.",
            target,
            callFailure)
    {
        JournalEntryId = journalEntryId;
        CheckFailure = checkFailure;
    }

    public long JournalEntryId { get; }

    public Exception CheckFailure { get; }
}

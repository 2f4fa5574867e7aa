using System;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Journal;

/// <summary>
/// A changing call got no usable answer (timeout, reset, 5xx, garbage), so it may or may not take effect, and
/// reading the server could not settle it: either the server does not show the change (yet: a request the client
/// gave up on can still be running there and finish later), or the read failed too. The journal entry is left
/// Unknown and billing is not changed for it; Repair-CpAccount settles it from the server's state once the server
/// has had time to finish, and running the operation again continues from what billing and the server show.
/// </summary>
public sealed class ServerOutcomeUnknownException : CpanelBillingException
{
    /// <summary>The server was read and does not show the change yet.</summary>
    public ServerOutcomeUnknownException(string function, string? target, long journalEntryId, WhmApiException callFailure)
        : base(
            OperationErrorIds.OutcomeUnknown,
            FailureKind.Ambiguous,
            $"{function} for '{target}' got no usable answer: {callFailure.Message} The server does not show the change yet, but it may still be "
            + "in progress there (a server can finish a request its client gave up on), so whether it takes effect is not known. "
            + NextSteps(journalEntryId),
            target,
            callFailure)
    {
        JournalEntryId = journalEntryId;
    }

    /// <summary>Reading the server failed as well.</summary>
    public ServerOutcomeUnknownException(string function, string? target, long journalEntryId, Exception callFailure, Exception checkFailure)
        : base(
            OperationErrorIds.OutcomeUnknown,
            FailureKind.Ambiguous,
            $"{function} for '{target}' may or may not have taken effect: {callFailure.Message} Reading the server to find out failed as well: {checkFailure.Message} "
            + NextSteps(journalEntryId),
            target,
            callFailure)
    {
        JournalEntryId = journalEntryId;
        CheckFailure = checkFailure;
    }

    public long JournalEntryId { get; }

    /// <summary>Why the server could not be read; null when it was read and does not show the change (yet).</summary>
    public Exception? CheckFailure { get; }

    private static string NextSteps(long journalEntryId) =>
        $"Journal entry {journalEntryId} is marked Unknown and billing was not changed for it. Run Repair-CpAccount when the server is reachable: "
        + "it settles the entry from the server's state (recent entries the server does not show are left a few minutes, while the server may still be working). "
        + "Running the operation again later is safe as well: it starts from what billing and the server show.";
}

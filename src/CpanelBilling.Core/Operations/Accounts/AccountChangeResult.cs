using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>
/// What an account operation did: the account as billing holds it afterwards, whether anything changed, every
/// server-changing call made (with its journal entry and whether a lost answer was settled by reading the server),
/// warnings, and the limit differences found when the server was checked afterwards.
/// </summary>
public sealed class AccountChangeResult
{
    internal AccountChangeResult(Account account, bool changed, IReadOnlyList<ServerCallRecord> calls, IReadOnlyList<string> warnings, IReadOnlyList<LimitDifference> differences, SecureString? password)
    {
        Account = account;
        Changed = changed;
        Calls = calls;
        Warnings = warnings;
        LimitDifferences = differences;
        Password = password;
    }

    /// <summary>Nothing to do: the account already is as asked.</summary>
    internal static AccountChangeResult Unchanged(Account account, string why) =>
        new(account, changed: false, Array.Empty<ServerCallRecord>(), new[] { why }, Array.Empty<LimitDifference>(), password: null);

    /// <summary>The billing account after the operation.</summary>
    public Account Account { get; }

    /// <summary>False when the account already was as asked ("no change"): nothing was sent and nothing written.</summary>
    public bool Changed { get; }

    public IReadOnlyList<ServerCallRecord> Calls { get; }

    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Limits the server shows differently from what billing expects, after a package change.</summary>
    public IReadOnlyList<LimitDifference> LimitDifferences { get; }

    /// <summary>The generated password, only when the caller asked for it; never logged or journaled.</summary>
    public SecureString? Password { get; }

    public override string ToString() => Account + (Changed ? " (changed)" : " (no change)");
}

/// <summary>One server-changing call an operation made.</summary>
public sealed class ServerCallRecord
{
    internal ServerCallRecord(string function, long journalEntryId, bool adopted, string? note)
    {
        Function = function;
        JournalEntryId = journalEntryId;
        Adopted = adopted;
        Note = note;
    }

    /// <summary>The WHM function, e.g. createacct.</summary>
    public string Function { get; }

    public long JournalEntryId { get; }

    /// <summary>The call's answer was lost (or it was refused), but the server shows the change made.</summary>
    public bool Adopted { get; }

    /// <summary>What the server said beyond success, e.g. that the account already was suspended.</summary>
    public string? Note { get; }

    public override string ToString() =>
        Function + " (journal " + JournalEntryId.ToString(CultureInfo.InvariantCulture) + (Adopted ? ", adopted" : "") + ")" + (Note == null ? "" : ": " + Note);
}

/// <summary>A limit the server shows differently from what billing expects.</summary>
public sealed class LimitDifference
{
    internal LimitDifference(AccountLimitKind limit, string expected, string onServer)
    {
        Limit = limit;
        Expected = expected;
        OnServer = onServer;
    }

    public AccountLimitKind Limit { get; }

    /// <summary>"unlimited" or the number (MB for sizes).</summary>
    public string Expected { get; }

    public string OnServer { get; }

    public override string ToString() => $"{Limit}: expected {Expected}, server has {OnServer}";
}

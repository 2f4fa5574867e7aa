using System;

namespace CpanelBilling.Core.Billing;

/// <summary>Something billing was asked about does not exist (a server, plan, customer, account …).</summary>
public sealed class BillingNotFoundException : CpanelBillingException
{
    internal BillingNotFoundException(string errorId, string message, string target)
        : base(errorId, FailureKind.NotFound, message, target)
    {
    }
}

/// <summary>
/// Billing already has what was to be added: a user name already used on the server, a server or plan name, a
/// domain of another customer. Nothing was written.
/// </summary>
public sealed class BillingAlreadyExistsException : CpanelBillingException
{
    internal BillingAlreadyExistsException(string errorId, string message, string target, Exception? inner = null)
        : base(errorId, FailureKind.AlreadyExists, message, target, inner)
    {
    }
}

/// <summary>The server has no free dedicated IP in billing's pool. Nothing was written.</summary>
public sealed class NoFreeIpException : CpanelBillingException
{
    internal NoFreeIpException(string serverName)
        : base(
            BillingErrorIds.NoFreeDedicatedIp,
            FailureKind.NoFreeIp,
            $"Server '{serverName}' has no free dedicated IP address in billing. Add addresses on the server, sync its IPs into billing, and try again.",
            serverName)
    {
    }
}

/// <summary>
/// Someone changed the row after the caller read it (optimistic concurrency), or the entry is no longer in a
/// state that allows the change. Read it again and decide anew; nothing was overwritten.
/// </summary>
public sealed class BillingConflictException : CpanelBillingException
{
    internal BillingConflictException(string errorId, string message, string target)
        : base(errorId, FailureKind.Conflict, message, target)
    {
    }
}

/// <summary>Another actor holds the account's lease. Try again after <see cref="HeldUntilUtc"/>.</summary>
public sealed class AccountBusyException : CpanelBillingException
{
    internal AccountBusyException(long accountId, string holder, DateTime heldUntilUtc)
        : base(
            BillingErrorIds.AccountLeaseHeld,
            FailureKind.Busy,
            $"Account {accountId} is being worked on by '{holder}' until {heldUntilUtc:u}. Try again later.",
            accountId.ToString(System.Globalization.CultureInfo.InvariantCulture))
    {
        AccountId = accountId;
        Holder = holder;
        HeldUntilUtc = heldUntilUtc;
    }

    public long AccountId { get; }

    public string Holder { get; }

    public DateTime HeldUntilUtc { get; }
}

/// <summary>A value given to billing is not acceptable (empty name, too long, out of range).</summary>
public sealed class BillingInvalidValueException : CpanelBillingException
{
    internal BillingInvalidValueException(string message, string target)
        : base(BillingErrorIds.InvalidValue, FailureKind.InvalidArgument, message, target)
    {
    }
}

/// <summary>
/// The billing database failed (unreachable, locked too long, a schema it cannot use). The change was rolled back.
/// </summary>
public sealed class BillingDatabaseException : CpanelBillingException
{
    internal BillingDatabaseException(string message, Exception? inner = null, string errorId = BillingErrorIds.DatabaseFailed)
        : base(errorId, FailureKind.Database, message, target: null, inner)
    {
    }
}

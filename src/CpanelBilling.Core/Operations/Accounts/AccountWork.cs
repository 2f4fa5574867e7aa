using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Journal;
using CpanelBilling.Core.Operations.Leases;
using CpanelBilling.Core.Operations.Throttling;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>
/// One operation's work on one account: holds the account's lease (renewed while the work runs, and proven held
/// before each billing write), reaches its server through the server's throttle, sends changing calls through the
/// journal and remembers them, keeps billing's copy of the account current, and finally completes the journal
/// entries once billing is in line with the server.
/// </summary>
internal sealed class AccountWork : IAsyncDisposable
{
    private readonly OperationContext context;
    private readonly AccountLeaseScope lease;
    private readonly List<ServerCallRecord> calls = new();
    private readonly List<string> warnings = new();
    private readonly List<long> pendingEntries = new();

    private AccountWork(OperationContext context, BillingServer server, IWhmClient client, AccountLeaseScope lease, Account account)
    {
        this.context = context;
        Server = server;
        Client = client;
        this.lease = lease;
        Account = account;
    }

    public BillingServer Server { get; }

    public IWhmClient Client { get; }

    /// <summary>Billing's copy of the account, as last read or written by this work.</summary>
    public Account Account { get; private set; }

    public IBillingRepository Billing => context.Billing;

    public string UserName => Account.UserName;

    /// <summary>
    /// Connects to the account's server, then takes the account's lease and reads the account again: what another
    /// actor did while this one waited for the lease is seen before anything is decided.
    /// </summary>
    public static async Task<AccountWork> BeginAsync(OperationContext context, Account account, CancellationToken cancellationToken)
    {
        BillingServer server = await context.Billing.GetServerAsync(account.ServerId, cancellationToken).ConfigureAwait(false);
        IWhmClient client = context.Servers.Connect(server);
        AccountLeaseScope lease = await AccountLeaseScope.AcquireAsync(context.Billing, account.Id, context.NewLeaseOwner(), context.Leases, cancellationToken).ConfigureAwait(false);
        try
        {
            Account current = await context.Billing.GetAccountAsync(account.Id, cancellationToken).ConfigureAwait(false);
            return new AccountWork(context, server, client, lease, current);
        }
        catch
        {
            await lease.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The WHM functions this work has called so far.</summary>
    public IEnumerable<string> FunctionsCalled => calls.Select(call => call.Function);

    public void Warn(string warning) => warnings.Add(warning);

    /// <summary>A read of the server, counted against the server's request limit.</summary>
    public async Task<T> ReadAsync<T>(Func<IWhmClient, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        using (await context.Throttle.EnterAsync(Server, ThrottleLane.Requests, cancellationToken).ConfigureAwait(false))
        {
            return await read(Client, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<WhmAccount?> ReadSummaryAsync(CancellationToken cancellationToken) =>
        ReadAsync((client, ct) => client.GetAccountSummaryAsync(UserName, ct), cancellationToken);

    /// <summary>
    /// A changing call through the journal, in the given lane of the server's throttle. The entry stays Pending
    /// until <see cref="CompleteAsync"/>, after billing has been brought in line.
    /// </summary>
    public async Task<ServerChangeOutcome<T>> ChangeAsync<T>(ServerChange<T> change, ThrottleLane lane, CancellationToken cancellationToken, string? note = null)
    {
        ServerChangeOutcome<T> outcome;
        using (await context.Throttle.EnterAsync(Server, lane, cancellationToken).ConfigureAwait(false))
        {
            outcome = await context.Journal.RunAsync(Client, Server, Account, UserName, change, cancellationToken).ConfigureAwait(false);
        }

        pendingEntries.Add(outcome.JournalEntryId);
        calls.Add(new ServerCallRecord(change.Function, outcome.JournalEntryId, outcome.Adopted, note));
        return outcome;
    }

    /// <summary>Adds what the server said beyond success to the last call made.</summary>
    public void NoteOnLastCall(string note)
    {
        ServerCallRecord last = calls[calls.Count - 1];
        calls[calls.Count - 1] = new ServerCallRecord(last.Function, last.JournalEntryId, last.Adopted, note);
        Warn(note);
    }

    public async Task RefreshAsync(CancellationToken cancellationToken) =>
        Account = await context.Billing.GetAccountAsync(Account.Id, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Writes a change to billing, once the lease is proven still held. A concurrent change (Conflict) is read and
    /// decided: already as wanted → done; still in the state this operation started from → applied again on the
    /// fresh copy; moved elsewhere → a clear error. When the server has already changed, a failure here leaves the journal entries Pending (repair
    /// or a second run finishes them) and says so; the write itself is not cancelled once the server has changed.
    /// </summary>
    public async Task UpdateBillingAsync(string what, Func<Account, CancellationToken, Task<Account>> apply, Func<Account, bool> isDone, CancellationToken cancellationToken)
    {
        CancellationToken token = pendingEntries.Count > 0 ? CancellationToken.None : cancellationToken;
        try
        {
            await RequireLeaseAsync(token).ConfigureAwait(false);
            try
            {
                Account = await apply(Account, token).ConfigureAwait(false);
            }
            catch (BillingConflictException)
            {
                Account fresh = await context.Billing.GetAccountAsync(Account.Id, token).ConfigureAwait(false);
                if (!isDone(fresh))
                {
                    if (fresh.Status != Account.Status)
                    {
                        throw new AccountOperationException(
                            AccountErrorIds.ChangedMeanwhile,
                            FailureKind.Conflict,
                            $"Account '{Account.UserName}' on '{Server.Name}' went from {Account.Status} to {fresh.Status} in billing while this operation ran; it was not changed further.",
                            Account.UserName);
                    }

                    Account = await apply(fresh, token).ConfigureAwait(false);
                }
                else
                {
                    Account = fresh;
                }
            }
        }
        catch (Exception failure) when (pendingEntries.Count > 0 && failure is not (OperationCanceledException or AccountLeaseLostException))
        {
            throw new AccountOperationException(
                AccountErrorIds.BillingNotUpdated,
                (failure as CpanelBillingException)?.Kind ?? FailureKind.Database,
                $"The server made the change for '{Account.UserName}' on '{Server.Name}', but billing could not {what}: {failure.Message} "
                + $"Journal entries {string.Join(", ", pendingEntries.Select(id => id.ToString(CultureInfo.InvariantCulture)))} stay Pending; "
                + "run the operation again, or Repair-CpAccount, to bring billing in line.",
                Account.UserName,
                failure);
        }
    }

    /// <summary>
    /// Proves the account's lease is still this work's (renewing it) before billing is written; another actor
    /// that took the account over gets <see cref="AccountLeaseLostException"/> instead of a write behind its back.
    /// </summary>
    public Task RequireLeaseAsync(CancellationToken cancellationToken) => lease.RequireHeldAsync(UserName, pendingEntries.ToArray(), cancellationToken);

    /// <summary>Marks every call of this work done; billing is in line with the server now.</summary>
    public async Task CompleteAsync()
    {
        foreach (long entry in pendingEntries)
        {
            await context.Journal.CompleteAsync(entry).ConfigureAwait(false);
        }

        pendingEntries.Clear();
    }

    public AccountChangeResult Result(bool changed, IReadOnlyList<LimitDifference>? differences = null, SecureString? password = null) =>
        new(Account, changed, calls.ToArray(), warnings.ToArray(), differences ?? Array.Empty<LimitDifference>(), password);

    public ValueTask DisposeAsync() => lease.DisposeAsync();
}

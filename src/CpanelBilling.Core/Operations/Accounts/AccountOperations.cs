using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>
/// The account operations: open, delete, suspend, resume, change plan, set limits. Each works on the WHM server
/// and in billing together: input is checked first (a bad value sends and stores nothing), the account's lease is
/// held, every server change is journaled and made once through the server's throttle, billing is updated after
/// the server, and a second run after a partial failure continues instead of repeating. Safe for concurrent use.
/// </summary>
public sealed class AccountOperations
{
    private readonly OpenAccountOperation open;
    private readonly DeleteAccountOperation delete;
    private readonly SuspensionOperation suspension;
    private readonly ChangePlanOperation changePlan;
    private readonly SetLimitsOperation setLimits;
    private readonly IBillingRepository billing;
    private readonly AccountTargets targets;

    public AccountOperations(OperationContext context)
    {
        if (context == null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        open = new OpenAccountOperation(context);
        delete = new DeleteAccountOperation(context);
        suspension = new SuspensionOperation(context);
        changePlan = new ChangePlanOperation(context);
        setLimits = new SetLimitsOperation(context);
        billing = context.Billing;
        targets = new AccountTargets(billing);
    }

    /// <summary>
    /// Streams the accounts billing holds that match <paramref name="filter"/>, in id order, reading rows as the
    /// caller consumes them. A server, customer or plan name billing does not know is a NotFound error.
    /// </summary>
    public async IAsyncEnumerable<Account> ListAsync(AccountFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (filter == null)
        {
            throw new ArgumentNullException(nameof(filter));
        }

        var query = new Billing.AccountQuery
        {
            Status = filter.Status,
            IncludeDeleted = filter.IncludeDeleted,
            UserNames = filter.UserNames,
            DomainNames = filter.DomainNames,
        };
        if (filter.ServerName != null)
        {
            query.ServerId = (await targets.ServerAsync(filter.ServerName, cancellationToken).ConfigureAwait(false)).Id;
        }

        if (filter.CustomerLogin != null)
        {
            query.CustomerId = (await targets.CustomerAsync(filter.CustomerLogin, cancellationToken).ConfigureAwait(false)).Id;
        }

        if (filter.PlanName != null)
        {
            query.PlanId = (await targets.PlanAsync(filter.PlanName, cancellationToken).ConfigureAwait(false)).Id;
        }

        await foreach (Account account in billing.ListAccountsAsync(query, cancellationToken).ConfigureAwait(false))
        {
            yield return account;
        }
    }

    /// <summary>
    /// As <see cref="ListAsync"/>, then one NotFound item for each exact (wildcard-free) user name of the filter that
    /// no listed account has: what Get-CpAccount reports, as Get-Item does for a path that does not exist.
    /// </summary>
    public async IAsyncEnumerable<AccountListing> FindAsync(AccountFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (filter == null)
        {
            throw new ArgumentNullException(nameof(filter));
        }

        var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await foreach (Account account in ListAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            found.Add(account.UserName);
            yield return new AccountListing(account);
        }

        bool otherFilters = filter.ServerName != null || filter.CustomerLogin != null || filter.PlanName != null
            || filter.Status != null || filter.DomainNames is { Count: > 0 };
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in filter.UserNames ?? Array.Empty<string>())
        {
            NamePattern pattern = NamePattern.Parse(name, "user name");
            if (pattern.IsExact && !found.Contains(pattern.Exact!) && reported.Add(pattern.Exact!))
            {
                yield return new AccountListing(new AccountOperationException(
                    AccountErrorIds.AccountNotFound,
                    FailureKind.NotFound,
                    otherFilters
                        ? $"Billing has no account '{name}' that matches the other filters."
                        : $"Billing has no account '{name}'. Check the name; wildcards find similar ones (Get-CpAccount -UserName 'part*').",
                    name));
            }
        }
    }

    /// <summary>The account named; by user name the live one, or the most recently deleted when none is live.</summary>
    public Task<Account> GetAsync(AccountReference account, CancellationToken cancellationToken = default) =>
        targets.AccountAsync(account ?? throw new ArgumentNullException(nameof(account)), orDeleted: true, cancellationToken);

    /// <summary>
    /// Checks an opening's input without reading billing or the server, as <see cref="OpenAsync(OpenAccountRequest, CancellationToken)"/>
    /// does first: so -WhatIf and -Confirm report a bad domain or user name instead of promising an opening that
    /// would fail. Throws <see cref="AccountOperationException"/> naming the problem.
    /// </summary>
    public static void CheckOpening(OpenAccountRequest request) =>
        OpenAccountOperation.CheckInput(request ?? throw new ArgumentNullException(nameof(request)));

    /// <summary>
    /// Opens an account (createacct, then the account's own limits), or continues the opening of the customer's
    /// account for that domain when billing holds it as New. Already open: no change.
    /// </summary>
    public Task<AccountChangeResult> OpenAsync(OpenAccountRequest request, CancellationToken cancellationToken = default) =>
        open.OpenAsync(request ?? throw new ArgumentNullException(nameof(request)), cancellationToken);

    /// <summary>Opens on its server an account billing holds as New (e.g. ordered through the billing front end).</summary>
    public Task<AccountChangeResult> OpenAsync(AccountReference account, ContinueOpeningOptions? options = null, CancellationToken cancellationToken = default) =>
        open.ContinueAsync(account ?? throw new ArgumentNullException(nameof(account)), options ?? new ContinueOpeningOptions(), cancellationToken);

    /// <summary>removeacct, then Deleted in billing with every IP freed. Gone from the server already: only billing changes.</summary>
    public Task<AccountChangeResult> DeleteAsync(AccountReference account, bool keepDns = false, CancellationToken cancellationToken = default) =>
        delete.DeleteAsync(account ?? throw new ArgumentNullException(nameof(account)), keepDns, cancellationToken);

    /// <summary>suspendacct with the reason, then Suspended in billing. Already suspended in billing: no change unless forced.</summary>
    public Task<AccountChangeResult> SuspendAsync(AccountReference account, string? reason, bool force = false, CancellationToken cancellationToken = default) =>
        suspension.SuspendAsync(account ?? throw new ArgumentNullException(nameof(account)), reason, force, cancellationToken);

    /// <summary>unsuspendacct, then Active in billing. Already active in billing: no change unless forced.</summary>
    public Task<AccountChangeResult> ResumeAsync(AccountReference account, bool force = false, CancellationToken cancellationToken = default) =>
        suspension.ResumeAsync(account ?? throw new ArgumentNullException(nameof(account)), force, cancellationToken);

    /// <summary>
    /// Checks, without reading anything, that a plan change names where to (a plan or a package), as
    /// <see cref="ChangePlanAsync"/> does first: a bulk change can refuse once instead of once per account.
    /// </summary>
    public static void CheckPlanChange(string? planName, string? packageName) => ChangePlanOperation.CheckTarget(planName, packageName, "Plan");

    /// <summary>
    /// changepackage to the plan's package on the account's server, the plan in billing, the account's own limits
    /// again, then a read-back that reports differences. The plan is named, or given as its package on the
    /// account's server (both: they must agree). Already on the plan: no change unless forced.
    /// </summary>
    public Task<AccountChangeResult> ChangePlanAsync(AccountReference account, string? planName, string? packageName = null, bool force = false, CancellationToken cancellationToken = default) =>
        changePlan.ChangePlanAsync(account ?? throw new ArgumentNullException(nameof(account)), planName, packageName, force, cancellationToken);

    /// <summary>Sets or resets the account's limit overrides on the server and in billing.</summary>
    public Task<AccountChangeResult> SetLimitsAsync(AccountReference account, AccountLimitsChange change, CancellationToken cancellationToken = default) =>
        setLimits.SetLimitsAsync(
            account ?? throw new ArgumentNullException(nameof(account)),
            change ?? throw new ArgumentNullException(nameof(change)),
            cancellationToken);
}

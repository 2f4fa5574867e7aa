using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Servers;

namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>Finds what account operations are about in billing, with typed NotFound errors that say what to do.</summary>
internal sealed class AccountTargets
{
    private readonly IBillingRepository billing;

    public AccountTargets(IBillingRepository billing) => this.billing = billing;

    /// <summary>The server of that name, as <see cref="ServerLookup"/> finds it for every operation.</summary>
    public Task<BillingServer> ServerAsync(string name, CancellationToken cancellationToken) =>
        ServerLookup.RequireAsync(billing, name, cancellationToken);

    public async Task<Customer> CustomerAsync(string login, CancellationToken cancellationToken) =>
        await billing.FindCustomerAsync(login, cancellationToken).ConfigureAwait(false)
        ?? throw new AccountOperationException(AccountErrorIds.CustomerNotFound, FailureKind.NotFound, $"Billing has no customer '{login}'. Add it with New-CpCustomer, or check the login with Get-CpCustomer.", login);

    public async Task<BillingPlan> PlanAsync(string name, CancellationToken cancellationToken) =>
        await billing.FindPlanAsync(name, cancellationToken).ConfigureAwait(false)
        ?? throw new AccountOperationException(AccountErrorIds.PlanNotFound, FailureKind.NotFound, $"Billing has no plan '{name}'. Add it with New-CpPlan, or check the name with Get-CpPlan.", name);

    /// <summary>
    /// The plan an admin means: by its name, or by the cPanel package it is on the server (the plan mapped to that
    /// package). Given both, they must agree, as they do for an account piped back in.
    /// </summary>
    public async Task<BillingPlan> PlanAsync(string? planName, string? packageName, BillingServer server, CancellationToken cancellationToken)
    {
        string? package = string.IsNullOrWhiteSpace(packageName) ? null : packageName!.Trim();
        if (string.IsNullOrWhiteSpace(planName))
        {
            if (package == null)
            {
                throw AccountOperationException.Invalid(AccountErrorIds.InvalidRequest, "Give the billing plan (-Plan) or the server's package (-Package).", null);
            }

            return await billing.FindPlanForPackageAsync(server.Id, package, cancellationToken).ConfigureAwait(false)
                ?? throw new AccountOperationException(
                    AccountErrorIds.PlanNotFound,
                    FailureKind.NotFound,
                    $"No billing plan is mapped to package '{package}' on server '{server.Name}'. Map one with New-CpPlan -Server '{server.Name}' -Package '{package}'.",
                    package);
        }

        BillingPlan plan = await PlanAsync(planName!.Trim(), cancellationToken).ConfigureAwait(false);
        if (package != null && plan.Packages.FirstOrDefault(p => p.ServerId == server.Id)?.PackageName != package)
        {
            throw AccountOperationException.Invalid(
                AccountErrorIds.InvalidRequest,
                $"Plan '{plan.Name}' is not package '{package}' on server '{server.Name}'; give one of them, or two that agree.",
                package);
        }

        return plan;
    }

    /// <summary>The package that carries the plan on the server, with its settings as the last sync stored them.</summary>
    public async Task<(string Name, PackageSettings? Settings)> PackageAsync(BillingPlan plan, BillingServer server, CancellationToken cancellationToken)
    {
        PlanPackage mapping = plan.Packages.FirstOrDefault(p => p.ServerId == server.Id)
            ?? throw new AccountOperationException(
                AccountErrorIds.PlanNotOnServer,
                FailureKind.NotFound,
                $"Plan '{plan.Name}' has no package on server '{server.Name}'. Map it to one with New-CpPlan -Server '{server.Name}' -Package <name>.",
                plan.Name);
        ServerPackage? package = await billing.FindServerPackageAsync(server.Id, mapping.PackageName, cancellationToken).ConfigureAwait(false);
        return (mapping.PackageName, package?.Settings);
    }

    /// <summary>
    /// The account named. By user name, the live account; with <paramref name="orDeleted"/>, the most recently
    /// deleted one of that name when none is live (so removing twice finds the removed account).
    /// </summary>
    public async Task<Account> AccountAsync(AccountReference reference, bool orDeleted, CancellationToken cancellationToken)
    {
        if (reference.AccountId is { } id)
        {
            return await billing.GetAccountAsync(id, cancellationToken).ConfigureAwait(false);
        }

        BillingServer server = await ServerAsync(reference.ServerName!, cancellationToken).ConfigureAwait(false);
        Account? live = await billing.FindAccountAsync(server.Id, reference.UserName!, cancellationToken).ConfigureAwait(false);
        if (live != null)
        {
            return live;
        }

        if (orDeleted)
        {
            Account? deleted = null;
            await foreach (Account account in billing.ListAccountsAsync(new AccountQuery { ServerId = server.Id, Status = AccountStatus.Deleted }, cancellationToken).ConfigureAwait(false))
            {
                if (account.UserName == reference.UserName)
                {
                    deleted = account;
                }
            }

            if (deleted != null)
            {
                return deleted;
            }
        }

        throw new AccountOperationException(
            AccountErrorIds.AccountNotFound,
            FailureKind.NotFound,
            $"Billing has no account '{reference.UserName}' on server '{server.Name}'. Check the name with Get-CpAccount -Server '{server.Name}'.",
            reference.UserName);
    }

    /// <summary>The customer's live accounts on the server whose main domain is <paramref name="domain"/> (at most one).</summary>
    public async Task<Account?> LiveAccountForDomainAsync(BillingServer server, Domain domain, CancellationToken cancellationToken)
    {
        await foreach (Account account in billing.ListAccountsAsync(new AccountQuery { ServerId = server.Id, CustomerId = domain.CustomerId }, cancellationToken).ConfigureAwait(false))
        {
            if (account.DomainId == domain.Id)
            {
                return account;
            }
        }

        return null;
    }
}

using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing.Sql;

namespace CpanelBilling.Core.Billing;

internal sealed partial class BillingRepository
{
    public Task<Customer> AddCustomerAsync(NewCustomer customer, CancellationToken cancellationToken = default)
    {
        if (customer == null)
        {
            throw new ArgumentNullException(nameof(customer));
        }

        string login = ColumnLimits.Required(customer.Login, "customer login", ColumnLimits.CustomerLogin);
        string? displayName = ColumnLimits.Optional(customer.DisplayName, "display name", ColumnLimits.DisplayName);
        string? email = ColumnLimits.Optional(customer.Email, "email address", ColumnLimits.Email);
        return WriteAsync(async session =>
        {
            long id;
            try
            {
                id = (await session.Sql(Statements.InsertCustomer)
                    .With("@login", login).With("@display_name", displayName).With("@email", email).With("@now", Now())
                    .ScalarInt64Async(cancellationToken).ConfigureAwait(false))!.Value;
            }
            catch (DbException exception) when (IsUniqueViolation(exception))
            {
                throw new BillingAlreadyExistsException(
                    BillingErrorIds.CustomerAlreadyExists, $"Billing already has a customer '{login}'.", login, exception);
            }

            return await RequireCustomerAsync(session, id, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<Customer> GetCustomerAsync(long customerId, CancellationToken cancellationToken = default) =>
        ReadAsync(session => RequireCustomerAsync(session, customerId, cancellationToken), cancellationToken);

    public Task<Customer?> FindCustomerAsync(string login, CancellationToken cancellationToken = default) =>
        ReadAsync(
            session => session.Sql(Statements.SelectCustomerByLogin).With("@login", (login ?? "").Trim())
                .SingleOrDefaultAsync(RowMappers.Customer, cancellationToken),
            cancellationToken);

    public Task<IReadOnlyList<Customer>> ListCustomersAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<Customer>>(
            async session => await session.Sql(Statements.SelectCustomers).ListAsync(RowMappers.Customer, cancellationToken).ConfigureAwait(false),
            cancellationToken);

    public Task<Domain> AddDomainAsync(long customerId, string domainName, CancellationToken cancellationToken = default)
    {
        string name = ColumnLimits.Lowered(domainName, "domain name", ColumnLimits.DomainName);
        return WriteAsync(async session =>
        {
            Customer customer = await RequireCustomerAsync(session, customerId, cancellationToken).ConfigureAwait(false);
            return await AddDomainAsync(session, customer, name, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<Domain?> FindDomainAsync(string domainName, CancellationToken cancellationToken = default) =>
        ReadAsync(
            session => FindDomainAsync(session, (domainName ?? "").Trim().ToLowerInvariant(), cancellationToken),
            cancellationToken);

    public Task<IReadOnlyList<Domain>> ListDomainsAsync(long customerId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<Domain>>(async session =>
        {
            await RequireCustomerAsync(session, customerId, cancellationToken).ConfigureAwait(false);
            return await session.Sql(Statements.SelectDomainsByCustomer).With("@customer_id", customerId)
                .ListAsync(RowMappers.Domain, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    private async Task<Customer> RequireCustomerAsync(BillingSession session, long customerId, CancellationToken cancellationToken) =>
        await session.Sql(Statements.SelectCustomerById).With("@customer_id", customerId)
            .SingleOrDefaultAsync(RowMappers.Customer, cancellationToken).ConfigureAwait(false)
        ?? throw new BillingNotFoundException(
            BillingErrorIds.CustomerNotFound, $"Billing has no customer {customerId}. Add the customer first, or check the id.", Id(customerId));

    /// <summary>Adds a domain that billing does not have yet (AlreadyExists when anyone has it).</summary>
    private async Task<Domain> AddDomainAsync(BillingSession session, Customer customer, string name, CancellationToken cancellationToken)
    {
        (Domain domain, bool inserted) = await InsertOrFindDomainAsync(session, customer, name, cancellationToken).ConfigureAwait(false);
        if (inserted)
        {
            return domain;
        }

        throw domain.CustomerId == customer.Id
            ? new BillingAlreadyExistsException(BillingErrorIds.DomainAlreadyExists, $"Customer '{customer.Login}' already has domain '{name}'.", name)
            : DomainTaken(name);
    }

    /// <summary>The customer's domain of that name, added when billing does not have it; another customer's is refused.</summary>
    private async Task<Domain> ResolveDomainAsync(BillingSession session, Customer customer, string name, CancellationToken cancellationToken)
    {
        (Domain domain, _) = await InsertOrFindDomainAsync(session, customer, name, cancellationToken).ConfigureAwait(false);
        return domain.CustomerId == customer.Id ? domain : throw DomainTaken(name);
    }

    private Task<Domain?> FindDomainAsync(BillingSession session, string name, CancellationToken cancellationToken) =>
        session.Sql(Statements.SelectDomainByName).With("@name", name).SingleOrDefaultAsync(RowMappers.Domain, cancellationToken);

    /// <summary>The domain billing has under that name, or a new one of the customer when it has none.</summary>
    private async Task<(Domain Domain, bool Inserted)> InsertOrFindDomainAsync(BillingSession session, Customer customer, string name, CancellationToken cancellationToken)
    {
        Domain? existing = await FindDomainAsync(session, name, cancellationToken).ConfigureAwait(false);
        if (existing != null)
        {
            return (existing, false);
        }

        DateTime now = Now();
        try
        {
            long id = (await session.Sql(Statements.InsertDomain)
                .With("@customer_id", customer.Id).With("@name", name).With("@now", now)
                .ScalarInt64Async(cancellationToken).ConfigureAwait(false))!.Value;
            return (new Domain(id, customer.Id, name, now), true);
        }
        catch (DbException exception) when (IsUniqueViolation(exception))
        {
            // Another writer added the domain between our check and this insert (SQL Server; SQLite writers queue).
            Domain added = await FindDomainAsync(session, name, cancellationToken).ConfigureAwait(false) ?? throw DomainTaken(name, exception);
            return (added, false);
        }
    }

    private static BillingAlreadyExistsException DomainTaken(string name, Exception? inner = null) =>
        new BillingAlreadyExistsException(
            BillingErrorIds.DomainOwnedByOtherCustomer,
            $"Domain '{name}' already belongs to another customer in billing. A domain belongs to one customer.",
            name,
            inner);
}

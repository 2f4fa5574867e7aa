using System;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts.Validation;

namespace CpanelBilling.Core.Operations.Accounts;

/// <summary>
/// Customers and plans: the billing side of opening accounts. A plan is mapped to a cPanel package per server; the
/// package must be one billing knows on that server (synced, not removed), so an opening never names a package
/// the server lacks.
/// </summary>
public sealed class CustomerAndPlanOperations
{
    private readonly IBillingRepository billing;
    private readonly AccountTargets targets;

    public CustomerAndPlanOperations(OperationContext context)
    {
        billing = (context ?? throw new ArgumentNullException(nameof(context))).Billing;
        targets = new AccountTargets(billing);
    }

    /// <summary>Adds a customer; the login must be new (AlreadyExists).</summary>
    public Task<Customer> AddCustomerAsync(NewCustomer customer, CancellationToken cancellationToken = default)
    {
        if (customer == null)
        {
            throw new ArgumentNullException(nameof(customer));
        }

        var checkedCustomer = new NewCustomer
        {
            Login = AccountInput.Name(customer.Login, "customer login"),
            DisplayName = customer.DisplayName,
            Email = AccountInput.ContactEmail(customer.Email),
        };
        return billing.AddCustomerAsync(checkedCustomer, cancellationToken);
    }

    /// <summary>
    /// Adds a plan, or finds the plan of that name, and when <paramref name="serverName"/> is given maps it to the
    /// server's package <paramref name="packageName"/> (replacing an earlier mapping on that server). An existing
    /// plan keeps whether it includes a dedicated IP; asking for the other is refused.
    /// </summary>
    public async Task<BillingPlan> AddPlanAsync(string name, bool includesDedicatedIp, string? serverName, string? packageName, CancellationToken cancellationToken = default)
    {
        string planName = AccountInput.Name(name, "plan name");
        if ((serverName == null) != (packageName == null))
        {
            throw AccountOperationException.Invalid(AccountErrorIds.InvalidRequest, "A server and a package go together: give both, or neither.", planName);
        }

        (BillingServer Server, string Package)? mapping = null;
        if (serverName != null)
        {
            BillingServer server = await targets.ServerAsync(AccountInput.Name(serverName, "server name"), cancellationToken).ConfigureAwait(false);
            string package = AccountInput.Name(packageName, "package name");
            ServerPackage? known = await billing.FindServerPackageAsync(server.Id, package, cancellationToken).ConfigureAwait(false);
            if (known == null || known.IsRemoved)
            {
                throw new AccountOperationException(
                    AccountErrorIds.PackageNotOnServer,
                    FailureKind.NotFound,
                    $"Server '{server.Name}' has no package '{package}' in billing. Sync the server's packages, or check the name.",
                    package);
            }

            mapping = (server, known.Name);
        }

        BillingPlan plan = await billing.FindPlanAsync(planName, cancellationToken).ConfigureAwait(false)
            ?? await billing.AddPlanAsync(planName, includesDedicatedIp, cancellationToken).ConfigureAwait(false);
        if (plan.IncludesDedicatedIp != includesDedicatedIp)
        {
            throw new AccountOperationException(
                BillingErrorIds.PlanAlreadyExists,
                FailureKind.AlreadyExists,
                $"Plan '{plan.Name}' already exists and {(plan.IncludesDedicatedIp ? "includes" : "does not include")} a dedicated IP; that cannot be changed here.",
                plan.Name);
        }

        return mapping is { } target
            ? await billing.MapPlanToPackageAsync(plan.Id, target.Server.Id, target.Package, cancellationToken).ConfigureAwait(false)
            : plan;
    }
}

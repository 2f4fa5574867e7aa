using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Core.Operations.Servers;
using CpanelBilling.Core.Operations.Throttling;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Reconcile;

/// <summary>
/// Records in billing a server account billing does not know: the customer (named, or one per account), the
/// domain and the account on the plan mapped to its package, its address, its own limits (where the server differs
/// from the package) and its status. The server is only read. A second run finds the customer it created.
/// </summary>
internal sealed class AccountImport
{
    private readonly OperationContext context;

    public AccountImport(OperationContext context) => this.context = context;

    private IBillingRepository Billing => context.Billing;

    public async Task<RepairOutcome> ImportAsync(RepairAction action, CancellationToken cancellationToken)
    {
        string user = action.UserName!;
        BillingServer server = await ServerLookup.RequireAsync(Billing, action.ServerName, cancellationToken).ConfigureAwait(false);
        if (await Billing.FindAccountAsync(server.Id, user, cancellationToken).ConfigureAwait(false) is { } known)
        {
            return RepairOutcome.Skipped(action, $"Billing has an account '{user}' on '{server.Name}' now; nothing was imported.", known);
        }

        (WhmAccount? onServer, MegabyteLimit? bandwidth) = await ReadAsync(server, user, cancellationToken).ConfigureAwait(false);
        if (onServer == null || !ServerAccountChanges.IsSameAccount(onServer, action.PlannedServerAccount!.Domain))
        {
            return RepairOutcome.Skipped(action, $"'{server.Name}' no longer has '{user}' as Compare saw it; nothing was imported.");
        }

        string package = onServer.Plan ?? "undefined";
        BillingPlan plan = await Billing.FindPlanForPackageAsync(server.Id, package, cancellationToken).ConfigureAwait(false)
            ?? throw new ReconcileException(
                ReconcileErrorIds.NoPlanForPackage,
                FailureKind.NotFound,
                $"'{user}' is on package '{package}' on '{server.Name}', but no billing plan is mapped to that package. Map one (New-CpPlan -Server '{server.Name}' -Package '{package}'), then import again.",
                user);
        Customer customer = await CustomerAsync(action, onServer, server, cancellationToken).ConfigureAwait(false);
        PackageSettings? packageSettings = (await Billing.FindServerPackageAsync(server.Id, package, cancellationToken).ConfigureAwait(false))?.Settings;

        Account account = await Billing.OpenAccountAsync(
            new AccountOpening
            {
                CustomerId = customer.Id,
                ServerId = server.Id,
                PlanId = plan.Id,
                DomainName = onServer.Domain!,
                UserName = user,
                Status = AccountStatus.Active,
                Limits = OwnLimits(ServerLimits.FromSummary(onServer, bandwidth), AccountLimitValues.FromPackage(packageSettings)),
            },
            cancellationToken).ConfigureAwait(false);

        if (onServer.Ip != null && !string.Equals(account.IpAddress, onServer.Ip, StringComparison.OrdinalIgnoreCase))
        {
            // Billing may have taken a free dedicated IP for the plan; the account's address is the one the server has.
            await Billing.ReleaseAccountIpsAsync(account.Id, cancellationToken).ConfigureAwait(false);
            await Billing.RecordAccountIpAsync(account.Id, onServer.Ip, cancellationToken).ConfigureAwait(false);
            account = await Billing.GetAccountAsync(account.Id, cancellationToken).ConfigureAwait(false);
        }

        if (onServer.IsSuspended)
        {
            account = await Billing.SetAccountStatusAsync(account.Id, account.RowVersion, AccountStatus.Suspended, onServer.SuspendReason, cancellationToken).ConfigureAwait(false);
        }

        return RepairOutcome.Done(action, $"'{user}' ({account.DomainName}) was imported into billing for customer '{customer.Login}' on plan '{plan.Name}' ({account.Status}, {account.IpAddress}).", account);
    }

    private async Task<(WhmAccount? Account, MegabyteLimit? Bandwidth)> ReadAsync(BillingServer server, string user, CancellationToken cancellationToken)
    {
        IWhmClient client = context.Servers.Connect(server);
        using (await context.Throttle.EnterAsync(server, ThrottleLane.Requests, cancellationToken).ConfigureAwait(false))
        {
            WhmAccount? account = await client.GetAccountSummaryAsync(user, cancellationToken).ConfigureAwait(false);
            MegabyteLimit? bandwidth = account == null ? null : await ServerLimits.ReadBandwidthAsync(client, user, cancellationToken).ConfigureAwait(false);
            return (account, bandwidth);
        }
    }

    private async Task<Customer> CustomerAsync(RepairAction action, WhmAccount onServer, BillingServer server, CancellationToken cancellationToken)
    {
        if (action.Options.ImportCustomerLogin is { } named)
        {
            return await Billing.FindCustomerAsync(named, cancellationToken).ConfigureAwait(false)
                ?? throw new ReconcileException(
                    ReconcileErrorIds.ImportCustomerNotFound,
                    FailureKind.NotFound,
                    $"Billing has no customer '{named}' to import '{onServer.User}' for. Add it with New-CpCustomer, or leave the customer out to give each imported account its own.",
                    named);
        }

        string login = ServerReconciliation.ImportedCustomerLogin(onServer.User, server.Name);
        return await Billing.FindCustomerAsync(login, cancellationToken).ConfigureAwait(false)
            ?? await Billing.AddCustomerAsync(
                new NewCustomer
                {
                    Login = login,
                    DisplayName = $"{onServer.User} on {server.Name} (imported)",
                    // cPanel joins two contact addresses with ", "; the first is the account's.
                    Email = onServer.ContactEmail?.Split(',').Select(a => a.Trim()).FirstOrDefault(a => a.Length > 0),
                },
                cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The account's own limits: where the server has another value than its package.</summary>
    private static AccountLimits OwnLimits(AccountLimits onServer, AccountLimits package)
    {
        var own = new AccountLimits();
        foreach (AccountLimitKind kind in AccountLimitValues.Kinds)
        {
            string? server = AccountLimitValues.Text(onServer, kind);
            string? packaged = AccountLimitValues.Text(package, kind);
            if (server != null && packaged != null && server != packaged)
            {
                AccountLimitValues.Copy(onServer, own, kind);
            }
        }

        return own;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Testing.Billing;

/// <summary>
/// A server with packages and IPs, a plan mapped to a package, and a customer: what most billing tests start from.
/// Names carry a suffix so several scenarios can share one database.
/// </summary>
public sealed class BillingScenario
{
    private static int _counter;

    private BillingScenario(IBillingRepository repository, string suffix, BillingServer server, BillingPlan plan, BillingPlan dedicatedIpPlan, Customer customer)
    {
        Repository = repository;
        Suffix = suffix;
        Server = server;
        Plan = plan;
        DedicatedIpPlan = dedicatedIpPlan;
        Customer = customer;
    }

    public IBillingRepository Repository { get; }

    public string Suffix { get; }

    public BillingServer Server { get; }

    /// <summary>Mapped to package "basic" on the server; no dedicated IP.</summary>
    public BillingPlan Plan { get; }

    /// <summary>Mapped to package "pro" on the server; includes a dedicated IP.</summary>
    public BillingPlan DedicatedIpPlan { get; }

    public Customer Customer { get; }

    /// <summary>
    /// Creates the scenario. The server gets its main (shared) address 192.0.2.1 and
    /// <paramref name="freeDedicatedIps"/> free dedicated addresses 192.0.2.101, .102, ….
    /// </summary>
    public static async Task<BillingScenario> CreateAsync(IBillingRepository repository, int freeDedicatedIps = 2)
    {
        string suffix = System.Threading.Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N").Substring(0, 6);
        BillingServer server = await repository.AddServerAsync("whm-" + suffix, new ServerSettings
        {
            HostName = "whm-" + suffix + ".example.net",
            TokenSecretName = "whm-" + suffix + "-token",
        });
        await repository.SyncServerPackagesAsync(server.Id, new[]
        {
            new WhmPackage("basic", new PackageSettings { Quota = MegabyteLimit.Of(1024), BandwidthLimit = MegabyteLimit.Of(10240) }),
            new WhmPackage("pro", new PackageSettings { Quota = MegabyteLimit.Unlimited, DedicatedIp = true }),
        });
        var addresses = new List<ServerIpDefinition> { new ServerIpDefinition { Address = "192.0.2.1", IsMain = true, IsUsed = true } };
        addresses.AddRange(Enumerable.Range(101, freeDedicatedIps).Select(n => new ServerIpDefinition
        {
            Address = "192.0.2." + n.ToString(CultureInfo.InvariantCulture),
            IsDedicated = true,
        }));
        await repository.SyncServerIpsAsync(server.Id, addresses);

        BillingPlan plan = await repository.AddPlanAsync("Basic " + suffix, includesDedicatedIp: false);
        plan = await repository.MapPlanToPackageAsync(plan.Id, server.Id, "basic");
        BillingPlan pro = await repository.AddPlanAsync("Pro " + suffix, includesDedicatedIp: true);
        pro = await repository.MapPlanToPackageAsync(pro.Id, server.Id, "pro");
        Customer customer = await repository.AddCustomerAsync(new NewCustomer { Login = "customer-" + suffix, Email = "c" + suffix + "@example.org" });
        return new BillingScenario(repository, suffix, server, plan, pro, customer);
    }

    /// <summary>An opening on the scenario's server, plan and customer, with a unique user name and domain.</summary>
    public AccountOpening Opening(string userName, BillingPlan? plan = null) => new AccountOpening
    {
        CustomerId = Customer.Id,
        ServerId = Server.Id,
        PlanId = (plan ?? Plan).Id,
        UserName = userName,
        DomainName = userName + "-" + Suffix + ".example.com",
    };

    public Task<Account> OpenAccountAsync(string userName, BillingPlan? plan = null) => Repository.OpenAccountAsync(Opening(userName, plan));
}

using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Logging;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Servers;
using CpanelBilling.Core.Whm;
using CpanelBilling.Testing.Billing;
using CpanelBilling.Testing.Simulator;
using CpanelBilling.WhmSimulator;

namespace CpanelBilling.Testing.Operations;

/// <summary>
/// Everything an operations test needs, wired as in production: the simulated WHM server (HTTPS, pinned), a
/// fresh SQLite billing database with that server registered, packages and IPs mirrored from the simulator, plans
/// mapped to the packages, a customer, the API token in a session credential store, and the call log in memory
/// and in a file. One world per test; the simulator is shared by the test class and reset here.
/// </summary>
public sealed class OperationsWorld : IAsyncDisposable
{
    /// <summary>The simulator's package without a dedicated IP: 1024 MB disk, 10240 MB bandwidth, 5 databases.</summary>
    public const string BasicPackage = "basic";

    /// <summary>The simulator's package with IP=y.</summary>
    public const string ProPackage = "pro";

    private readonly TempSqliteDatabase database;
    private readonly WhmClientFactory clients;

    private OperationsWorld(
        SimulatorFixture simulator,
        TempSqliteDatabase database,
        WhmClientFactory clients,
        OperationContext context,
        SessionCredentialStore credentials,
        MemoryCallLogSink callLog,
        string callLogPath,
        BillingServer server,
        BillingPlan basicPlan,
        BillingPlan proPlan,
        Customer customer)
    {
        Simulator = simulator;
        this.database = database;
        this.clients = clients;
        Context = context;
        Credentials = credentials;
        CallLog = callLog;
        CallLogPath = callLogPath;
        Server = server;
        BasicPlan = basicPlan;
        ProPlan = proPlan;
        Customer = customer;
    }

    public SimulatorFixture Simulator { get; }

    public SimulatorState SimState => Simulator.State;

    public FaultPlan Faults => Simulator.Faults;

    public OperationContext Context { get; }

    public IBillingRepository Billing => Context.Billing;

    public SessionCredentialStore Credentials { get; }

    /// <summary>Every WHM request of this world, masked, in memory.</summary>
    public MemoryCallLogSink CallLog { get; }

    /// <summary>The same requests as the file sink wrote them (JSON lines).</summary>
    public string CallLogPath { get; }

    public BillingServer Server { get; }

    /// <summary>Mapped to <see cref="BasicPackage"/>.</summary>
    public BillingPlan BasicPlan { get; }

    /// <summary>Mapped to <see cref="ProPackage"/>, includes a dedicated IP.</summary>
    public BillingPlan ProPlan { get; }

    public Customer Customer { get; }

    /// <summary>The SQLite file of the world's billing database (for a second connection, e.g. a PowerShell session).</summary>
    public string DatabasePath => database.FilePath;

    /// <summary>A client for the simulator as the operations use it (same factory, same credential).</summary>
    public IWhmClient Client => Context.Servers.Connect(Server);

    /// <param name="clientOptions">Timeouts and retries; defaults are short, so timeout faults stay fast.</param>
    public static async Task<OperationsWorld> CreateAsync(SimulatorFixture simulator, WhmClientOptions? clientOptions = null)
    {
        simulator.Reset();
        SeedSimulator(simulator.State);

        var database = new TempSqliteDatabase();
        IBillingRepository billing = await database.OpenRepositoryAsync();
        string callLogPath = Path.Combine(Path.GetDirectoryName(database.FilePath)!, "whm-calls.log");
        var memoryLog = new MemoryCallLogSink();
        var fileLog = new FileCallLogSink(callLogPath);
        WhmClientOptions options = clientOptions ?? FastClientOptions();
        options.CallLog = new CompositeCallLogSink(memoryLog, fileLog);
        var clients = new WhmClientFactory(options);

        BillingServer server = await billing.AddServerAsync("web01", new ServerSettings
        {
            HostName = simulator.BaseUri.Host,
            Port = simulator.BaseUri.Port,
            WhmUser = simulator.User,
            TokenSecretName = "web01-whm-token",
            PinnedCertificateThumbprint = simulator.CertificateSha256,
        });
        var credentials = new SessionCredentialStore();
        credentials.Set(server.Name, new WhmCredential(simulator.User, simulator.Token));
        var context = new OperationContext(billing, new ServerConnector(clients, credentials), actor: "tests@" + Environment.MachineName);

        // Billing mirrors the simulator's packages and IPs, as a sync would leave it.
        IWhmClient client = context.Servers.Connect(server);
        await billing.SyncServerPackagesAsync(server.Id, await client.ListPackagesAsync(PackageVisibility.All));
        var ips = await client.ListIpAddressesAsync();
        await billing.SyncServerIpsAsync(server.Id, ips.Select(ip => new ServerIpDefinition
        {
            Address = ip.Address,
            IsMain = ip.IsMain,
            IsDedicated = !ip.IsMain,
            IsUsed = ip.IsUsed,
        }).ToList());

        BillingPlan basic = await billing.AddPlanAsync("Basic", includesDedicatedIp: false);
        basic = await billing.MapPlanToPackageAsync(basic.Id, server.Id, BasicPackage);
        BillingPlan pro = await billing.AddPlanAsync("Pro", includesDedicatedIp: true);
        pro = await billing.MapPlanToPackageAsync(pro.Id, server.Id, ProPackage);
        Customer customer = await billing.AddCustomerAsync(new NewCustomer { Login = "alice", DisplayName = "Alice Example", Email = "alice@example.org" });

        return new OperationsWorld(simulator, database, clients, context, credentials, memoryLog, callLogPath, server, basic, pro, customer);
    }

    /// <summary>Short timeouts and retry pauses, so fault tests take milliseconds, not minutes.</summary>
    public static WhmClientOptions FastClientOptions() => new()
    {
        ReadTimeout = TimeSpan.FromSeconds(5),
        WriteTimeout = TimeSpan.FromSeconds(5),
        AccountLifecycleTimeout = TimeSpan.FromSeconds(5),
        MaxReadRetries = 2,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        RetryMaxDelay = TimeSpan.FromMilliseconds(50),
    };

    /// <summary>
    /// Another repository on the same database file, as a second runbook (another process or machine) would
    /// open it: leases and row versions are shared through the database, nothing else. Options may set, e.g., a
    /// short lock timeout.
    /// </summary>
    public Task<IBillingRepository> OpenBillingAgainAsync(BillingRepositoryOptions? options = null) => database.OpenRepositoryAsync(options);

    /// <summary>Every account billing has on the world's server, deleted ones included, in id order.</summary>
    public async Task<System.Collections.Generic.List<Account>> AccountsAsync()
    {
        var accounts = new System.Collections.Generic.List<Account>();
        await foreach (Account account in Billing.ListAccountsAsync(new Core.Billing.AccountQuery { ServerId = Server.Id, IncludeDeleted = true }))
        {
            accounts.Add(account);
        }

        return accounts;
    }

    /// <summary>Every journal entry of the world's billing database, oldest first.</summary>
    public async Task<System.Collections.Generic.List<OperationJournalEntry>> JournalAsync()
    {
        var entries = new System.Collections.Generic.List<OperationJournalEntry>();
        await foreach (OperationJournalEntry entry in Billing.ListOperationsAsync(new OperationJournalQuery()))
        {
            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>The opening of an account for the world's customer on the world's server.</summary>
    public AccountOpening Opening(string userName, string domain, BillingPlan? plan = null) => new()
    {
        CustomerId = Customer.Id,
        ServerId = Server.Id,
        PlanId = (plan ?? BasicPlan).Id,
        DomainName = domain,
        UserName = userName,
    };

    /// <summary>
    /// An account that is Active in billing and, unless <paramref name="onServer"/> is false, exists on the simulator
    /// with its plan's package and the dedicated IP billing gave it.
    /// </summary>
    public async Task<Account> AddActiveAccountAsync(string userName, string domain, BillingPlan? plan = null, bool onServer = true)
    {
        AccountOpening opening = Opening(userName, domain, plan);
        opening.Status = AccountStatus.Active;
        Account account = await Billing.OpenAccountAsync(opening);
        if (onServer)
        {
            SimState.PutAccount(new SimulatedAccount { User = userName, Domain = domain, Plan = account.PackageName!, Ip = account.DedicatedIp ?? "" });
        }

        return account;
    }

    public async ValueTask DisposeAsync()
    {
        clients.Dispose();
        await database.DisposeAsync();
    }

    private static void SeedSimulator(SimulatorState state)
    {
        state.PutPackage(new SimulatedPackage
        {
            Name = BasicPackage,
            Quota = "1024",
            BwLimit = "10240",
            MaxPop = "10",
            MaxSql = "5",
            MaxAddon = "1",
            MaxPark = "0",
            MaxFtp = "2",
            MaxSub = "5",
            MaxLst = "0",
            Ip = "n",
            Cgi = "y",
            HasShell = "n",
            FeatureList = "default",
            CpMod = "jupiter",
            Lang = "en",
        });
        state.PutPackage(new SimulatedPackage
        {
            Name = ProPackage,
            Quota = "10240",
            BwLimit = "102400",
            MaxPop = "unlimited",
            MaxSql = "unlimited",
            MaxAddon = "10",
            MaxPark = "10",
            Ip = "y",
            Cgi = "y",
            HasShell = "y",
            FeatureList = "default",
            CpMod = "jupiter",
            Lang = "en",
        });
    }
}

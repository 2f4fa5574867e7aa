using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Logging;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Operations.Servers;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Session;

/// <summary>
/// One connection of a PowerShell session to billing and its servers: the repository, one pooled WHM client
/// factory (one connection per server for the whole session), the API tokens known to the session, the call log
/// file and the operations context. Made by Connect-CpBilling, or on first use with the default database.
/// </summary>
internal sealed class CpSession : IDisposable
{
    /// <summary>The environment variable that overrides the default call log file.</summary>
    public const string LogEnvironmentVariable = "CPBILLING_LOG";

    private CpSession(string database, IBillingRepository billing, string logPath)
    {
        Database = database;
        Billing = billing;
        LogPath = logPath;
        Clients = new WhmClientFactory(new WhmClientOptions { CallLog = new CompositeCallLogSink(new FileCallLogSink(logPath), Calls) });
        Credentials = new SessionCredentialStore();
        Operations = new OperationContext(billing, new ServerConnector(Clients, Credentials));
    }

    /// <summary>What was opened: a file path, or a connection string with any password masked.</summary>
    public string Database { get; }

    public IBillingRepository Billing { get; }

    public WhmClientFactory Clients { get; }

    public SessionCredentialStore Credentials { get; }

    public OperationContext Operations { get; }

    /// <summary>The call log file: one JSON line per WHM request, secrets masked.</summary>
    public string LogPath { get; }

    /// <summary>Calls as they happen, for the running command's verbose stream.</summary>
    public CallRelay Calls { get; } = new();

    public static string DefaultLogPath
    {
        get
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable(LogEnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                return fromEnvironment!.Trim();
            }

            string root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            return Path.Combine(string.IsNullOrEmpty(root) ? Path.GetTempPath() : root, "CpanelBilling", "logs", "whm-calls.log");
        }
    }

    /// <param name="migrate">False to refuse a database that is missing or older than the module (-WhatIf changes nothing).</param>
    public static async Task<CpSession> OpenAsync(string? database, string? logPath, CancellationToken cancellationToken, bool migrate = true)
    {
        string target = BillingDatabase.ResolveTarget(database);
        IBillingRepository billing = await BillingDatabase.OpenAsync(target, new BillingRepositoryOptions { Migrate = migrate }, cancellationToken).ConfigureAwait(false);
        string log = Path.GetFullPath(string.IsNullOrWhiteSpace(logPath) ? DefaultLogPath : logPath!);
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        return new CpSession(ConnectionText.Mask(target), billing, log);
    }

    public void Dispose() => Clients.Dispose();
}

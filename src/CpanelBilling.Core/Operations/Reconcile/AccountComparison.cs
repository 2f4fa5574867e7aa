using System.Collections.Generic;

namespace CpanelBilling.Core.Operations.Reconcile;

/// <summary>What Compare found: every difference, by server then account, and the servers that could not be read.</summary>
public sealed class AccountComparison
{
    internal AccountComparison(IReadOnlyList<AccountDifference> differences, IReadOnlyList<ReconcileServerFailure> failures, int serversCompared, int accountsCompared)
    {
        Differences = differences;
        Failures = failures;
        ServersCompared = serversCompared;
        AccountsCompared = accountsCompared;
    }

    public IReadOnlyList<AccountDifference> Differences { get; }

    /// <summary>Servers that could not be compared (unreachable, credentials refused …), and why; the others were.</summary>
    public IReadOnlyList<ReconcileServerFailure> Failures { get; }

    public int ServersCompared { get; }

    /// <summary>Billing's accounts (not deleted) and the server's accounts, each counted once.</summary>
    public int AccountsCompared { get; }
}

/// <summary>A server Compare or Repair could not read, and why.</summary>
public sealed class ReconcileServerFailure
{
    internal ReconcileServerFailure(string serverName, CpanelBillingException error)
    {
        ServerName = serverName;
        Error = error;
    }

    public string ServerName { get; }

    public CpanelBillingException Error { get; }

    public override string ToString() => ServerName + ": " + Error.Message;
}

/// <summary>One server read, of how many.</summary>
public sealed class ReconcileProgress
{
    internal ReconcileProgress(string serverName, int serversDone, int serversTotal)
    {
        ServerName = serverName;
        ServersDone = serversDone;
        ServersTotal = serversTotal;
    }

    public string ServerName { get; }

    public int ServersDone { get; }

    public int ServersTotal { get; }
}

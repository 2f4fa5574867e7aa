using System.Collections.Generic;
using CpanelBilling.Core.Operations.Fanout;

namespace CpanelBilling.Core.Operations.Reconcile;

/// <summary>What Compare found: every difference, by server then account, and the servers that could not be read.</summary>
public sealed class AccountComparison
{
    internal AccountComparison(IReadOnlyList<AccountDifference> differences, IReadOnlyList<ServerFailure> failures, int serversCompared, int accountsCompared)
    {
        Differences = differences;
        Failures = failures;
        ServersCompared = serversCompared;
        AccountsCompared = accountsCompared;
    }

    public IReadOnlyList<AccountDifference> Differences { get; }

    /// <summary>Servers that could not be compared (unreachable, credentials refused …), and why; the others were.</summary>
    public IReadOnlyList<ServerFailure> Failures { get; }

    public int ServersCompared { get; }

    /// <summary>Billing's accounts (not deleted) and the server's accounts, each counted once.</summary>
    public int AccountsCompared { get; }
}

using System;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;

namespace CpanelBilling.Core.Operations.Servers;

/// <summary>Finds a server in billing by the name admins use, with the typed error operations report.</summary>
public static class ServerLookup
{
    /// <summary>The server of that name (case-insensitive); <see cref="ServerNotFoundException"/> when there is none.</summary>
    public static async Task<BillingServer> RequireAsync(IBillingRepository billing, string serverName, CancellationToken cancellationToken)
    {
        if (billing is null)
        {
            throw new ArgumentNullException(nameof(billing));
        }

        if (string.IsNullOrWhiteSpace(serverName))
        {
            throw new OperationArgumentException(OperationErrorIds.InvalidServerSettings, "The server name is empty; give the name the server has in billing.", null, "Server");
        }

        return await billing.FindServerAsync(serverName.Trim(), cancellationToken).ConfigureAwait(false)
            ?? throw new ServerNotFoundException(serverName.Trim());
    }
}

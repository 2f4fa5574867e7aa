using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Servers;

/// <summary>
/// Supplies the API token of a server. Billing stores only where a token lives (vault and secret name), never the
/// token, so every process gets it from a source like this: a credential given for the session, or a vault.
/// </summary>
public interface IServerCredentialSource
{
    /// <summary>The server's credential, or null when this source has none for it.</summary>
    WhmCredential? Find(BillingServer server);
}


namespace CpanelBilling.Core.Operations.Servers;

/// <summary>A server name that billing does not know.</summary>
public sealed class ServerNotFoundException : CpanelBillingException
{
    public ServerNotFoundException(string name)
        : base(OperationErrorIds.ServerNotFound, FailureKind.NotFound, $"Billing has no server named '{name}'. Get-CpServer lists the servers; Add-CpServer adds one.", name)
    {
    }
}

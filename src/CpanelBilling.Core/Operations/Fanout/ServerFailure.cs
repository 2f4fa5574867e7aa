namespace CpanelBilling.Core.Operations.Fanout;

/// <summary>A server an operation could not work on (not in billing, unreachable, token refused …), and why; the other servers went on.</summary>
public sealed class ServerFailure
{
    internal ServerFailure(string serverName, CpanelBillingException error)
    {
        ServerName = serverName;
        Error = error;
    }

    /// <summary>The server's name in billing, or the name as given when billing has no such server.</summary>
    public string ServerName { get; }

    public CpanelBillingException Error { get; }

    public override string ToString() => ServerName + ": " + Error.Message;
}

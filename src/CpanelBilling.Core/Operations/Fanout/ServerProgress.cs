namespace CpanelBilling.Core.Operations.Fanout;

/// <summary>One server finished (done or failed), of how many an operation works on.</summary>
public sealed class ServerProgress
{
    internal ServerProgress(string serverName, int serversDone, int serversTotal)
    {
        ServerName = serverName;
        ServersDone = serversDone;
        ServersTotal = serversTotal;
    }

    public string ServerName { get; }

    public int ServersDone { get; }

    public int ServersTotal { get; }

    public override string ToString() => $"{ServerName} ({ServersDone} of {ServersTotal})";
}

using System.Management.Automation;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>
/// Get-CpBandwidth: each account's bandwidth for a month as the server counts it (showbw, once per server however
/// many piped objects name it), what billing recorded, and the difference. Reads only; pipe the rows to
/// Save-CpBandwidth to record them.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CpBandwidth")]
[OutputType(typeof(CpBandwidth))]
public sealed class GetCpBandwidthCommand : CpBandwidthCmdlet
{
    /// <summary>Server names; all enabled servers when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.ServerNameCompleter))]
    public string[]? Server { get; set; }

    /// <summary>1–12; default the previous calendar month. Without -Year, the latest such month that has begun.</summary>
    [Parameter]
    [ValidateRange(1, 12)]
    public int? Month { get; set; }

    [Parameter]
    public int? Year { get; set; }

    /// <summary>How many servers are read at once. Default 4.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 4;

    // Piped records only name servers: each distinct server is read once, at the end, however many name it.
    protected override void ProcessRecord() => AddServers(Server);

    protected override void EndProcessing()
    {
        if (MeasureServers(Year, Month, ThrottleLimit, record: false) is { } result)
        {
            WriteResult(result, warnUnsettled: false, output: true);
        }

        base.EndProcessing();
    }
}

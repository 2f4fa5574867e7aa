using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CpanelBilling.Core.Operations.Bandwidth;
using CpanelBilling.Errors;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>
/// Save-CpBandwidth: records in billing what the servers counted beyond what billing holds. Records the rows
/// Get-CpBandwidth pipes to it as they were read, or measures and records servers itself (-Server, -Month), each
/// once however many piped objects name it. Only positive differences are recorded, once, however often or
/// concurrently it runs. A row recording cannot settle is a warning, so a runbook hears of it without -PassThru.
/// </summary>
[Cmdlet(VerbsData.Save, "CpBandwidth", SupportsShouldProcess = true, DefaultParameterSetName = MeasureSet)]
[OutputType(typeof(CpBandwidth))]
public sealed class SaveCpBandwidthCommand : CpBandwidthCmdlet
{
    private const string MeasureSet = "Measure";
    private const string RowsSet = "InputObject";
    // Each row to record, and the object it was piped as (the target of its error, should it be refused).
    private readonly Dictionary<BandwidthRow, CpBandwidth> piped = new();

    [Parameter(ParameterSetName = RowsSet, Mandatory = true, ValueFromPipeline = true)]
    public CpBandwidth[] InputObject { get; set; } = System.Array.Empty<CpBandwidth>();

    [Parameter(ParameterSetName = MeasureSet, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.ServerNameCompleter))]
    public string[]? Server { get; set; }

    [Parameter(ParameterSetName = MeasureSet)]
    [ValidateRange(1, 12)]
    public int? Month { get; set; }

    [Parameter(ParameterSetName = MeasureSet)]
    public int? Year { get; set; }

    [Parameter(ParameterSetName = MeasureSet)]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 4;

    /// <summary>Outputs the rows as billing holds them afterwards.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        AddServers(Server);
        foreach (CpBandwidth row in InputObject)
        {
            try
            {
                piped.Add(row.ToRow(), row);
            }
            catch (System.ArgumentException invalid)
            {
                WriteError(ErrorIds.InvalidInputObject, ErrorCategory.InvalidArgument, row, $"The bandwidth row of '{row.Server}/{row.UserName}' cannot be recorded: {invalid.Message}");
            }
        }
    }

    protected override void EndProcessing()
    {
        BandwidthResult? result = ParameterSetName == MeasureSet ? MeasureServers(Year, Month, ThrottleLimit, record: true) : RecordPiped();
        if (result is not null)
        {
            WriteVerbose($"Bandwidth of {result.Month}: {result.RecordedAccounts} account(s) recorded.");
            WriteResult(result, warnUnsettled: true, output: PassThru, piped);
        }

        base.EndProcessing();
    }

    // Each server is confirmed on its own; the rows of those confirmed are recorded in one operation call.
    private BandwidthResult? RecordPiped()
    {
        string months = string.Join(", ", piped.Keys.Select(r => r.Month).Distinct());
        List<BandwidthRow> rows = piped.Keys.ToLookup(r => r.ServerName, System.StringComparer.OrdinalIgnoreCase)
            .Where(server => ShouldChange($"{server.Key} ({months})", "Record the bandwidth read where it exceeds what billing holds"))
            .SelectMany(server => server).ToList();
        BandwidthResult? result = null;
        try
        {
            result = rows.Count == 0 ? null : Run((ops, token) => new BandwidthOperations(ops).RecordAsync(rows, token));
        }
        catch (Core.CpanelBillingException refused)
        {
            ThrowTerminatingError(refused, months); // rows of several months: nothing is recorded
        }

        return result;
    }
}

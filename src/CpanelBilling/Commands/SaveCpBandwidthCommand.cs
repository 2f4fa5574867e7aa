using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CpanelBilling.Core.Operations.Bandwidth;
using CpanelBilling.Errors;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>
/// Save-CpBandwidth: records in billing what the servers counted beyond what billing holds. Records the rows
/// Get-CpBandwidth pipes to it as they were read, or measures and records servers itself (-Server, -Month). Only
/// positive differences are recorded, once, however often or concurrently it runs.
/// </summary>
[Cmdlet(VerbsData.Save, "CpBandwidth", SupportsShouldProcess = true, DefaultParameterSetName = MeasureSet)]
[OutputType(typeof(CpBandwidth))]
public sealed class SaveCpBandwidthCommand : CpBandwidthCmdlet
{
    private const string MeasureSet = "Measure";
    private const string RowsSet = "InputObject";
    private readonly List<BandwidthRow> piped = new();

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
        if (ParameterSetName == MeasureSet)
        {
            IReadOnlyList<BandwidthRow> rows = MeasureServers(Server, Year, Month, ThrottleLimit, record: true, write: false);
            WriteRows(rows);
            return;
        }

        foreach (CpBandwidth row in InputObject)
        {
            try
            {
                piped.Add(row.ToRow());
            }
            catch (System.ArgumentException invalid)
            {
                WriteError(ErrorIds.InvalidInputObject, ErrorCategory.InvalidArgument, row, $"The bandwidth row of '{row.Server}/{row.UserName}' cannot be recorded: {invalid.Message}");
            }
        }
    }

    protected override void EndProcessing()
    {
        foreach (IGrouping<string, BandwidthRow> server in piped.GroupBy(r => r.ServerName + " (" + r.Month + ")", System.StringComparer.OrdinalIgnoreCase))
        {
            int toRecord = server.Count(r => r.AccountId is not null && r.ServerBytes is not null);
            if (!ShouldChange(server.Key, $"Record the bandwidth read for {toRecord} account(s) where it exceeds what billing holds"))
            {
                continue;
            }

            try
            {
                BandwidthResult result = Run((ops, token) => new BandwidthOperations(ops).RecordAsync(server, token));
                foreach (BandwidthServerFailure failure in result.Failures)
                {
                    WriteError(failure.Error, failure.ServerName);
                }

                WriteVerbose($"{server.Key}: {result.RecordedAccounts} account(s) recorded.");
                WriteRows(result.Rows);
            }
            catch (Core.CpanelBillingException failure)
            {
                WriteError(failure, server.Key);
            }
        }

        base.EndProcessing();
    }

    private void WriteRows(IEnumerable<BandwidthRow> rows)
    {
        if (PassThru)
        {
            foreach (BandwidthRow row in rows)
            {
                WriteObject(CpBandwidth.From(row));
            }
        }
    }
}

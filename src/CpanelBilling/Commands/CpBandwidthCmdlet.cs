using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Bandwidth;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>
/// What Get-CpBandwidth and Save-CpBandwidth share: measuring servers for a month, several at once (each server
/// once, within its own limit), with rows, errors and progress written on the pipeline thread.
/// </summary>
public abstract class CpBandwidthCmdlet : CpSessionCmdlet
{
    /// <summary>Runs the measurement (and, with <paramref name="record"/>, the recording) of each server; an invalid month stops the command before any call.</summary>
    internal IReadOnlyList<BandwidthRow> MeasureServers(string[]? names, int? year, int? month, int throttleLimit, bool record, bool write)
    {
        var bandwidth = new BandwidthOperations(Operations);
        BillingMonth resolved = default;
        try
        {
            resolved = bandwidth.ResolveMonth(year, month);
        }
        catch (Core.CpanelBillingException invalid)
        {
            ThrowTerminatingError(invalid, null);
        }

        var rows = new List<BandwidthRow>();
        List<BillingServer> servers = ServersNamed(names);
        int done = 0;
        using (var queue = CreateWorkQueue(throttleLimit))
        {
            foreach (BillingServer server in servers)
            {
                string action = $"Measure the bandwidth of {resolved} and record what billing lacks";
                if (record && !ShouldChange(server.Name, action))
                {
                    continue;
                }

                EnsureCredential(server);
                var request = new BandwidthRequest { Servers = new[] { server.Name }, Year = resolved.Year, Month = resolved.Month };
                queue.Start(
                    token => record ? bandwidth.MeasureAndRecordAsync(request, null, token) : bandwidth.MeasureAsync(request, null, token),
                    result =>
                    {
                        rows.AddRange(result.Rows);
                        foreach (BandwidthServerFailure failure in result.Failures)
                        {
                            WriteError(failure.Error, failure.ServerName);
                        }

                        if (write)
                        {
                            foreach (BandwidthRow row in result.Rows)
                            {
                                WriteObject(CpBandwidth.From(row));
                            }
                        }

                        WriteThrottledProgress(Progress(resolved, ++done, servers.Count, server.Name));
                    },
                    failure => WriteError(failure, server.Name));
            }

            queue.Drain();
        }

        WriteThrottledProgress(new ProgressRecord(1, "Bandwidth " + resolved, "Done") { RecordType = ProgressRecordType.Completed });
        WriteCalls();
        return rows;
    }

    private List<BillingServer> ServersNamed(string[]? names)
    {
        if (names is null || names.Length == 0)
        {
            return Run((ops, token) => ops.Billing.ListServersAsync(includeDisabled: false, token)).ToList();
        }

        var servers = new List<BillingServer>();
        foreach (string name in names.Distinct(System.StringComparer.OrdinalIgnoreCase))
        {
            try
            {
                servers.Add(RequireServer(name));
            }
            catch (Core.CpanelBillingException failure)
            {
                WriteError(failure, name);
            }
        }

        return servers;
    }

    private static ProgressRecord Progress(BillingMonth month, int done, int total, string server) =>
        new(1, "Bandwidth " + month, $"{server} done ({done} of {total} servers)") { PercentComplete = total == 0 ? 100 : done * 100 / total };
}

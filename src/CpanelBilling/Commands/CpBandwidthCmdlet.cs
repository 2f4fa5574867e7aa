using System.Collections.Generic;
using System.Linq;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Bandwidth;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>
/// What Get-CpBandwidth and Save-CpBandwidth share: the servers named on the command line and by every piped
/// object, gathered first, then one measurement (and recording) of each distinct server for the month.
/// </summary>
public abstract class CpBandwidthCmdlet : CpServerFanOutCmdlet
{
    private readonly List<string> servers = new();
    private bool refused;

    /// <summary>Adds the servers a pipeline record names (an unknown one is an error now); each is measured once, at the end.</summary>
    internal void AddServers(string[]? names)
    {
        foreach (string name in names ?? new string[0])
        {
            string? known = PrepareServer(name);
            refused |= known is null;
            if (known is not null && !servers.Contains(known))
            {
                servers.Add(known);
            }
        }
    }

    /// <summary>
    /// Measures (with <paramref name="record"/>, measures and records) the servers gathered — every enabled one
    /// when none was named — in one operation call; an invalid month stops the command before any call. Servers
    /// declined at the confirmation prompt are left out. Null when nothing was run; the servers that failed are in
    /// the result, for the caller to write.
    /// </summary>
    internal BandwidthResult? MeasureServers(int? year, int? month, int throttleLimit, bool record)
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

        // Only names that were all refused leave nothing to do: a bad input never widens to every server.
        List<string> names = (servers.Count > 0 || refused ? servers : PrepareAllServers())
            .Where(server => !record || ShouldChange(server, $"Measure the bandwidth of {resolved} and record what billing lacks"))
            .ToList();
        if (names.Count == 0)
        {
            return null;
        }

        var request = new BandwidthRequest { Servers = names, Year = resolved.Year, Month = resolved.Month, MaxParallelServers = throttleLimit };
        return RunOnServers(
            "Bandwidth " + resolved,
            (ops, progress, token) => record ? bandwidth.MeasureAndRecordAsync(request, progress, token) : bandwidth.MeasureAsync(request, progress, token));
    }

    /// <summary>
    /// Writes what a measurement or recording found: an error per server that failed and per row refused (the
    /// object it was piped as, from <paramref name="piped"/>, as target); with <paramref name="warnUnsettled"/> (a
    /// recording), a warning per row it could not settle; then, with <paramref name="output"/>, the rows. A
    /// measurement does not warn: its rows are what the admin asked to see, each with its Status, and Get | Save
    /// would otherwise warn twice about one row.
    /// </summary>
    internal void WriteResult(BandwidthResult result, bool warnUnsettled, bool output, IReadOnlyDictionary<BandwidthRow, CpBandwidth>? piped = null)
    {
        WriteFailures(result.Failures);
        foreach (BandwidthRowFailure refused in result.RowFailures)
        {
            WriteError(refused.Error, piped is not null && piped.TryGetValue(refused.Row, out CpBandwidth? row) ? row : CpBandwidth.From(refused.Row));
        }

        foreach (string warning in warnUnsettled ? result.Rows.Select(r => r.Warning).OfType<string>() : Enumerable.Empty<string>())
        {
            WriteWarning(warning);
        }

        if (output)
        {
            WriteObject(result.Rows.Select(CpBandwidth.From), enumerateCollection: true);
        }
    }
}

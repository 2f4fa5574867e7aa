using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Reconcile;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>
/// Get-CpOperation: the operation journal — every server-changing WHM call, written before it was sent, with how it
/// ended — oldest first, by server, account and status, or by id. Reads billing only.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CpOperation", DefaultParameterSetName = ByFilter)]
[OutputType(typeof(CpOperation))]
public sealed class GetCpOperationCommand : CpSessionCmdlet
{
    private const string ByFilter = "ByFilter";
    private const string ById = "ById";
    private Dictionary<long, string>? serverNames;

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByFilter)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.ServerNameCompleter))]
    public string? Server { get; set; }

    /// <summary>The cPanel user the calls were about (needs -Server).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByFilter)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.AccountUserNameCompleter))]
    public string? UserName { get; set; }

    [Parameter(ParameterSetName = ByFilter)]
    public CpOperationStatus? Status { get; set; }

    /// <summary>Only the newest this many entries (still listed oldest first).</summary>
    [Parameter(ParameterSetName = ByFilter)]
    [ValidateRange(1, int.MaxValue)]
    public int? Newest { get; set; }

    /// <summary>Journal entry ids, as error messages and Compare-CpAccount name them.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ById)]
    public long[] Id { get; set; } = new long[0];

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ById)
        {
            foreach (long id in Id)
            {
                try
                {
                    Write(Run((ops, token) => ops.Billing.GetOperationAsync(id, token)));
                }
                catch (Core.CpanelBillingException failure)
                {
                    WriteError(failure, id);
                }
            }

            return;
        }

        var filter = new JournalFilter { ServerName = Server, UserName = UserName, Status = (OperationStatus?)(int?)Status, Newest = Newest };
        IAsyncEnumerator<OperationJournalEntry> entries = new ReconcileOperations(Operations).ListJournalAsync(filter, CancellationToken).GetAsyncEnumerator(CancellationToken);
        try
        {
            while (Await(_ => entries.MoveNextAsync().AsTask()))
            {
                Write(entries.Current);
            }
        }
        catch (Core.CpanelBillingException failure)
        {
            WriteError(failure, (object?)UserName ?? Server);
        }
        finally
        {
            Await(async _ => await entries.DisposeAsync().ConfigureAwait(false));
        }
    }

    private void Write(OperationJournalEntry entry)
    {
        serverNames ??= Run((ops, token) => ops.Billing.ListServersAsync(includeDisabled: true, token)).ToDictionary(s => s.Id, s => s.Name);
        WriteObject(CpOperation.From(entry, serverNames.TryGetValue(entry.ServerId, out string? name) ? name : entry.ServerId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}

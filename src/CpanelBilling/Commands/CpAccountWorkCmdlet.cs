using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core;
using CpanelBilling.Core.Operations.Accounts;
using CpanelBilling.Infrastructure;
using CpanelBilling.Types;

namespace CpanelBilling.Commands;

/// <summary>
/// Base of the account cmdlets that change servers: pipeline items run concurrently (-ThrottleLimit overall; the
/// core caps calls per server), every Write* happens on the pipeline thread, a failed item is a non-terminating
/// error with the account as target, and each result's server calls and warnings are reported.
/// </summary>
public abstract class CpAccountWorkCmdlet : CpSessionCmdlet
{
    private const int ProgressId = 1;
    private readonly HashSet<string> preparedServers = new(StringComparer.OrdinalIgnoreCase);
    private PipelineWorkQueue? queue;
    private AccountOperations? accounts;
    private int finished;
    private int failed;

    /// <summary>How many accounts are worked on at once, across servers (each server's own limits apply too).</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 8;

    internal AccountOperations Accounts => accounts ??= new AccountOperations(Operations);

    /// <summary>
    /// Writes the results of the items finished meanwhile. Called first for every pipeline item, so output streams
    /// downstream as items finish instead of waiting for a full throttle or the end of the input.
    /// </summary>
    internal void HandBackFinished() => queue?.HandBackFinished();

    protected override void EndProcessing()
    {
        queue?.Drain();
        if (finished + failed > 0)
        {
            WriteThrottledProgress(new ProgressRecord(ProgressId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        }

        base.EndProcessing();
    }

    /// <summary>
    /// Starts one item. The server's API token is made available first (here, on the pipeline thread); an unknown
    /// server fails the item at once.
    /// </summary>
    internal void StartItem(string serverName, object target, Func<AccountOperations, CancellationToken, Task<AccountChangeResult>> work, Action<AccountChangeResult> onSuccess)
    {
        try
        {
            PrepareServer(serverName);
        }
        catch (CpanelBillingException failure)
        {
            WriteError(failure, target);
            return;
        }

        AccountOperations operations = Accounts;
        queue ??= CreateWorkQueue(ThrottleLimit);
        queue.Start(
            token => work(operations, token),
            result =>
            {
                finished++;
                Report(result);
                onSuccess(result);
                ReportProgress();
            },
            failure =>
            {
                failed++;
                WriteCalls();
                WriteError(failure, target);
                ReportProgress();
            });
    }

    /// <summary>Verbose lines for the calls made; warnings for what an admin should look at.</summary>
    internal void Report(AccountChangeResult result)
    {
        WriteCalls();
        foreach (ServerCallRecord call in result.Calls)
        {
            WriteVerbose($"{result.Account}: {call}");
        }

        foreach (string note in result.Warnings)
        {
            if (result.Changed)
            {
                WriteWarning(note);
            }
            else
            {
                WriteVerbose(note);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            queue?.Dispose();
        }

        base.Dispose(disposing);
    }

    private string Activity => MyInvocation.MyCommand.Name;

    // The total is unknown while accounts stream in, so progress counts what is done and what is under way.
    private void ReportProgress() => WriteThrottledProgress(new ProgressRecord(
        ProgressId, Activity, $"{finished} done, {failed} failed, {queue?.InFlight ?? 0} in progress"));

    private void PrepareServer(string serverName)
    {
        if (preparedServers.Add(serverName))
        {
            try
            {
                EnsureCredential(RequireServer(serverName));
            }
            catch
            {
                preparedServers.Remove(serverName);
                throw;
            }
        }
    }
}

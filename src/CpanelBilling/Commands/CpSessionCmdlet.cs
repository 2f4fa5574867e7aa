using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Logging;
using CpanelBilling.Core.Operations;
using CpanelBilling.Core.Whm;
using CpanelBilling.Errors;
using CpanelBilling.Infrastructure;
using CpanelBilling.Core.Operations.Servers;
using CpanelBilling.Session;

namespace CpanelBilling.Commands;

/// <summary>
/// Base of cmdlets that work on billing and servers: the session (connected on first use to the default
/// database when Connect-CpBilling was not called), server lookup, API tokens from the session or a
/// SecretManagement vault (fetched on the pipeline thread before work starts), and -Verbose lines for every
/// WHM call, masked, written from the pipeline thread.
/// </summary>
public abstract class CpSessionCmdlet : CpCmdlet
{
    private CpSession? session;
    private ConcurrentQueue<CallLogEntry>? calls;

    internal CpSession Session => session ??= SessionRegistry.Current ?? ConnectDefault();

    /// <summary>The operations of the session, for <see cref="Run{T}"/>.</summary>
    internal OperationContext Operations => Session.Operations;

    protected override void BeginProcessing()
    {
        if (MyInvocation.BoundParameters.TryGetValue("Verbose", out object? verbose) ? LanguagePrimitives.IsTrue(verbose) : IsVerbosePreference())
        {
            calls = Session.Calls.Listen();
        }
    }

    protected override void EndProcessing() => WriteCalls();

    protected override void StopProcessing()
    {
        base.StopProcessing();
        if (calls is not null)
        {
            session?.Calls.Stop(calls);
        }
    }

    /// <summary>Runs one operation to completion, then shows the WHM calls it made (with -Verbose).</summary>
    protected T Run<T>(Func<OperationContext, CancellationToken, Task<T>> operation)
    {
        try
        {
            return Await(token => operation(Operations, token));
        }
        finally
        {
            WriteCalls();
        }
    }

    /// <summary>
    /// Runs one long operation on the thread pool while this, the pipeline thread, hands each progress report it
    /// makes to <paramref name="onProgress"/> (where Write* calls are allowed), with the WHM calls made so far.
    /// </summary>
    protected T Run<T, TProgress>(Func<OperationContext, IProgress<TProgress>, CancellationToken, Task<T>> operation, Action<TProgress> onProgress)
    {
        OperationContext context = Operations;
        using var reports = new PipelineProgress<TProgress>();
        try
        {
            return Await(token => reports.HandBackUntilDone(
                Task.Run(() => operation(context, reports, token), token),
                report =>
                {
                    WriteCalls();
                    onProgress(report);
                },
                token));
        }
        finally
        {
            WriteCalls();
        }
    }

    /// <summary>The server of that name in billing (<see cref="ServerLookup"/>); the typed lookup error is the caller's to report.</summary>
    internal BillingServer RequireServer(string name) => Await(token => ServerLookup.RequireAsync(Session.Billing, name, token));

    /// <summary>
    /// Makes sure the session holds the server's API token before concurrent work needs it: a token given earlier
    /// in the session wins, else the SecretManagement vault named in billing is asked (on this, the pipeline thread).
    /// A token the server refused is looked up in the vault again, so a token fixed there is used; the same token
    /// read again stays refused and is not sent (see <see cref="WhmClientFactory"/>).
    /// </summary>
    internal void EnsureCredential(BillingServer server)
    {
        WhmCredential? held = Session.Credentials.Find(server);
        if (held is not null && !Session.Clients.HasRefused(ServerConnector.EndpointOf(server), held))
        {
            return;
        }

        var token = SecretVault.TryGet(this, server.Settings.TokenSecretName, server.Settings.TokenVault);
        if (token is null)
        {
            return;
        }

        var stored = new WhmCredential(server.Settings.WhmUser, token);
        if (stored.IsSameAs(held))
        {
            WriteVerbose($"The API token of server '{server.Name}' in SecretManagement is the one the server refused earlier in this session; nothing is sent with it.");
            return;
        }

        Session.Credentials.Set(server.Name, stored);
        WriteVerbose($"API token of server '{server.Name}' read from SecretManagement (secret '{server.Settings.TokenSecretName}').");
    }

    /// <summary>Writes the WHM calls made so far as verbose lines (masked entries; never a secret).</summary>
    protected void WriteCalls()
    {
        if (calls is null)
        {
            return;
        }

        while (calls.TryDequeue(out CallLogEntry? entry))
        {
            WriteVerbose(string.Format(
                CultureInfo.InvariantCulture,
                "WHM {0} {1} attempt {2}: {3} in {4:0} ms{5}",
                entry.Server,
                entry.Function,
                entry.Attempt,
                entry.Outcome,
                entry.Duration.TotalMilliseconds,
                entry.Reason is null ? string.Empty : " (" + entry.Reason + ")"));
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && calls is not null)
        {
            session?.Calls.Stop(calls);
        }

        base.Dispose(disposing);
    }

    private CpSession ConnectDefault()
    {
        // Connecting may create the database or upgrade its schema: under -WhatIf it must do neither.
        bool whatIf = IsWhatIf();
        if (whatIf && BillingDatabase.IsMissingSqliteFile(BillingDatabase.ResolveTarget(null)))
        {
            ThrowTerminatingError(ErrorIds.NoBillingDatabase, ErrorCategory.ObjectNotFound, BillingDatabase.ResolveTarget(null),
                $"There is no billing database at {BillingDatabase.ResolveTarget(null)} yet, and -WhatIf creates none. Run Connect-CpBilling (or the command without -WhatIf) to create it.");
        }

        CpSession opened;
        try
        {
            opened = Await(token => CpSession.OpenAsync(null, null, token, migrate: !whatIf));
        }
        catch (Core.CpanelBillingException failure)
        {
            // Under -WhatIf, also a database older than the module: upgrading it would be a change.
            ThrowTerminatingError(failure, ConnectionText.Mask(BillingDatabase.ResolveTarget(null)));
            throw;
        }

        SessionRegistry.Replace(opened)?.Dispose();
        WriteVerbose($"Connected to the default billing database {opened.Database}; call log {opened.LogPath}. Use Connect-CpBilling to choose another.");
        return opened;
    }

    private bool IsVerbosePreference() =>
        GetVariableValue("VerbosePreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Operations.Throttling;
using CpanelBilling.Core.Whm;

namespace CpanelBilling.Core.Operations.Servers;

/// <summary>
/// Checks that a server can be worked with: it answers over trusted TLS, accepts the token, and lets the token
/// call what the module needs. Works for a server in billing (also a disabled one: checking is how one decides to
/// enable it again) and for a host not in billing. Every way the connection can fail becomes a report with a
/// <see cref="ConnectionCheckStatus"/>; only invalid input, an unknown server name and cancellation throw.
/// </summary>
public sealed class ServerConnectionCheck
{
    // A certificate this close to its end is worth a warning: a renewed self-signed one has a new thumbprint.
    private static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(30);

    private readonly OperationContext context;
    private readonly Func<DateTime> utcNow;

    public ServerConnectionCheck(OperationContext context, Func<DateTime>? utcNow = null)
    {
        this.context = context ?? throw new ArgumentNullException(nameof(context));
        this.utcNow = utcNow ?? (() => DateTime.UtcNow);
    }

    /// <summary>Checks the server of that name in billing (<see cref="ServerNotFoundException"/> when there is none).</summary>
    public async Task<ServerConnectionReport> CheckAsync(string serverName, CancellationToken cancellationToken = default) =>
        await CheckAsync(await ServerLookup.RequireAsync(context.Billing, serverName, cancellationToken).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);

    public async Task<ServerConnectionReport> CheckAsync(BillingServer server, CancellationToken cancellationToken = default)
    {
        if (server is null)
        {
            throw new ArgumentNullException(nameof(server));
        }

        ServerSettings settings = server.Settings;
        var report = new ServerConnectionReport(
            server.Name, new WhmEndpoint(settings.HostName, settings.Port, settings.PinnedCertificateThumbprint), settings.WhmUser);
        var warnings = new List<string>();
        if (!settings.Enabled)
        {
            warnings.Add($"Server '{server.Name}' is disabled in billing; operations leave it alone until Set-CpServer -Name '{server.Name}' -Enabled.");
        }

        IWhmClient client;
        try
        {
            client = context.Servers.ConnectEvenIfDisabled(server);
        }
        catch (ServerCredentialMissingException missing)
        {
            Fail(report, ConnectionCheckStatus.CredentialMissing, missing);
            report.Warnings = warnings;
            return report;
        }

        using (await context.Throttle.EnterAsync(server, ThrottleLane.Requests, cancellationToken).ConfigureAwait(false))
        {
            await RunAsync(client, report, warnings, $"Set-CpServer -Name '{server.Name}' -CertificateThumbprint", cancellationToken).ConfigureAwait(false);
        }

        return report;
    }

    /// <summary>
    /// Checks a host that billing does not know (yet), with a credential given for this check only. Host, port and
    /// pin are checked first (<see cref="OperationArgumentException"/>).
    /// </summary>
    public async Task<ServerConnectionReport> CheckHostAsync(
        string hostName, int port, WhmCredential credential, string? certificateThumbprint = null, CancellationToken cancellationToken = default)
    {
        if (credential is null)
        {
            throw new ArgumentNullException(nameof(credential));
        }

        WhmEndpoint endpoint = ServerSettingsRules.CheckEndpoint(hostName, port, certificateThumbprint);
        var report = new ServerConnectionReport(null, endpoint, credential.User);
        var warnings = new List<string>();
        await RunAsync(context.Servers.Connect(endpoint, credential), report, warnings, "-CertificateThumbprint", cancellationToken).ConfigureAwait(false);
        return report;
    }

    private async Task RunAsync(IWhmClient client, ServerConnectionReport report, List<string> warnings, string pinCommand, CancellationToken cancellationToken)
    {
        try
        {
            var stopwatch = Stopwatch.StartNew();
            report.Version = await client.GetVersionAsync(cancellationToken).ConfigureAwait(false);
            report.RoundTrip = stopwatch.Elapsed;
            report.Status = ConnectionCheckStatus.Connected;
        }
        catch (WhmApiException failure)
        {
            report.Certificate = client.PresentedCertificate;
            Fail(report, StatusOf(failure), failure);
            if (failure is WhmCertificateException { PresentedThumbprint: { } presented })
            {
                report.PinHint = $"{pinCommand} '{presented}'";
                report.Message += $" Once confirmed, pin it: {report.PinHint}";
            }
            else if (report.Status == ConnectionCheckStatus.Unreachable)
            {
                report.Message += $" Check the host name and port (WHM listens on {WhmEndpoint.DefaultPort}) and that no firewall stands between this machine and the server.";
            }

            report.Warnings = warnings;
            return;
        }

        report.Certificate = client.PresentedCertificate;
        AddCertificateWarnings(report, warnings);
        try
        {
            report.ServerHostName = await client.GetHostnameAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (WhmApiException failure)
        {
            warnings.Add("The server did not tell its host name (gethostname): " + failure.Message);
        }

        await ReadAllowedFunctionsAsync(client, report, warnings, cancellationToken).ConfigureAwait(false);
        report.Warnings = warnings;
    }

    private static async Task ReadAllowedFunctionsAsync(IWhmClient client, ServerConnectionReport report, List<string> warnings, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> allowed;
        try
        {
            allowed = await client.ListFunctionsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (WhmApiException failure)
        {
            warnings.Add("Could not read which functions the token may call (applist): " + failure.Message);
            return;
        }

        var allowedSet = new HashSet<string>(allowed, StringComparer.Ordinal);
        report.AllowedFunctions = WhmFunctions.All.Where(allowedSet.Contains).ToList();
        report.MissingFunctions = WhmFunctions.All.Where(f => !allowedSet.Contains(f)).ToList();
        if (report.MissingFunctions.Count > 0)
        {
            warnings.Add(
                $"The token of '{report.WhmUser}' may not call {string.Join(", ", report.MissingFunctions)}; operations that need them will be refused. "
                + "Allow them for the token in WHM (Manage API Tokens) or use a token with more privileges.");
        }
    }

    private void AddCertificateWarnings(ServerConnectionReport report, List<string> warnings)
    {
        WhmCertificateInfo? certificate = report.Certificate;
        if (certificate is null)
        {
            return;
        }

        DateTime now = utcNow();
        string renewal = report.CertificatePinned
            ? " A renewed certificate has a new thumbprint, so the pin must be updated then."
            : string.Empty;
        if (now > certificate.NotAfterUtc)
        {
            warnings.Add($"The server's certificate expired on {certificate.NotAfterUtc:yyyy-MM-dd}; it is trusted only because it is pinned.{renewal}");
        }
        else if (certificate.NotAfterUtc - now < ExpiryWarning)
        {
            warnings.Add($"The server's certificate expires on {certificate.NotAfterUtc:yyyy-MM-dd}.{renewal}");
        }
    }

    private static ConnectionCheckStatus StatusOf(WhmApiException failure) => failure switch
    {
        WhmAuthenticationException { IsLockout: true } => ConnectionCheckStatus.LockedOut,
        WhmAuthenticationException => ConnectionCheckStatus.AuthenticationRefused,
        WhmCertificateException => ConnectionCheckStatus.CertificateNotTrusted,
        WhmTimeoutException => ConnectionCheckStatus.Timeout,
        WhmTransportException { HttpStatus: null } => ConnectionCheckStatus.Unreachable,
        WhmTransportException => ConnectionCheckStatus.ServerError,
        _ => ConnectionCheckStatus.CallRefused,
    };

    private static void Fail(ServerConnectionReport report, ConnectionCheckStatus status, CpanelBillingException failure)
    {
        report.Status = status;
        report.Message = failure.Message;
        report.Error = failure;
    }
}

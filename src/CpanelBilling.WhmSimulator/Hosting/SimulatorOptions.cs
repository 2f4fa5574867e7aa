using System;
using System.Collections.Generic;

namespace CpanelBilling.WhmSimulator;

/// <summary>How a <see cref="WhmSimulatorServer"/> starts.</summary>
public sealed class SimulatorOptions
{
    /// <summary>The default listen URL: HTTPS on loopback with a port the system picks.</summary>
    public const string DefaultUrl = "https://127.0.0.1:0";

    /// <summary>The most <see cref="NewAccountUsageMb"/> takes: 1 PiB, so the byte count cannot overflow.</summary>
    public const long MaxNewAccountUsageMb = 1L << 30;

    /// <summary>The default of <see cref="RequestJournalCapacity"/>.</summary>
    public const int DefaultRequestJournalCapacity = 10_000;

    /// <summary>
    /// URLs to listen on (<c>https://</c> or <c>http://</c>, host a loopback IP literal or <c>localhost</c>, port 0 for any).
    /// Empty means <see cref="DefaultUrl"/>.
    /// </summary>
    public IList<string> Urls { get; } = new List<string>();

    /// <summary>The WHM user the token belongs to.</summary>
    public string User { get; set; } = "root";

    /// <summary>The API token clients must send; null generates a random one (see <see cref="WhmSimulatorServer.Token"/>).</summary>
    public string? Token { get; set; }

    /// <summary>The server state to serve; null means <see cref="StateFile"/> if set, else <see cref="SimulatorState.CreateDefault"/>.</summary>
    public SimulatorState? State { get; set; }

    /// <summary>A JSON state file to seed from (see README.md); ignored when <see cref="State"/> is set.</summary>
    public string? StateFile { get; set; }

    /// <summary>Overrides the state's hostname.</summary>
    public string? Hostname { get; set; }

    /// <summary>A delay before every reply (the call is not carried out if the client gives up during it).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Failed logins from one address before it is locked out like cPHulk does; 0 disables.</summary>
    public int LockoutAfter { get; set; } = 5;

    /// <summary>How long a lockout lasts.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Test knob, not WHM behaviour: every account createacct makes starts with this many megabytes of bandwidth usage
    /// in the month it is created, so bandwidth collection has something to read. 0 (the default) leaves new accounts
    /// without usage, as on a real server. At most <see cref="MaxNewAccountUsageMb"/>.
    /// </summary>
    public long NewAccountUsageMb { get; set; }

    /// <summary>Send <c>metadata.result</c> as a string (<c>"1"</c>/<c>"0"</c>) on every reply, as some real servers do.</summary>
    public bool ResultAsString { get; set; }

    /// <summary>Fault rules armed at start, in the command-line form (<c>createacct*1=late:5000</c>).</summary>
    public IList<string> Faults { get; } = new List<string>();

    /// <summary>
    /// How many requests <see cref="WhmSimulatorServer.Requests"/> keeps; beyond that the oldest are dropped, so a
    /// long-running simulator does not grow without end. At least 1.
    /// </summary>
    public int RequestJournalCapacity { get; set; } = DefaultRequestJournalCapacity;

    /// <summary>The clock for suspension times, start dates, the default showbw month and lockout expiry.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Receives one line per request handled (method, path, function, status; never query or body).</summary>
    public Action<string>? Log { get; set; }
}

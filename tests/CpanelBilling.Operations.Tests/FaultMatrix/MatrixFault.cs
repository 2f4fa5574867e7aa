using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CpanelBilling.Core.Billing;
using CpanelBilling.Core.Whm;
using CpanelBilling.Testing.Operations;
using CpanelBilling.WhmSimulator;

namespace CpanelBilling.Operations.Tests.FaultMatrix;

/// <summary>
/// One fault of the matrix: what goes wrong at the operation's server call (or at billing's write after it), and
/// whether the server's work is done despite it. A server fault hits the call once; the calls around it (the
/// journal's check of the server, the repair) work.
/// </summary>
public sealed class MatrixFault
{
    private readonly Func<Fault>? serverFault;

    private MatrixFault(string name, bool workDone, Func<Fault>? serverFault = null, BillingFailure? billingFailure = null, bool wrongToken = false, bool clientGivesUp = false)
    {
        Name = name;
        WorkDone = workDone;
        this.serverFault = serverFault;
        BillingFailure = billingFailure;
        WrongToken = wrongToken;
        ClientGivesUp = clientGivesUp;
    }

    /// <summary>
    /// How long the operation under test waits for the faulted call when the fault holds the request until the
    /// client gives up (late-reply, hang). Short, as those cells wait it out, yet far above what a busy machine needs
    /// to deliver a request, so the timeout comes from the fault, never from the machine's load.
    /// </summary>
    public static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(2);

    public static IReadOnlyList<MatrixFault> All { get; } = new[]
    {
        // Both hold the request until the client gives up (no clock of their own to race the client's).
        new MatrixFault("late-reply", workDone: true, Fault.LateReply, clientGivesUp: true),
        new MatrixFault("hang", workDone: false, Fault.Hang, clientGivesUp: true),
        new MatrixFault("http500", workDone: false, () => Fault.HttpStatus(500)),
        new MatrixFault("http502", workDone: false, () => Fault.HttpStatus(502)),
        new MatrixFault("http524+work", workDone: true, () => Fault.HttpStatus(524, afterWork: true)),
        new MatrixFault("reset", workDone: false, Fault.ConnectionReset),
        new MatrixFault("malformed-json", workDone: true, Fault.MalformedJson),
        new MatrixFault("result-0", workDone: false, () => Fault.Failure("(XID m4tr1x) The system could not complete the request: the disk is full.")),
        new MatrixFault("wrong-token", workDone: false, wrongToken: true),
        new MatrixFault("db-locked", workDone: true, billingFailure: FaultMatrix.BillingFailure.DatabaseLocked),
        new MatrixFault("process-stops", workDone: true, billingFailure: FaultMatrix.BillingFailure.ProcessStops),
        new MatrixFault("db-answer-lost", workDone: true, billingFailure: FaultMatrix.BillingFailure.AnswerLost),
    };

    public string Name { get; }

    /// <summary>True when the server's side of the operation happens despite the fault.</summary>
    public bool WorkDone { get; }

    public BillingFailure? BillingFailure { get; }

    public bool WrongToken { get; }

    /// <summary>True when the fault ends only when the client gives up on the call (<see cref="ClientTimeout"/>).</summary>
    public bool ClientGivesUp { get; }

    /// <summary>A token the server refuses, shaped like a real one.</summary>
    public static string RefusedToken(string token) => new string(token.Select(c => c == 'A' ? 'B' : 'A').ToArray());

    public static MatrixFault Named(string name) => All.Single(f => f.Name == name);

    /// <summary>The lock wait of the repository that meets a locked database: short, so the cell stays fast.</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMilliseconds(300);

    /// <summary>Arms the fault for the function; returns the billing repository the operation is to use, and its control.</summary>
    public async Task<(IBillingRepository Billing, FaultyBilling? Control)> ArmAsync(OperationsWorld world, string function, string? billingTrigger)
    {
        if (serverFault != null)
        {
            world.Faults.Set(function, serverFault(), 1);
        }

        if (WrongToken)
        {
            world.Credentials.Set(world.Server.Name, new WhmCredential(world.Simulator.User, RefusedToken(world.Simulator.Token)));
        }

        if (BillingFailure is { } failure)
        {
            IBillingRepository inner = failure == FaultMatrix.BillingFailure.DatabaseLocked
                ? await world.OpenBillingAgainAsync(new BillingRepositoryOptions { Timeout = LockTimeout })
                : world.Billing;
            (IBillingRepository billing, FaultyBilling faulty) = FaultyBilling.Wrap(inner, world.DatabasePath, billingTrigger, failure);
            return (billing, faulty);
        }

        return (world.Billing, null);
    }

    public void Disarm(OperationsWorld world)
    {
        world.Faults.Clear();
        world.Credentials.Set(world.Server.Name, new WhmCredential(world.Simulator.User, world.Simulator.Token));
    }

    public override string ToString() => Name;
}

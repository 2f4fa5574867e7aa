using CpanelBilling.Testing.Simulator;
using CpanelBilling.WhmSimulator;

namespace CpanelBilling.Testing.Operations;

/// <summary>
/// The simulator for an operations test class: HTTPS on loopback, a main IP and five free dedicated IPs
/// (192.0.2.11–.15), and cPHulk-style lockout on as on a real server: five refused logins lock the address out, so
/// a test that sends a refused token more often than it should fails on the calls that follow. Each
/// <see cref="OperationsWorld"/> (create one per test) lifts lockouts when it starts.
/// </summary>
public class OperationsWorldFixture : SimulatorFixture
{
    /// <summary>Refused logins from one address before the simulator locks it out.</summary>
    public const int LockoutAfter = 5;

    protected override SimulatorOptions CreateOptions() => new() { LockoutAfter = LockoutAfter, State = SimulatorState.CreateDefault() };
}

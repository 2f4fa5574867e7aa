using CpanelBilling.Testing.Simulator;
using CpanelBilling.WhmSimulator;

namespace CpanelBilling.Testing.Operations;

/// <summary>
/// The simulator for an operations test class: HTTPS on loopback, lockout off, a main IP and five free dedicated
/// IPs (192.0.2.11–.15). Create an <see cref="OperationsWorld"/> per test from it.
/// </summary>
public class OperationsWorldFixture : SimulatorFixture
{
    protected override SimulatorOptions CreateOptions() => new() { LockoutAfter = 0, State = SimulatorState.CreateDefault() };
}

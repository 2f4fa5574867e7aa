namespace CpanelBilling.WhmSimulator;

/// <summary>
/// A fault armed for one function (or <c>*</c> for every function), for the next <see cref="RemainingCalls"/> calls
/// or, when that is null, for every call.
/// </summary>
public sealed record FaultRule(string Function, Fault Fault, int? RemainingCalls)
{
    /// <summary>The command-line form: <c>FUNCTION=FAULT</c> or <c>FUNCTION*N=FAULT</c>.</summary>
    public override string ToString() =>
        (RemainingCalls is { } n ? $"{Function}*{n}" : Function) + "=" + Fault;
}

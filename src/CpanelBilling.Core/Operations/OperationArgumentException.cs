namespace CpanelBilling.Core.Operations;

/// <summary>
/// An operation refused its input before doing anything: no server was called and billing was not changed. The
/// message names the value, the rule it breaks and what to give instead.
/// </summary>
public sealed class OperationArgumentException : CpanelBillingException
{
    public OperationArgumentException(string errorId, string message, string? target = null, string? parameterName = null)
        : base(errorId, FailureKind.InvalidArgument, message, target)
    {
        ParameterName = parameterName;
    }

    /// <summary>The input that was refused (e.g. <c>Quota</c>), when it is one input.</summary>
    public string? ParameterName { get; }
}

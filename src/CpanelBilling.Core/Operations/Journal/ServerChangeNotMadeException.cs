namespace CpanelBilling.Core.Operations.Journal;

/// <summary>
/// A changing call failed in a way that left its outcome open (timeout, reset, 5xx), and reading the server showed
/// the change was not made. Nothing changed on the server; running the operation again is safe.
/// </summary>
public sealed class ServerChangeNotMadeException : CpanelBillingException
{
    public ServerChangeNotMadeException(string function, string? target, Whm.WhmApiException failure)
        : base(
            failure.ErrorId,
            failure.Kind == FailureKind.Ambiguous ? FailureKind.Transport : failure.Kind,
            $"{function} for '{target}' failed ({failure.GetType().Name.Replace("Exception", string.Empty)} from {failure.Server}), and the server shows the change was not made. Nothing changed on the server; it is safe to try again.",
            target,
            failure)
    {
    }
}

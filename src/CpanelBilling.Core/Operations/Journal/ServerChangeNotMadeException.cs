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
            KindOf(failure),
            $"{function} for '{target}' failed ({failure.GetType().Name.Replace("Exception", string.Empty)} from {failure.Server}), and the server shows the change was not made. Nothing changed on the server; it is safe to try again.",
            target,
            failure)
    {
    }

    // The outcome is no longer open, so Ambiguous no longer applies: what remains is why the call failed.
    private static FailureKind KindOf(Whm.WhmApiException failure) => failure.Kind != FailureKind.Ambiguous
        ? failure.Kind
        : failure is Whm.WhmTimeoutException ? FailureKind.Timeout : FailureKind.Transport;
}

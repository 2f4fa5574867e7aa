namespace CpanelBilling.Core.Logging;

/// <summary>How one WHM request ended.</summary>
public enum CallOutcome
{
    /// <summary>The server answered with result 1.</summary>
    Succeeded,

    /// <summary>The server answered with result 0.</summary>
    Failed,

    AuthenticationFailed,

    CertificateRejected,

    TransportFailed,

    TimedOut,

    /// <summary>The caller cancelled the call.</summary>
    Cancelled,
}

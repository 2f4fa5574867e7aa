using System;
using System.Net.Security;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// The server's TLS certificate was refused: it does not chain to a trusted root and no pin was given, or it does
/// not match the pinned SHA-256 thumbprint. Nothing was sent. The message shows the presented thumbprint (a
/// thumbprint is public) and how to pin it: with the command that pins it, when the client was told one.
/// </summary>
public sealed class WhmCertificateException : WhmApiException
{
    /// <param name="pinCommand">How the caller's user pins a certificate for this server, without the thumbprint (e.g. <c>Set-CpServer -Name 'web01' -CertificateThumbprint</c>); null when unknown.</param>
    internal WhmCertificateException(
        WhmCallInfo call, string? presentedThumbprint, SslPolicyErrors policyErrors, string? pinnedThumbprint, string? pinCommand, Exception? inner)
        : base(
            "WhmCertificateRejected",
            FailureKind.AuthenticationFailed,
            BuildMessage(call, presentedThumbprint, policyErrors, pinnedThumbprint, PinHintOf(pinCommand, presentedThumbprint)),
            call,
            mayHaveExecuted: false,
            inner)
    {
        PresentedThumbprint = presentedThumbprint;
        PolicyErrors = policyErrors;
        PinHint = PinHintOf(pinCommand, presentedThumbprint);
    }

    /// <summary>SHA-256 of the certificate the server presented (64 upper-case hex digits), when known.</summary>
    public string? PresentedThumbprint { get; }

    /// <summary>The command that pins the presented certificate (to run once its thumbprint is confirmed), when the client was told how.</summary>
    public string? PinHint { get; }

    public SslPolicyErrors PolicyErrors { get; }

    private static string? PinHintOf(string? pinCommand, string? presented) =>
        pinCommand is null || presented is null ? null : $"{pinCommand} '{presented}'";

    private static string BuildMessage(WhmCallInfo call, string? presented, SslPolicyErrors errors, string? pinned, string? pinHint) =>
        BuildMessage(call, presented, errors, pinned) + (pinHint is null ? "" : $" Once the thumbprint is confirmed on the server, pin it: {pinHint}");

    private static string BuildMessage(WhmCallInfo call, string? presented, SslPolicyErrors errors, string? pinned)
    {
        string shown = presented ?? "(not available)";
        if (pinned is not null)
        {
            return $"The TLS certificate of {call.Server} does not match the pinned SHA-256 thumbprint {pinned.ToUpperInvariant()}; "
                + $"the server presented {shown}. If the server's certificate was replaced on purpose, confirm the new thumbprint on the server "
                + "(e.g. 'openssl x509 -noout -fingerprint -sha256 -in <cert>') and pin that one; otherwise do not connect.";
        }

        return $"The TLS certificate of {call.Server} is not trusted ({errors}). If it is the server's own self-signed certificate, "
            + $"confirm its SHA-256 thumbprint on the server (e.g. 'openssl x509 -noout -fingerprint -sha256 -in <cert>') and pin it for this server. "
            + $"The server presented SHA-256 thumbprint {shown}.";
    }
}

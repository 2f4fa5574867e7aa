using System;
using System.Globalization;

namespace CpanelBilling.WhmSimulator;

/// <summary>
/// One misbehaviour the simulator can inject into a function call. Text form (used on the command line):
/// <c>latency:MS</c>, <c>late</c>, <c>late:MS</c>, <c>hang</c>, <c>hang:MS</c>, <c>http500</c> (any status 400–599;
/// <c>http524+work</c> does the work first), <c>reset</c>, <c>malformed</c>, <c>fail:REASON</c>, <c>stringresult</c>.
/// </summary>
public sealed record Fault
{
    /// <summary>
    /// How long <c>late</c> and <c>hang</c> hold a request whose client never gives up, so a client without a timeout
    /// cannot keep the simulator busy for ever.
    /// </summary>
    public static readonly TimeSpan ClientWaitCap = TimeSpan.FromMinutes(2);

    private Fault(FaultKind kind, TimeSpan delay = default, int statusCode = 0, string? reason = null, bool afterWork = false, bool untilClientGivesUp = false)
    {
        Kind = kind;
        Delay = delay;
        StatusCode = statusCode;
        Reason = reason;
        AfterWork = afterWork;
        UntilClientGivesUp = untilClientGivesUp;
    }

    public FaultKind Kind { get; }

    /// <summary>
    /// The wait for <see cref="FaultKind.Latency"/>, <see cref="FaultKind.LateReply"/> and <see cref="FaultKind.Hang"/>;
    /// <see cref="ClientWaitCap"/> when <see cref="UntilClientGivesUp"/>.
    /// </summary>
    public TimeSpan Delay { get; }

    /// <summary>
    /// For <see cref="FaultKind.LateReply"/> and <see cref="FaultKind.Hang"/>: the request is held until the client
    /// disconnects (at most <see cref="ClientWaitCap"/>) instead of for a fixed time, so only the client's own timeout
    /// decides when it gives up: a busy machine cannot make the fault end before the client's clock does.
    /// </summary>
    public bool UntilClientGivesUp { get; }

    /// <summary>The HTTP status for <see cref="FaultKind.HttpStatus"/>.</summary>
    public int StatusCode { get; }

    /// <summary>The <c>metadata.reason</c> for <see cref="FaultKind.Failure"/>.</summary>
    public string? Reason { get; }

    /// <summary>For <see cref="FaultKind.HttpStatus"/>: the call is carried out before the error is sent, as when a
    /// proxy gives up on an origin that still finishes the job (Cloudflare's 524).</summary>
    public bool AfterWork { get; }

    public static Fault Latency(TimeSpan delay) => new(FaultKind.Latency, RequireDelay(delay));

    /// <summary>Does the work, then answers after <paramref name="delay"/> (or never, when the client gives up first).</summary>
    public static Fault LateReply(TimeSpan delay) => new(FaultKind.LateReply, RequireDelay(delay));

    /// <summary>Does the work as soon as the request arrives, then holds the answer until the client gives up.</summary>
    public static Fault LateReply() => new(FaultKind.LateReply, ClientWaitCap, untilClientGivesUp: true);

    /// <summary>Waits <paramref name="delay"/> without doing the work, then drops the connection.</summary>
    public static Fault Hang(TimeSpan delay) => new(FaultKind.Hang, RequireDelay(delay));

    /// <summary>Holds the request without doing the work until the client gives up.</summary>
    public static Fault Hang() => new(FaultKind.Hang, ClientWaitCap, untilClientGivesUp: true);

    /// <summary>An HTTP error answer; 500, 502, 503 and 524 get realistic pages, other codes a generic one. With
    /// <paramref name="afterWork"/> the call is carried out first.</summary>
    public static Fault HttpStatus(int statusCode, bool afterWork = false) =>
        statusCode is >= 400 and <= 599
            ? new(FaultKind.HttpStatus, statusCode: statusCode, afterWork: afterWork)
            : throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "Use a 4xx or 5xx status.");

    public static Fault ConnectionReset() => new(FaultKind.ConnectionReset);

    public static Fault MalformedJson() => new(FaultKind.MalformedJson);

    public static Fault Failure(string reason) =>
        new(FaultKind.Failure, reason: string.IsNullOrEmpty(reason) ? throw new ArgumentException("A reason is required.", nameof(reason)) : reason);

    public static Fault StringResult() => new(FaultKind.StringResult);

    /// <summary>Parses the text form (see the type summary).</summary>
    /// <exception cref="FormatException">The text is not a fault.</exception>
    public static Fault Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = (colon < 0 ? text : text[..colon]).Trim().ToLowerInvariant();
        var argument = colon < 0 ? null : text[(colon + 1)..];

        switch (name)
        {
            case "latency":
                return Latency(ParseDelay(name, argument));
            case "late":
                return argument is null ? LateReply() : LateReply(ParseDelay(name, argument));
            case "hang":
                return argument is null ? Hang() : Hang(ParseDelay(name, argument));
            case "reset":
                return NoArgument(name, argument, ConnectionReset());
            case "malformed":
                return NoArgument(name, argument, MalformedJson());
            case "stringresult":
                return NoArgument(name, argument, StringResult());
            case "fail":
                return string.IsNullOrEmpty(argument)
                    ? throw new FormatException("The fault 'fail' needs a reason: fail:REASON.")
                    : Failure(argument);
        }

        const string WorkSuffix = "+work";
        var afterWork = name.EndsWith(WorkSuffix, StringComparison.Ordinal);
        var statusText = afterWork ? name[..^WorkSuffix.Length] : name;
        if (statusText.StartsWith("http", StringComparison.Ordinal)
            && int.TryParse(statusText.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            && status is >= 400 and <= 599)
        {
            return NoArgument(name, argument, HttpStatus(status, afterWork));
        }

        throw new FormatException(
            $"'{text}' is not a fault. Use latency:MS, late[:MS], hang[:MS], httpNNN[+work], reset, malformed, fail:REASON or stringresult.");
    }

    /// <summary>The text form, which <see cref="Parse"/> reads back.</summary>
    public override string ToString() => Kind switch
    {
        FaultKind.Latency => "latency:" + Milliseconds,
        FaultKind.LateReply => UntilClientGivesUp ? "late" : "late:" + Milliseconds,
        FaultKind.Hang => UntilClientGivesUp ? "hang" : "hang:" + Milliseconds,
        FaultKind.HttpStatus => "http" + StatusCode.ToString(CultureInfo.InvariantCulture) + (AfterWork ? "+work" : ""),
        FaultKind.ConnectionReset => "reset",
        FaultKind.MalformedJson => "malformed",
        FaultKind.Failure => "fail:" + Reason,
        _ => "stringresult",
    };

    private string Milliseconds => ((long)Delay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    private static TimeSpan RequireDelay(TimeSpan delay) =>
        delay >= TimeSpan.Zero ? delay : throw new ArgumentOutOfRangeException(nameof(delay), delay, "The delay cannot be negative.");

    private static TimeSpan ParseDelay(string name, string? argument) =>
        long.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : throw new FormatException($"The fault '{name}' needs a delay in milliseconds: {name}:MS.");

    private static Fault NoArgument(string name, string? argument, Fault fault) =>
        argument is null ? fault : throw new FormatException($"The fault '{name}' takes no argument.");
}

using System;
using System.Collections.Generic;
using CpanelBilling.Core.Logging;

namespace CpanelBilling.Core.Whm;

/// <summary>
/// Timeouts, retries and the call log of a <see cref="WhmClient"/>. A client copies these when it is created, so
/// changing an options object later does not affect existing clients.
/// </summary>
public sealed class WhmClientOptions
{
    /// <summary>Timeout of read-only functions. Default 60 s.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of changing functions other than createacct and removeacct. Default 120 s.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Timeout of createacct and removeacct, which run long scripts on the server. Default 240 s.</summary>
    public TimeSpan AccountLifecycleTimeout { get; set; } = TimeSpan.FromSeconds(240);

    /// <summary>Per-function timeouts (keyed by WHM function name, e.g. "listaccts"); these win over the defaults above.</summary>
    public IDictionary<string, TimeSpan> FunctionTimeouts { get; } = new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase);

    /// <summary>How often a read-only call is retried after a transport failure or timeout. Default 2. Changing calls are never retried.</summary>
    public int MaxReadRetries { get; set; } = 2;

    /// <summary>The first retry waits up to this long; each further one up to twice as long (with jitter). Default 0.5 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between retries. Default 5 s.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Where every request is logged; null logs nothing.</summary>
    public ICallLogSink? CallLog { get; set; }

    internal TimeSpan GetTimeout(string function)
    {
        if (FunctionTimeouts.TryGetValue(function, out TimeSpan timeout))
        {
            return timeout;
        }

        if (WhmFunctions.IsReadOnly(function))
        {
            return ReadTimeout;
        }

        return function is WhmFunctions.CreateAccount or WhmFunctions.RemoveAccount ? AccountLifecycleTimeout : WriteTimeout;
    }

    internal WhmClientOptions Snapshot()
    {
        RequirePositive(ReadTimeout, nameof(ReadTimeout));
        RequirePositive(WriteTimeout, nameof(WriteTimeout));
        RequirePositive(AccountLifecycleTimeout, nameof(AccountLifecycleTimeout));
        foreach (KeyValuePair<string, TimeSpan> pair in FunctionTimeouts)
        {
            RequirePositive(pair.Value, $"{nameof(FunctionTimeouts)}[{pair.Key}]");
        }

        if (MaxReadRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxReadRetries), MaxReadRetries, "The number of retries cannot be negative.");
        }

        if (RetryBaseDelay < TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay)
        {
            throw new ArgumentException($"{nameof(RetryBaseDelay)} must not be negative and not exceed {nameof(RetryMaxDelay)}.");
        }

        var copy = new WhmClientOptions
        {
            ReadTimeout = ReadTimeout,
            WriteTimeout = WriteTimeout,
            AccountLifecycleTimeout = AccountLifecycleTimeout,
            MaxReadRetries = MaxReadRetries,
            RetryBaseDelay = RetryBaseDelay,
            RetryMaxDelay = RetryMaxDelay,
            CallLog = CallLog,
        };
        foreach (KeyValuePair<string, TimeSpan> pair in FunctionTimeouts)
        {
            copy.FunctionTimeouts[pair.Key] = pair.Value;
        }

        return copy;
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        // HttpClient and CancellationTokenSource accept at most int.MaxValue milliseconds.
        if (value <= TimeSpan.Zero || value.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(name, value, "A timeout must be positive and at most 24 days.");
        }
    }
}

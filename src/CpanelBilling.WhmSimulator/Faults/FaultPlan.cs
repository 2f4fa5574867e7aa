using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CpanelBilling.WhmSimulator;

/// <summary>
/// The faults armed on a running simulator, at most one per function. A rule for a named function wins over the
/// <c>*</c> rule. Thread-safe; tests may change it while calls are in flight.
/// </summary>
public sealed class FaultPlan
{
    /// <summary>The function name that matches every function.</summary>
    public const string AnyFunction = "*";

    private readonly object _gate = new();
    private readonly Dictionary<string, FaultRule> _rules = new(StringComparer.Ordinal);

    /// <summary>A snapshot of the armed rules.</summary>
    public IReadOnlyList<FaultRule> Rules
    {
        get { lock (_gate) { return _rules.Values.ToArray(); } }
    }

    /// <summary>Arms a fault for every call of a function (replacing any earlier rule for it).</summary>
    public void Set(string function, Fault fault) => Store(new FaultRule(RequireFunction(function), Require(fault), null));

    /// <summary>Arms a fault for the next <paramref name="calls"/> calls of a function (replacing any earlier rule).</summary>
    public void Set(string function, Fault fault, int calls) =>
        Store(new FaultRule(RequireFunction(function), Require(fault),
            calls > 0 ? calls : throw new ArgumentOutOfRangeException(nameof(calls), calls, "Use at least one call.")));

    /// <summary>
    /// Arms a rule written as on the command line: <c>FUNCTION=FAULT</c> (every call) or <c>FUNCTION*N=FAULT</c>
    /// (next N calls), e.g. <c>createacct=late:5000</c>, <c>listaccts*2=http500</c>, <c>*=latency:100</c>.
    /// </summary>
    /// <exception cref="FormatException">The text is not a rule.</exception>
    public void Add(string rule)
    {
        var parsed = ParseRule(rule);
        Store(parsed);
    }

    /// <summary>Disarms the rule for a function.</summary>
    public void Clear(string function)
    {
        lock (_gate)
        {
            _rules.Remove(function);
        }
    }

    /// <summary>Disarms every rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>Parses <c>FUNCTION=FAULT</c> or <c>FUNCTION*N=FAULT</c>.</summary>
    public static FaultRule ParseRule(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var equals = rule.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new FormatException($"'{rule}' is not a fault rule. Use FUNCTION=FAULT or FUNCTION*N=FAULT.");
        }

        var target = rule[..equals].Trim();
        int? calls = null;
        var star = target.LastIndexOf('*');
        if (star > 0)
        {
            if (!int.TryParse(target.AsSpan(star + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                throw new FormatException($"'{rule}': the call count after '*' must be a positive number.");
            }

            calls = n;
            target = target[..star];
        }

        if (!IsFunctionName(target))
        {
            throw new FormatException($"'{rule}': '{target}' is not a function name.");
        }

        return new FaultRule(target, Fault.Parse(rule[(equals + 1)..]), calls);
    }

    /// <summary>Takes the fault for this call of a function, counting down a limited rule.</summary>
    internal Fault? Take(string function)
    {
        lock (_gate)
        {
            var key = _rules.ContainsKey(function) ? function : AnyFunction;
            if (!_rules.TryGetValue(key, out var rule))
            {
                return null;
            }

            if (rule.RemainingCalls is { } remaining)
            {
                if (remaining <= 1)
                {
                    _rules.Remove(key);
                }
                else
                {
                    _rules[key] = rule with { RemainingCalls = remaining - 1 };
                }
            }

            return rule.Fault;
        }
    }

    private void Store(FaultRule rule)
    {
        lock (_gate)
        {
            _rules[rule.Function] = rule;
        }
    }

    private static Fault Require(Fault fault) => fault ?? throw new ArgumentNullException(nameof(fault));

    private static string RequireFunction(string function) =>
        IsFunctionName(function) ? function : throw new ArgumentException($"'{function}' is not a function name.", nameof(function));

    private static bool IsFunctionName(string? function) =>
        !string.IsNullOrEmpty(function) && (function == AnyFunction || function.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'));
}

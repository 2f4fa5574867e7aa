using System;
using System.Collections.Generic;

namespace CpanelBilling.WhmSimulator.Security;

/// <summary>
/// cPHulk's IP-based protection, reduced to what a client can observe: after N failed logins from one address, every
/// request from it is refused (correct credentials included) until the block expires or is reset. A successful login
/// forgets the address's earlier failures, as cphulkd does for a good login.
/// </summary>
internal sealed class BruteForceGuard
{
    private readonly object _gate = new();
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _blockedUntil = new(StringComparer.Ordinal);
    private readonly int _maxFailures;
    private readonly TimeSpan _blockDuration;
    private readonly TimeProvider _clock;

    /// <param name="maxFailures">Failures that trigger a block; 0 disables the guard.</param>
    public BruteForceGuard(int maxFailures, TimeSpan blockDuration, TimeProvider clock)
    {
        _maxFailures = maxFailures;
        _blockDuration = blockDuration;
        _clock = clock;
    }

    public bool IsBlocked(string address)
    {
        lock (_gate)
        {
            if (!_blockedUntil.TryGetValue(address, out var until))
            {
                return false;
            }

            if (_clock.GetUtcNow() < until)
            {
                return true;
            }

            _blockedUntil.Remove(address);
            return false;
        }
    }

    public void RecordFailure(string address)
    {
        if (_maxFailures <= 0)
        {
            return;
        }

        lock (_gate)
        {
            var failures = _failures.GetValueOrDefault(address) + 1;
            if (failures >= _maxFailures)
            {
                _failures.Remove(address);
                _blockedUntil[address] = _clock.GetUtcNow() + _blockDuration;
            }
            else
            {
                _failures[address] = failures;
            }
        }
    }

    public void RecordSuccess(string address)
    {
        lock (_gate)
        {
            _failures.Remove(address);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _failures.Clear();
            _blockedUntil.Clear();
        }
    }
}

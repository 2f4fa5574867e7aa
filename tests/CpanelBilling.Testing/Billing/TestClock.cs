using System;
using System.Threading;

namespace CpanelBilling.Testing.Billing;

/// <summary>A clock a test moves by hand (for lease expiry and stored times), safe to read from several threads.</summary>
public sealed class TestClock
{
    private long _ticks;

    public TestClock(DateTime startUtc)
    {
        _ticks = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc).Ticks;
    }

    public DateTime UtcNow => new DateTime(Interlocked.Read(ref _ticks), DateTimeKind.Utc);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    /// <summary>For <c>BillingRepositoryOptions.UtcNow</c>.</summary>
    public DateTime Now() => UtcNow;
}

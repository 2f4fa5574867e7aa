using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Xunit;

namespace CpanelBilling.Whm.Tests.Simulator;

/// <summary>Waits (bounded) for a condition another party makes true, instead of sleeping a guessed time.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string because)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "Timed out waiting: " + because);
            await Task.Delay(10);
        }
    }
}

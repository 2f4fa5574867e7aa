using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using CpanelBilling.Benchmarks.Scale;

namespace CpanelBilling.Benchmarks;

/// <summary>
/// <c>scale [accounts]</c> runs the listing scale harness; anything else goes to BenchmarkDotNet
/// (<c>--filter *Bandwidth*</c>, <c>--list flat</c>, …).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == ListingScaleHarness.Command)
        {
            return await ListingScaleHarness.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == ListingScaleHarness.PhaseCommand)
        {
            return await ListingScaleHarness.RunPhaseAsync(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
